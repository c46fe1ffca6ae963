"""The case page's note on an imported case: the sheet's own case number and the file it came
from (registered in SetupConfig.ready() through likeverd.cases.registry). The case page reads the
import row with the case (the relation is declared below), so a case that was not imported asks
nothing more; an imported one reads its run. Also the sheet's number as an identifier the case
search finds the case by (the index keeps it when it is rebuilt)."""

from likeverd.accounts.viewer import Viewer
from likeverd.cases import registry
from likeverd.cases.models import Case
from likeverd.cases.selectors import read_with_case
from likeverd.setup.imports import selectors


def case_section(viewer: Viewer, case: Case) -> dict[str, object] | None:
    if read_with_case(viewer, case, "imported"):
        imported = getattr(case, "imported", None)
    else:
        imported = selectors.imported_case(case.pk)
    if imported is None:
        return None
    return {"imported": imported}


def sheet_numbers(case: Case) -> list[str]:
    """The sheet's case number of an imported case (none for a case not imported)."""
    return selectors.sheet_numbers(case.pk)


def register() -> None:
    registry.register_search_identifiers("imported", identifiers=sheet_numbers)
    registry.register_case_section(
        "imported",
        template="setup/imports/case_section.html",
        context=case_section,
        order=5,
        related=("imported",),
    )
