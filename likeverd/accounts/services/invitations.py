"""Invitations by e-mail: an office administrator adds a person who then chooses their own
password and sets up their own authenticator through a one-time link (valid for
selectors.INVITATION_VALIDITY), and is logged in to the office.

Sending again replaces the invitation: the old link stops working, and the unconfirmed
authenticator key the old page showed is replaced too. Each step is audited (INVITE,
RESEND_INVITATION, ACCEPT_INVITATION); the e-mail goes out through the worker once the
transaction has committed (accounts.tasks.send_invitation_task).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Invitation, Office, User
from likeverd.accounts.selectors import (
    INVITATION_VALIDITY,
    InvitationState,
    invitation_state,
    invitation_token,
    is_still_wanted,
)
from likeverd.accounts.services.common import admin_office, audit, office_role, require_member
from likeverd.accounts.services.passwords import check_new_password
from likeverd.accounts.services.staff import DEFAULT_DEVICE_NAME, NewStaffMember, _create
from likeverd.accounts.tasks import send_invitation_task
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.core import clock


class InvitationClosedError(Exception):
    """The link no longer works; `state` says why (used, expired, replaced) or None (withdrawn:
    the person no longer works in the office)."""

    def __init__(self, state: InvitationState | None) -> None:
        super().__init__(str(state))
        self.state = state


def _send(office: Office, person: User, viewer: Viewer, site_url: str) -> Invitation:
    now = clock.now()
    invitation = Invitation.objects.create(
        person=person,
        office=office,
        invited_by=viewer.user,
        sent_at=now,
        expires_at=now + INVITATION_VALIDITY,
    )
    public_id = str(invitation.public_id)
    transaction.on_commit(lambda: send_invitation_task.enqueue(invitation=public_id, site_url=site_url))
    return invitation


def _require_email(email: str) -> str:
    email = email.strip()
    if not email:
        raise ValidationError(_("An invitation needs the person's e-mail address."), code="email")
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(_("Enter a valid e-mail address."), code="email") from None
    return email


@transaction.atomic
def invite_staff_member(*, viewer: Viewer, member: NewStaffMember, site_url: str) -> Invitation:
    """A new person in the office, without a password: the e-mail lets them choose one."""
    office = admin_office(viewer)
    _require_email(member.email)
    credentials = _create(
        office=office,
        member=member,
        actor=viewer.user,
        roles=[office_role(role) for role in member.roles],
        invited=True,
    )
    invitation = _send(office, credentials.person, viewer, site_url)
    audit(viewer, AuditAction.INVITE, credentials.person, invitation=str(invitation.public_id))
    return invitation


@transaction.atomic
def resend_invitation(*, viewer: Viewer, person: User, site_url: str, email: str | None = None) -> Invitation:
    """A new invitation (to a corrected address, if `email` differs); the old link stops working."""
    office = admin_office(viewer)
    require_member(office, person)
    person = User.objects.select_for_update().get(pk=person.pk)
    previous = Invitation.objects.filter(person=person, office=office).order_by("-sent_at", "-id").first()
    if previous is None or person.has_usable_password():
        raise ValidationError(
            _("%(person)s has already chosen a password: there is no invitation to send."),
            params={"person": str(person)},
            code="accepted",
        )
    if not is_still_wanted(previous):
        raise ValidationError(
            _("%(person)s no longer works in the office: give them a role first."),
            params={"person": str(person)},
            code="withdrawn",
        )
    changed_email = False
    if email is not None and email.strip() != person.email:
        person.email = _require_email(email)
        person.save(update_fields=["email"])
        changed_email = True
    now = clock.now()
    Invitation.objects.filter(person=person, office=office, accepted_at=None, replaced_at=None).update(
        replaced_at=now
    )
    # The old page showed the unconfirmed key: the new link comes with a new one.
    TOTPDevice.objects.filter(user=person, confirmed=False).delete()
    TOTPDevice.objects.create(user=person, name=DEFAULT_DEVICE_NAME, confirmed=False)
    invitation = _send(office, person, viewer, site_url)
    audit(
        viewer,
        AuditAction.RESEND_INVITATION,
        person,
        invitation=str(invitation.public_id),
        replaces=str(previous.public_id),
        email_changed=changed_email,
    )
    return invitation


def pending_device(invitation: Invitation) -> TOTPDevice | None:
    """The authenticator the invited person sets up on the invitation's page."""
    return TOTPDevice.objects.filter(user=invitation.person, confirmed=False).order_by("-pk").first()


def check_open(invitation: Invitation) -> None:
    """Raise InvitationClosedError unless the link still works."""
    state = invitation_state(invitation)
    if state is not InvitationState.OPEN:
        raise InvitationClosedError(state)
    if not is_still_wanted(invitation):
        raise InvitationClosedError(None)


@dataclass(frozen=True)
class Accepted:
    person: User
    device: TOTPDevice


def accept_invitation(*, public_id: str, token: str, password: str, code: str) -> Accepted:
    """The invited person's password and first authenticator code: on success the password is
    set, the authenticator confirmed and the invitation used up (once: the row is locked).

    Raises InvitationClosedError for a link that no longer works, PermissionDenied for a link
    that is not this invitation's, and ValidationError (coded "new_password1" or "otp_token")
    for a password the validators refuse or a wrong code. A wrong code counts towards the
    authenticator's throttle, which is kept even though the acceptance fails.
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("person", "office")
            .filter(public_id=public_id)
            .first()
        )
        if invitation is None or not constant_time_compare(token, invitation_token(invitation)):
            raise PermissionDenied
        check_open(invitation)
        person = invitation.person
        check_new_password(person, password)
        device = pending_device(invitation)
        if device is not None and device.verify_token(code):
            now = clock.now()
            person.set_password(password)
            person.must_change_password = False
            person.save(update_fields=["password", "must_change_password"])
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            invitation.accepted_at = now
            invitation.save(update_fields=["accepted_at"])
            record_event(
                actor=StaffActor(person),
                office=invitation.office,
                action=AuditAction.ACCEPT_INVITATION,
                target=person,
                detail={"invitation": str(invitation.public_id)},
            )
            return Accepted(person=person, device=device)
    raise ValidationError(
        _("That code did not work. Type the six digits the app shows now."), code="otp_token"
    )
