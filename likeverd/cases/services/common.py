"""What every case service shares: the permission check, the office, the audit row and the
case's "last changed" time. Timeline events are written by `likeverd.cases.events`."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.models import Case
from likeverd.core import clock
from likeverd.taxonomy.models import ReportingCategory


def require(viewer: Viewer, permission: Permission, case: Case | None = None) -> None:
    """Refuse unless the viewer holds `permission` (and `case`, if given, is of their office)."""
    if not viewer.can(permission) or (case is not None and case.office_id != viewer.office_id):
        raise PermissionDenied(_("You do not have permission to do this."))


def office_of(viewer: Viewer) -> Office:
    if viewer.office is None:
        raise PermissionDenied(_("You do not belong to an office."))
    return viewer.office


def audit(viewer: Viewer, action: AuditAction, target: Any, case: Case, **detail: Any) -> None:
    audit_as(StaffActor.of(viewer), viewer.office, action, target, case, **detail)


def audit_as(
    actor: Actor, office: Office | None, action: AuditAction, target: Any, case: Case, **detail: Any
) -> None:
    """The audit row of a write by any actor (a reporter's form, a system job, staff)."""
    record_event(actor=actor, office=office, action=action, target=target, case=case, detail=detail)


def touch(case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(updated_at=clock.now())


def own_category(office: Office, category: ReportingCategory | None) -> ReportingCategory | None:
    if category is not None and category.office_id != office.pk:
        raise ValidationError(_("That category belongs to another office."))
    return category
