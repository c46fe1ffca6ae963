"""Assigning a case to an adviser or mediator of its office."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor
from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Permission, Role
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events
from likeverd.cases.models import Case
from likeverd.cases.services.common import audit_as, require
from likeverd.core import clock

CASEWORK_ROLES = {Role.ADVISER, Role.MEDIATOR}


def check_assignee(office: Office, assignee: User) -> None:
    """Cases go only to the office's advisers and mediators."""
    if not Membership.objects.filter(
        user=assignee, office=office, role__in=CASEWORK_ROLES, is_active=True
    ).exists():
        raise ValidationError(_("Cases can only be assigned to advisers and mediators of this office."))


def record_assignment(actor: Actor, case: Case, assignee: User | None) -> None:
    """The timeline event and audit row of an assignment (the caller wrote the case row)."""
    events.case_assigned(case=case, actor=actor, assignee=assignee)
    audit_as(actor, case.office, AuditAction.CHANGE, case, case, fields=["assigned_to"])


@transaction.atomic
def assign_case(*, viewer: Viewer, case: Case, assignee: User | None) -> Case:
    require(viewer, Permission.ASSIGN_CASE, case)
    if assignee is not None:
        check_assignee(case.office, assignee)
    if case.assigned_to_id == (assignee.pk if assignee else None):
        return case
    case.assigned_to = assignee
    case.updated_at = clock.now()
    case.save(update_fields=["assigned_to", "updated_at"])
    record_assignment(StaffActor.of(viewer), case, assignee)
    return case
