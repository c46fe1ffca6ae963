"""Writes of an office's staff: a person created (in the browser or at the command line, with a
confirmed authenticator), roles granted and revoked, deactivation, a new password, authenticators
added or replaced. Each is audited; nobody can leave an office without an active administrator."""

import secrets
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.actors import StaffActor, SystemActor
from likeverd.accounts.models import Invitation, Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.selectors import count_active_admins
from likeverd.accounts.services.common import (
    admin_office,
    audit,
    office_role,
    require_member,
    require_only_here,
)
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.core import clock

GENERATED_PASSWORD_LENGTH = 20
# No look-alike characters (0/O, 1/l/I): a generated password is read off a terminal and typed.
PASSWORD_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")

DEFAULT_DEVICE_NAME = "Authenticator"
COMMAND_LINE = "command line"


def generate_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(GENERATED_PASSWORD_LENGTH))


@transaction.atomic
def add_staff_member(
    *,
    office: Office,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    roles: Iterable[Role | str],
    password: str | None = None,
    invited: bool = False,
) -> tuple[User, TOTPDevice, str | None]:
    """Create a person with `roles` in `office` and a confirmed TOTP device.

    Returns the person, the device (to show its provisioning URI once) and the generated
    password, or None when `password` was given. A given password must pass the validators; a
    generated one was read by someone else, so the person must choose their own at first login.
    An `invited` person gets no password and an unconfirmed device: they choose the one and
    confirm the other through their invitation's link (services.invitations).
    """
    chosen_roles = [Role(role) for role in roles]
    if not chosen_roles:
        raise ValueError("a staff member needs at least one role")
    user = User(
        username=username.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        # Office admins keep their office's reporting categories in the admin site, which is
        # scoped to their office (cases.admin); nobody else needs it.
        is_staff=Role.OFFICE_ADMIN in chosen_roles,
    )
    user.full_clean(exclude=["password"])
    generated = None
    if invited:
        user.set_unusable_password()
    elif password is None:
        generated = password = generate_password()
        user.must_change_password = True
    else:
        validate_password(password, user=user)
    if password is not None and not invited:
        user.set_password(password)
    user.save()
    # Confirmed at once: the installer hands the QR code to the person, who scans it before
    # the first login. An invited person confirms it themselves, with their first code.
    device = TOTPDevice.objects.create(user=user, name=DEFAULT_DEVICE_NAME, confirmed=not invited)
    for role in dict.fromkeys(chosen_roles):
        Membership.objects.create(user=user, office=office, role=role)
    return user, device, generated


def provisioning_uri(device: TOTPDevice) -> str:
    """The otpauth:// URI an authenticator app reads (from a QR code) to set up the device."""
    uri: str = device.config_url
    return uri


@dataclass(frozen=True)
class NewStaffMember:
    username: str
    first_name: str
    last_name: str
    email: str = ""
    roles: Sequence[Role | str] = field(default_factory=tuple)


@dataclass(frozen=True)
class Credentials:
    """What the new person needs to log in, shown once and stored nowhere in clear text."""

    person: User
    device: TOTPDevice
    password: str | None = None


def _create(
    *,
    office: Office,
    member: NewStaffMember,
    actor: User | None,
    roles: list[Role],
    password: str | None = None,
    invited: bool = False,
) -> Credentials:
    if not roles:
        raise ValidationError(_("Choose at least one role."), code="roles")
    if User.objects.filter(username__iexact=member.username.strip()).exists():
        raise ValidationError(_("This username is taken: choose another."), code="username")
    person, device, generated = add_staff_member(
        office=office,
        username=member.username,
        first_name=member.first_name,
        last_name=member.last_name,
        email=member.email,
        roles=roles,
        password=password,
        invited=invited,
    )
    # The installer at the command line is nobody in the office: the row says where it came from.
    via = {} if actor is not None else {"via": COMMAND_LINE}
    acting = StaffActor(actor) if actor is not None else SystemActor(f"the {COMMAND_LINE}")
    granted = [str(role) for role in dict.fromkeys(roles)]
    record_event(
        actor=acting,
        office=office,
        action=AuditAction.CREATE,
        target=person,
        detail={"roles": granted, **via},
    )
    for role in granted:
        record_event(
            actor=acting,
            office=office,
            action=AuditAction.GRANT_ROLE,
            target=person,
            detail={"role": role, **via},
        )
    return Credentials(person=person, password=generated, device=device)


@transaction.atomic
def create_staff_member(*, viewer: Viewer, member: NewStaffMember) -> Credentials:
    """A new person in the office with a generated password and a new authenticator."""
    office = admin_office(viewer)
    return _create(
        office=office, member=member, actor=viewer.user, roles=[office_role(role) for role in member.roles]
    )


@transaction.atomic
def create_staff_member_from_command_line(
    *, office: Office, member: NewStaffMember, password: str | None = None
) -> Credentials:
    """`likeverd createstaff`: the installer adds the first administrator of an office (or a
    network statistician, a role only the installer gives)."""
    office = Office.objects.select_for_update().get(pk=office.pk)
    return _create(
        office=office,
        member=member,
        actor=None,
        roles=[Role(role) for role in member.roles],
        password=password,
    )


