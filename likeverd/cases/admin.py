"""The admin for cases and reporting categories, scoped like every other read: a person sees
only their own office's rows, whatever Django model permissions they hold. Cases are
read-only here (the case screens are where cases change) and show no encrypted field;
an office administrator (MANAGE_OFFICE) keeps the office's reporting categories. Nothing is
deleted through the admin.
"""

from typing import Any

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer, build_viewer, scope_to_office
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.models import Case, ReportingCategory
from likeverd.cases.permissions import visible_cases
from likeverd.taxonomy.models import Term, TermKind


def _viewer(request: HttpRequest) -> Viewer | None:
    if not request.user.is_authenticated or not request.user.is_active:
        return None
    return build_viewer(request.user)


def _can(request: HttpRequest, permission: Permission) -> bool:
    viewer = _viewer(request)
    return viewer is not None and viewer.can(permission)


CASE_FIELDS = (
    "number",
    "status",
    "channel",
    "received_at",
    "incident_date_precision",
    "place_kind",
    "incident_municipality",
    "residence_municipality",
    "outcome",
    "closed_at",
)


class PublicIdChangeList(ChangeList):
    def url_for_result(self, result: Any) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[str(result.public_id)],
            current_app=self.model_admin.admin_site.name,
        )


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin[Case]):
    list_display = ["number", "status", "channel", "received_at"]
    list_filter = ["status", "channel"]
    search_fields = ["number"]
    fields = CASE_FIELDS
    readonly_fields = CASE_FIELDS
    ordering = ["-received_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Case]:
        viewer = _viewer(request)
        if viewer is None:
            return Case.objects.none()
        return visible_cases(viewer).order_by("-received_at")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _can(request, Permission.VIEW_ALL_CASES)

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return PublicIdChangeList

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Case | None:
        # Addressed by the public UUID, like everywhere else: no sequential id in a URL.
        try:
            case = self.get_queryset(request).get(public_id=object_id)
        except (Case.DoesNotExist, ValidationError, ValueError):
            case = None
        viewer = _viewer(request)
        if case is not None and viewer is not None:
            record_event(
                actor=viewer.user,
                office=viewer.office,
                action=AuditAction.VIEW,
                target=case,
                case=case,
                detail={"via": "admin"},
            )
        return case

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _can(request, Permission.VIEW_ALL_CASES)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ReportingCategory)
class ReportingCategoryAdmin(admin.ModelAdmin[ReportingCategory]):
    list_display = ["code", "label_nb", "label_sv", "label_en", "sort_order", "is_active"]
    list_editable = ["sort_order", "is_active"]
    fields = ["code", "label_nb", "label_sv", "label_en", "areas", "sort_order", "is_active"]
    filter_horizontal = ["areas"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ReportingCategory]:
        viewer = _viewer(request)
        if viewer is None:
            return ReportingCategory.objects.none()
        return scope_to_office(super().get_queryset(request), viewer)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "areas":
            viewer = _viewer(request)
            jurisdiction = viewer.office.jurisdiction if viewer and viewer.office else ""
            kwargs["queryset"] = Term.objects.filter(jurisdiction=jurisdiction, kind=TermKind.AREA)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        base = super().get_form(request, obj, change=change, **kwargs)
        viewer = _viewer(request)
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
