"""What every write of office administration starts with: the administrator's own office, locked,
and the checks that keep an administrator to the people of that office. Also used by the
taxonomy app's writes of an office's reporting categories."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import OFFICE_ROLES, Permission, Role
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event


def admin_office(viewer: Viewer) -> Office:
    """The viewer's office, locked until the transaction ends, so that two administrators
    changing roles at the same moment cannot both remove the other's last admin role."""
    if viewer.office is None or not viewer.can(Permission.MANAGE_OFFICE):
        raise PermissionDenied(_("Only an office administrator can do this."))
    office = Office.objects.select_for_update().get(pk=viewer.office.pk)
    # The viewer was built when the request began: another administrator may have revoked the
    # role since. Under the lock, the role is checked again.
    if not Membership.objects.filter(
        office=office, user=viewer.user, role=Role.OFFICE_ADMIN, is_active=True, user__is_active=True
    ).exists():
        raise PermissionDenied(_("Only an office administrator can do this."))
    return office


def require_member(office: Office, person: User) -> None:
    if not Membership.objects.filter(office=office, user=person).exists():
        raise PermissionDenied(_("This person does not work in your office."))


def require_only_here(office: Office, person: User) -> None:
    """Passwords and authenticators belong to the person, not the office: an administrator
    replaces them only for people who work in no other office (and are not installers)."""
    elsewhere = Membership.objects.filter(user=person, is_active=True).exclude(office=office).exists()
    if elsewhere or person.is_superuser:
        raise PermissionDenied(
            _(
                "This person also works in another office: ask the installation's administrator "
                "to replace their password or authenticator."
            )
        )


def office_role(role: Role | str) -> Role:
    try:
        chosen = Role(role)
    except ValueError:
        raise ValidationError(_("Unknown role."), code="role") from None
    if chosen not in OFFICE_ROLES:
        raise ValidationError(_("Network roles are given by the installation's administrator."), code="role")
    return chosen


def audit(viewer: Viewer, action: AuditAction, target: Model, **detail: object) -> None:
    record_event(
        actor=StaffActor.of(viewer), office=viewer.office, action=action, target=target, detail=detail
    )
