"""The admin for cases, scoped like every other read: a person sees
only the rows of the office chosen in their session (the same viewer as the case screens),
whatever Django model permissions they hold, and rows are addressed by public id. Cases are
read-only here (the case screens are where cases change) and show no encrypted field;
an office administrator (MANAGE_OFFICE) keeps the office's reporting categories. Nothing is
deleted through the admin.
"""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.admin_site import admin_viewer
from likeverd.accounts.roles import Permission
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.access import visible_cases
from likeverd.cases.models import Case
from likeverd.core.admin import PublicIdAdminMixin


def _can(request: HttpRequest, permission: Permission) -> bool:
    viewer = admin_viewer(request)
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


@admin.register(Case)
class CaseAdmin(PublicIdAdminMixin[Case]):
    list_display = ["number", "status", "channel", "received_at"]
    list_filter = ["status", "channel"]
    search_fields = ["number"]
    fields = CASE_FIELDS
    readonly_fields = CASE_FIELDS
    ordering = ["-received_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Case]:
        viewer = admin_viewer(request)
        if viewer is None:
            return Case.objects.none()
        return visible_cases(viewer).order_by("-received_at")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _can(request, Permission.VIEW_ALL_CASES)

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Case | None:
        case = super().get_object(request, object_id, from_field)
        viewer = admin_viewer(request)
        if case is not None and viewer is not None:
            record_event(
                actor=StaffActor.of(viewer),
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
