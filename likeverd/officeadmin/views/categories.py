"""The office's reporting categories (areas of society): listed, added, renamed, retired, restored."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.core.refusals import refusal_as_message
from likeverd.officeadmin import selectors
from likeverd.officeadmin.forms import CategoryForm
from likeverd.taxonomy import services


@never_cache
@require_GET
@viewer_required(Permission.MANAGE_OFFICE)
def category_list(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    categories = selectors.list_reporting_categories(viewer=viewer)
    return render(request, "officeadmin/category_list.html", {"categories": categories})


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(Permission.MANAGE_OFFICE)
def category_add(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    form = CategoryForm(request.POST if request.method == "POST" else None, viewer=viewer)
    if form.is_valid():
        try:
            category = services.add_reporting_category(
                viewer=viewer, labels=form.to_labels(), areas=form.to_areas()
            )
        except ValidationError as error:
            for item in error.error_list:
                form.add_error(None, item)
        else:
            messages.success(request, _("Added the category “%(category)s”.") % {"category": category.label})
            return redirect("officeadmin:category_list")
    return render(request, "officeadmin/category_form.html", {"form": form, "category": None})


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(Permission.MANAGE_OFFICE)
def category_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    category = selectors.get_reporting_category(viewer=viewer, public_id=str(public_id))
    initial = {
        "label_nb": category.label_nb,
        "label_sv": category.label_sv,
        "label_en": category.label_en,
        "areas": list(category.areas.all()),
    }
    form = CategoryForm(request.POST if request.method == "POST" else None, initial=initial, viewer=viewer)
    if form.is_valid():
        try:
            category = services.rename_reporting_category(
                viewer=viewer, category=category, labels=form.to_labels(), areas=form.to_areas()
            )
        except ValidationError as error:
            for item in error.error_list:
                form.add_error(None, item)
        else:
            messages.success(request, _("Saved the category “%(category)s”.") % {"category": category.label})
            return redirect("officeadmin:category_list")
    return render(request, "officeadmin/category_form.html", {"form": form, "category": category})


@require_POST
@viewer_required(Permission.MANAGE_OFFICE)
def category_retire(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    category = selectors.get_reporting_category(viewer=viewer, public_id=str(public_id))
    with refusal_as_message(request):
        services.retire_reporting_category(viewer=viewer, category=category)
        messages.success(
            request,
            _("Retired “%(category)s”: it is no longer offered, and cases that have it keep it.")
            % {"category": category.label},
        )
    return redirect("officeadmin:category_list")


@require_POST
@viewer_required(Permission.MANAGE_OFFICE)
def category_restore(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    category = selectors.get_reporting_category(viewer=viewer, public_id=str(public_id))
    with refusal_as_message(request):
        services.restore_reporting_category(viewer=viewer, category=category)
        messages.success(request, _("“%(category)s” is offered again.") % {"category": category.label})
    return redirect("officeadmin:category_list")
