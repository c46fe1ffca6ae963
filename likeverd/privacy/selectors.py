"""The data-protection officer's reads: the office's audit log, office-scoped."""

from django.db.models import QuerySet

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.audit.models import AuditEvent


def list_office_audit_log(*, viewer: Viewer) -> QuerySet[AuditEvent]:
    if not viewer.can(Permission.VIEW_AUDIT_LOG):
        return AuditEvent.objects.none()
    return scope_to_office(AuditEvent.objects.all(), viewer).select_related("actor")
