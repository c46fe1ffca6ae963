"""The office administrator's overview (staff and what is left to set up) and the office's details."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from likeverd.accounts import selectors as staff_selectors
from likeverd.accounts import services
from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.officeadmin import selectors
from likeverd.officeadmin.forms import OfficeDetailsForm


def render_overview(request: HttpRequest) -> HttpResponse:
    """The administrator's overview; also what an office administrator lands on after login."""
    viewer = get_viewer(request)
    staff = [member for member in staff_selectors.list_staff(viewer=viewer) if member.is_active]
    context = {"staff": staff, "tasks": selectors.list_setup_tasks(viewer=viewer), "office": viewer.office}
    return render(request, "officeadmin/overview.html", context)


@never_cache
@require_GET
@viewer_required(Permission.MANAGE_OFFICE)
def overview(request: HttpRequest) -> HttpResponse:
    return render_overview(request)


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(Permission.MANAGE_OFFICE)
def office_details(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    form = OfficeDetailsForm(
        request.POST if request.method == "POST" else None, initial=OfficeDetailsForm.initial_for(viewer)
    )
    if form.is_valid():
        try:
            services.change_office_details(viewer=viewer, details=form.to_details())
        except ValidationError as error:
            for item in error.error_list:
                form.add_error(None, item)
        else:
            messages.success(request, _("The office's details are saved."))
            return redirect("officeadmin:overview")
    return render(request, "officeadmin/office_details.html", {"form": form, "office": viewer.office})