def _refuse_losing_last_admin(office: Office, person: User) -> None:
    is_admin = Membership.objects.filter(
        office=office, user=person, role=Role.OFFICE_ADMIN, is_active=True
    ).exists()
    if is_admin and count_active_admins(office=office, excluding=person) == 0:
        raise ValidationError(
            _(
                "%(person)s is the office's only administrator. Make someone else an administrator "
                "first, so that the office is never left without one."
            ),
            params={"person": str(person)},
            code="last_admin",
        )


@transaction.atomic
def grant_role(*, viewer: Viewer, person: User, role: Role | str) -> Membership:
    office = admin_office(viewer)
    require_member(office, person)
    chosen = office_role(role)
    membership, created = Membership.objects.get_or_create(user=person, office=office, role=chosen)
    if not created and membership.is_active:
        raise ValidationError(
            _("%(person)s already has this role."), params={"person": str(person)}, code="role"
        )
    if not created:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    changed = []
    # A person deactivated here (and working nowhere else) can log in again once given a role.
    if not person.is_active and not Membership.objects.filter(user=person).exclude(office=office).exists():
        person.is_active = True
        changed.append("is_active")
    if chosen == Role.OFFICE_ADMIN and not person.is_staff:
        # Office administrators also keep their reporting categories in the admin site.
        person.is_staff = True
        changed.append("is_staff")
    if changed:
        person.save(update_fields=changed)
    audit(viewer, AuditAction.GRANT_ROLE, person, role=str(chosen))
    return membership


@transaction.atomic
def revoke_role(*, viewer: Viewer, person: User, role: Role | str) -> None:
    office = admin_office(viewer)
    require_member(office, person)
    chosen = Role(role)
    membership = Membership.objects.filter(user=person, office=office, role=chosen, is_active=True).first()
    if membership is None:
        raise ValidationError(
            _("%(person)s does not have this role."), params={"person": str(person)}, code="role"
        )
    if chosen == Role.OFFICE_ADMIN:
        _refuse_losing_last_admin(office, person)
        if person == viewer.user:
            raise ValidationError(
                _("You cannot take away your own administrator role: ask another administrator to do it."),
                code="own_admin_role",
            )
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    audit(viewer, AuditAction.REVOKE_ROLE, person, role=str(chosen))


@transaction.atomic
def deactivate_staff_member(*, viewer: Viewer, person: User) -> None:
    """Take away every role the person has in the office; someone who works nowhere else can no
    longer log in (their open sessions end at their next request)."""
    office = admin_office(viewer)
    require_member(office, person)
    _refuse_losing_last_admin(office, person)
    if person == viewer.user:
        raise ValidationError(
            _("You cannot deactivate yourself: ask another administrator to do it."), code="self"
        )
    memberships = Membership.objects.filter(user=person, office=office, is_active=True)
    roles = sorted(memberships.values_list("role", flat=True))
    memberships.update(is_active=False)
    works_elsewhere = Membership.objects.filter(user=person, is_active=True).exclude(office=office).exists()
    if not works_elsewhere and person.is_active and not person.is_superuser:
        person.is_active = False
        person.save(update_fields=["is_active"])
    audit(viewer, AuditAction.DEACTIVATE, person, roles=roles, can_log_in=person.is_active)


def _close_invitations(office: Office, person: User) -> None:
    """An administrator who hands over a password or authenticator in person ends any invitation
    still open: its link would otherwise set up the account a second way."""
    Invitation.objects.filter(person=person, office=office, accepted_at=None, replaced_at=None).update(
        replaced_at=clock.now()
    )


@transaction.atomic
def reset_password(*, viewer: Viewer, person: User) -> str:
    """A new generated password, returned once; the person's other sessions end with the old one,
    and their next login asks them to choose their own."""
    office = admin_office(viewer)
    require_member(office, person)
    require_only_here(office, person)
    password = generate_password()
    person.set_password(password)
    person.must_change_password = True
    person.save(update_fields=["password", "must_change_password"])
    _close_invitations(office, person)
    audit(viewer, AuditAction.RESET_PASSWORD, person)
    return password


@transaction.atomic
def add_authenticator(*, viewer: Viewer, person: User, name: str = DEFAULT_DEVICE_NAME) -> TOTPDevice:
    """A further authenticator (a second phone, say), keeping the ones the person has."""
    office = admin_office(viewer)
    require_member(office, person)
    require_only_here(office, person)
    device = TOTPDevice.objects.create(user=person, name=name.strip() or DEFAULT_DEVICE_NAME, confirmed=True)
    audit(viewer, AuditAction.ADD_AUTHENTICATOR, person, device=device.persistent_id)
    return device


@transaction.atomic
def reset_authenticators(*, viewer: Viewer, person: User) -> TOTPDevice:
    """For a lost or replaced phone: the person's authenticators stop working, and one new one
    is made. Not for oneself: a code scanned wrongly would leave the administrator locked out."""
    office = admin_office(viewer)
    require_member(office, person)
    if person == viewer.user:
        raise ValidationError(
            _("You cannot replace your own authenticators: add one instead, or ask another administrator."),
            code="self",
        )
    require_only_here(office, person)
    removed = TOTPDevice.objects.filter(user=person).delete()[0]
    _close_invitations(office, person)
    device = TOTPDevice.objects.create(user=person, name=DEFAULT_DEVICE_NAME, confirmed=True)
    audit(viewer, AuditAction.RESET_AUTHENTICATORS, person, removed=removed, device=device.persistent_id)
    return device
