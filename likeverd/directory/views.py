"""The help directory's staff screens: HTTP only. Search and a service's page for every member of
staff; an office's own services for its administrators. Each view parses with a form, calls one
selector or one service, and renders or redirects with a message.
"""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from likeverd.accounts.models import Office
from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.directory import selectors, services
from likeverd.directory.forms import DirectorySearchForm, OrganizationForm, ServiceForm
from likeverd.directory.models import Service


def _office(viewer: Viewer) -> Office:
    if viewer.office is None:
        raise PermissionDenied(_("You do not belong to an office."))
    return viewer.office


@viewer_required()
@require_GET
def directory_search(request: HttpRequest) -> HttpResponse:
    office = _office(get_viewer(request))
    data = request.GET if request.GET else {"country": office.jurisdiction}
    form = DirectorySearchForm(data)
    found = (
        selectors.search_services(office=office, **form.filters())
        if form.is_valid()
        else Service.objects.none()
    )
    return render(
        request,
        "directory/directory_search.html",
        {
            "form": form,
            "services": found,
            "places": selectors.list_places(office=office),
            "can_manage": get_viewer(request).can(Permission.MANAGE_OFFICE),
        },
    )


@viewer_required()
@require_GET
def service_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    office = _office(get_viewer(request))
    try:
        service = selectors.get_service(office=office, public_id=public_id)
    except Service.DoesNotExist as error:
        raise Http404 from error
    return render(
        request,
        "directory/service_detail.html",
        {
            "service": service,
            "can_edit": service.office_id == office.pk and get_viewer(request).can(Permission.MANAGE_OFFICE),
        },
    )


@viewer_required(Permission.MANAGE_OFFICE)
@require_GET
def office_services(request: HttpRequest) -> HttpResponse:
    office = _office(get_viewer(request))
    return render(
        request, "directory/office_services.html", {"services": selectors.list_office_services(office=office)}
    )


def _save_service(request: HttpRequest, service: Service | None) -> HttpResponse:
    viewer = get_viewer(request)
    office = _office(viewer)
    initial = ServiceForm.initial_for(service) if service is not None else {}
    form = ServiceForm(request.POST or None, office=office, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if service is None:
                service = services.create_office_service(viewer=viewer, details=form.details())
                messages.success(request, _("The service was added to your office's directory."))
            else:
                service = services.update_office_service(
                    viewer=viewer, service=service, details=form.details()
                )
                messages.success(request, _("The service was saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("directory:service_detail", public_id=service.public_id)
    return render(request, "directory/service_form.html", {"form": form, "service": service})


@viewer_required(Permission.MANAGE_OFFICE)
@require_http_methods(["GET", "POST"])
def service_create(request: HttpRequest) -> HttpResponse:
    return _save_service(request, None)


@viewer_required(Permission.MANAGE_OFFICE)
@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    office = _office(get_viewer(request))
    try:
        service = selectors.get_office_service(office=office, public_id=public_id)
    except Service.DoesNotExist as error:
        raise Http404 from error
    return _save_service(request, service)


@viewer_required(Permission.MANAGE_OFFICE)
@require_http_methods(["GET", "POST"])
def organization_create(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.create_office_organization(viewer=viewer, details=form.details())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s was added. Now add its services.") % {"name": organization.name},
            )
            return redirect("directory:service_create")
    return render(request, "directory/organization_form.html", {"form": form})
