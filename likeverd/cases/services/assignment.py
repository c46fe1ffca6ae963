"""Assigning a case to an adviser or mediator of its office."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Membership, User
from likeverd.accounts.roles import Permission, Role
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events
from likeverd.cases.models import Case
from likeverd.cases.services.common import audit, require
from likeverd.core import clock

CASEWORK_ROLES = {Role.ADVISER, Role.MEDIATOR}


@transaction.atomic
def assign_case(*, viewer: Viewer, case: Case, assignee: User | None) -> Case:
    require(viewer, Permission.ASSIGN_CASE, case)
    if (
        assignee is not None
        and not Membership.objects.filter(
            user=assignee, office_id=case.office_id, role__in=CASEWORK_ROLES, is_active=True
        ).exists()
    ):
        raise ValidationError(_("Cases can only be assigned to advisers and mediators of this office."))
    if case.assigned_to_id == (assignee.pk if assignee else None):
        return case
    case.assigned_to = assignee
    case.updated_at = clock.now()
    case.save(update_fields=["assigned_to", "updated_at"])
    events.case_assigned(case=case, actor=StaffActor.of(viewer), assignee=assignee)
    audit(viewer, AuditAction.CHANGE, case, case, fields=["assigned_to"])
    return case
