"""Reads about people and offices: a person's own memberships and authenticator devices, and,
for the office administrator, the office's staff with their roles, scoped to the viewer's active
office (a person of another office is not found). Office data of cases is never read here.
"""

import datetime as dt
import enum
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.crypto import constant_time_compare, salted_hmac
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Invitation, Jurisdiction, Membership, Office, User
from likeverd.accounts.roles import OFFICE_ROLES, Role
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.core import clock

# How long an invitation's link works (README, "Setting up an office").
INVITATION_VALIDITY = dt.timedelta(days=3)
_INVITATION_SALT = "likeverd.accounts.invitation"


def list_memberships_for_person(user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user, is_active=True, office__is_active=True)
        .select_related("office")
        .order_by("office__name", "role")
    )


def list_devices_for_person(user: User) -> QuerySet[TOTPDevice]:
    devices: QuerySet[TOTPDevice] = TOTPDevice.objects.filter(user=user, confirmed=True).order_by(
        "name", "pk"
    )
    return devices


# The language an office writes in: its country's.
OFFICE_LANGUAGE = {Jurisdiction.NORWAY: "nb", Jurisdiction.SWEDEN: "sv"}


def office_language(office: Office) -> str:
    return OFFICE_LANGUAGE.get(Jurisdiction(office.jurisdiction), "en")


class InvitationState(enum.StrEnum):
    OPEN = "open"
    EXPIRED = "expired"
    USED = "used"
    REPLACED = "replaced"


def invitation_state(invitation: Invitation, *, now: dt.datetime | None = None) -> InvitationState:
    if invitation.accepted_at is not None:
        return InvitationState.USED
    if invitation.replaced_at is not None:
        return InvitationState.REPLACED
    if (now or clock.now()) >= invitation.expires_at:
        return InvitationState.EXPIRED
    return InvitationState.OPEN


def invitation_token(invitation: Invitation) -> str:
    """The secret part of the invitation's link: an HMAC of its id under SECRET_KEY."""
    return salted_hmac(_INVITATION_SALT, str(invitation.public_id), algorithm="sha256").hexdigest()


def find_invitation(*, public_id: str, token: str) -> Invitation | None:
    """The invitation a link names, if the link's secret is its own (whatever its state)."""
    invitation = (
        Invitation.objects.select_related("person", "office", "invited_by")
        .filter(public_id=public_id)
        .first()
    )
    if invitation is None or not constant_time_compare(token, invitation_token(invitation)):
        return None
    return invitation


def is_still_wanted(invitation: Invitation) -> bool:
    """The person still has a role in the office (nobody deactivated them since)."""
    return (
        invitation.person.is_active
        and Membership.objects.filter(
            user=invitation.person, office=invitation.office, is_active=True
        ).exists()
    )


def list_office_admins(office: Office) -> list[User]:
    """The people to ask about an invitation: the office's active administrators."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__office=office,
            memberships__role=Role.OFFICE_ADMIN,
            memberships__is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@dataclass(frozen=True)
class StaffMember:
    person: User
    roles: tuple[Role, ...]
    devices: tuple[TOTPDevice, ...] = ()
    works_elsewhere: bool = False
    # The latest invitation to this office, if the person was invited.
    invitation: Invitation | None = None

    @property
    def invitation_state(self) -> InvitationState | None:
        return invitation_state(self.invitation) if self.invitation is not None else None

    @property
    def login_state(self) -> str:
        """For the staff list: "deactivated", "invited" (the link still works), "invitation_expired",
        "must_change_password" (someone else set the password) or "active"."""
        if not self.is_active:
            return "deactivated"
        if self.is_invited:
            return "invited" if self.invitation_state is InvitationState.OPEN else "invitation_expired"
        if self.person.must_change_password:
            return "must_change_password"
        return "active"

    @property
    def is_invited(self) -> bool:
        """Invited, and has not yet accepted: the invitation can be sent again."""
        return self.invitation_state in {InvitationState.OPEN, InvitationState.EXPIRED} and (
            not self.person.has_usable_password()
        )

    @property
    def is_active(self) -> bool:
        return self.person.is_active and bool(self.roles)

    @property
    def role_labels(self) -> list[str]:
        return [str(role.label) for role in self.roles]

    @property
    def missing_roles(self) -> list[Role]:
        return [role for role in OFFICE_ROLES if role not in self.roles]


def _office(viewer: Viewer) -> Office:
    if viewer.office is None:
        raise Http404
    return viewer.office


def _staff_people(viewer: Viewer) -> QuerySet[User]:
    office = _office(viewer)
    return (
        # A subquery, not a join: a join here would be reused by the count below and hide
        # the person's other offices.
        User.objects.filter(pk__in=Membership.objects.filter(office=office).values("user_id"))
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(office=office, is_active=True).order_by("role"),
                to_attr="office_memberships",
            ),
            Prefetch(
                "invitations",
                queryset=Invitation.objects.filter(office=office).order_by("-sent_at", "-id"),
                to_attr="office_invitations",
            ),
        )
        .annotate(
            other_offices=Count(
                "memberships",
                filter=Q(memberships__is_active=True) & ~Q(memberships__office=office),
                distinct=True,
            )
        )
        .order_by("first_name", "last_name", "username")
    )


def _member(person: User, devices: tuple[TOTPDevice, ...] = ()) -> StaffMember:
    invitations = getattr(person, "office_invitations", [])
    return StaffMember(
        person=person,
        roles=tuple(Role(m.role) for m in getattr(person, "office_memberships", [])),
        devices=devices,
        works_elsewhere=bool(getattr(person, "other_offices", 0)),
        invitation=invitations[0] if invitations else None,
    )


def list_staff(*, viewer: Viewer) -> list[StaffMember]:
    """Everyone who has ever had a role in the viewer's office, active people first."""
    members = [_member(person) for person in _staff_people(viewer)]
    return sorted(members, key=lambda member: not member.is_active)


def get_staff_member(*, viewer: Viewer, public_id: str) -> StaffMember:
    """A person who has (or had) a role in the viewer's office, or 404. A probe of someone who is
    not (another office's person) leaves a DENIED row in the viewer's office, naming them by id."""
    try:
        person = _staff_people(viewer).get(public_id=public_id)
    except (User.DoesNotExist, ValueError):
        if User.objects.filter(public_id=public_id).exists():
            record_event(
                actor=StaffActor.of(viewer),
                office=viewer.office,
                action=AuditAction.DENIED,
                detail={"reason": "not_in_office", "target_type": "accounts.User", "target_id": public_id},
            )
        raise Http404 from None
    devices = tuple(TOTPDevice.objects.filter(user=person, confirmed=True).order_by("name", "pk"))
    return _member(person, devices)


def count_active_admins(*, office: Office, excluding: User | None = None) -> int:
    admins = Membership.objects.filter(
        office=office, role=Role.OFFICE_ADMIN, is_active=True, user__is_active=True
    )
    if excluding is not None:
        admins = admins.exclude(user=excluding)
    return admins.count()
