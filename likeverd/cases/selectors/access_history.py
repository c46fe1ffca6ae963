"""A case's access history: who read or changed it, from the audit log, office-scoped."""

from django.db.models import QuerySet

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.audit.models import AuditEvent


def list_case_access_history(*, viewer: Viewer, case_public_id: str) -> QuerySet[AuditEvent]:
    if not viewer.can(Permission.VIEW_ACCESS_HISTORY):
        return AuditEvent.objects.none()
    return (
        scope_to_office(AuditEvent.objects.all(), viewer)
        .filter(case_id=case_public_id)
        .select_related("actor")
    )
