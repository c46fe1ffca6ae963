"""The case page's note on an imported case: the sheet's own case number and the file it came
from (registered in SetupConfig.ready() through likeverd.cases.registry; one query)."""

from likeverd.accounts.viewer import Viewer
from likeverd.cases import registry
from likeverd.cases.models import Case
from likeverd.setup.imports import selectors


def case_section(viewer: Viewer, case: Case) -> dict[str, object] | None:
    imported = selectors.imported_case(case.pk)
    if imported is None:
        return None
    return {"imported": imported}


def register() -> None:
    registry.register_case_section(
        "imported", template="setup/imports/case_section.html", context=case_section, order=5
    )
