"""The deadlines page: what the dashboard's box shows the soonest few of."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.cases.access import may_read_cases
from likeverd.triage import panels


@require_GET
@viewer_required()
def deadlines(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    if not may_read_cases(viewer):
        raise PermissionDenied(_("You do not have permission to do this."))
    context = panels.deadlines_page(
        viewer, mine=request.GET.get("scope") == "mine", page_number=request.GET.get("page")
    )
    return render(request, "triage/deadlines.html", context)
