from typing import Any

from django.http import HttpRequest

from likeverd.accounts.viewer import Viewer
from likeverd.cases.access import may_read_cases


def case_access(request: HttpRequest) -> dict[str, Any]:
    """`may_read_cases` for every page (the main navigation): the rule of likeverd.cases.access."""
    viewer = getattr(request, "viewer", None)
    return {"may_read_cases": may_read_cases(viewer if isinstance(viewer, Viewer) else None)}
