"""The audit log in the admin: read-only, the office chosen in the session only, and no page
per event (an event has no public id, and its integer key stays out of URLs)."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from likeverd.accounts.admin_site import admin_viewer
from likeverd.accounts.viewer import scope_to_office
from likeverd.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Read-only: the log cannot be edited through the application."""

    list_display = ["occurred_at", "actor_label", "office", "action", "target_type", "target_id"]
    list_display_links = None
    list_filter = ["action", "target_type"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEvent]:
        viewer = admin_viewer(request)
        if viewer is None:
            return AuditEvent.objects.none()
        return scope_to_office(super().get_queryset(request), viewer)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # The list only: a page per event would be addressed by its sequential id.
        return obj is None and super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
