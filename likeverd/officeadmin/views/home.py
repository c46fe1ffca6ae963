"""Where each person lands after logging in, by what their roles in the active office let them do.

Case readers (advisers, mediators, the data-protection officer) get the case overview of
`cases`; an office administrator who reads no cases gets the office's staff and set-up tasks;
a coordinator what they registered and the office's open intake; a network statistician the
network's figures (statistics:network). Nobody lands on an empty page.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.cases.views import dashboard
from likeverd.officeadmin import selectors
from likeverd.officeadmin.views.office import render_overview


@never_cache
@require_GET
@viewer_required()
def home(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    if viewer.can(Permission.VIEW_ALL_CASES) or viewer.can(Permission.VIEW_MEDIATION_CASES):
        return dashboard(request)  # type: ignore[return-value]
    if viewer.can(Permission.MANAGE_OFFICE):
        return render_overview(request)
    if viewer.can(Permission.REGISTER_CASE):
        board = selectors.get_coordinator_home(viewer=viewer)
        return render(request, "officeadmin/home_coordinator.html", {"board": board})
    if viewer.can(Permission.VIEW_NETWORK_STATISTICS):
        return redirect("statistics:network")
    return render(request, "officeadmin/home_no_role.html")
