"""The taxonomy's admin. Terms and legal sources are read-only: they come from the data files,
so nobody edits them here. An office administrator (MANAGE_OFFICE) keeps the reporting
categories of the office chosen in their session; rows are addressed by public id, and
nothing is deleted through the admin."""

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from likeverd.accounts.admin_site import admin_viewer
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import scope_to_office
from likeverd.core.admin import PublicIdAdminMixin
from likeverd.taxonomy.models import LegalSource, ReportingCategory, Term, TermKind


def _can(request: HttpRequest, permission: Permission) -> bool:
    viewer = admin_viewer(request)
    return viewer is not None and viewer.can(permission)


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Term)
class TermAdmin(ReadOnlyMixin, admin.ModelAdmin[Term]):
    list_display = ["code", "label_en", "jurisdiction", "kind", "valid_from", "valid_to", "status"]
    list_filter = ["jurisdiction", "kind", "status"]
    search_fields = ["code", "label_nb", "label_sv", "label_en"]
    ordering = ["jurisdiction", "kind", "sort_order", "code", "valid_from"]


@admin.register(LegalSource)
class LegalSourceAdmin(ReadOnlyMixin, admin.ModelAdmin[LegalSource]):
    list_display = ["key", "law", "section", "jurisdiction", "status"]
    list_filter = ["jurisdiction", "status"]
    search_fields = ["key", "law", "section", "note"]


@admin.register(ReportingCategory)
class ReportingCategoryAdmin(PublicIdAdminMixin[ReportingCategory]):
    list_display = ["code", "label_nb", "label_sv", "label_en", "sort_order", "is_active"]
    list_editable = ["sort_order", "is_active"]
    fields = ["code", "label_nb", "label_sv", "label_en", "areas", "sort_order", "is_active"]
    filter_horizontal = ["areas"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ReportingCategory]:
        viewer = admin_viewer(request)
        if viewer is None:
            return ReportingCategory.objects.none()
        return scope_to_office(super().get_queryset(request), viewer)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "areas":
            viewer = admin_viewer(request)
            jurisdiction = viewer.office.jurisdiction if viewer and viewer.office else ""
            kwargs["queryset"] = Term.objects.filter(jurisdiction=jurisdiction, kind=TermKind.AREA)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        base = super().get_form(request, obj, change=change, **kwargs)
        viewer = admin_viewer(request)
        office = viewer.office if viewer else None

        class OfficeCategoryForm(base):  # type: ignore[misc,valid-type]
            """Puts a new category in the admin's own office, and checks its code is free there
            (the office is not a form field, so Django would skip the unique constraint)."""

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                if self.instance.office_id is None and office is not None:
                    self.instance.office = office

            def clean_code(self) -> str:
                code: str = self.cleaned_data["code"]
                taken = ReportingCategory.objects.filter(office=office, code=code).exclude(
                    pk=self.instance.pk
                )
                if taken.exists():
                    raise ValidationError(_("This office already has a category with this code."))
                return code

        return OfficeCategoryForm

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _can(request, Permission.MANAGE_OFFICE)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _can(request, Permission.MANAGE_OFFICE)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _can(request, Permission.MANAGE_OFFICE)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _can(request, Permission.MANAGE_OFFICE)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
