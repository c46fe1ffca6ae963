from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from likeverd.accounts.viewer import build_viewer, scope_to_office
from likeverd.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Read-only: the log cannot be edited through the application."""

    list_display = ["occurred_at", "actor_label", "office", "action", "target_type", "target_id"]
    list_filter = ["action", "target_type"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEvent]:
        viewer = build_viewer(request.user)  # type: ignore[arg-type]
        return scope_to_office(super().get_queryset(request), viewer)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
