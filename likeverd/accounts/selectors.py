"""Reads about people and offices: a person's own memberships and authenticator devices, and,
for the office administrator, the office's staff with their roles, scoped to the viewer's active
office (a person of another office is not found). Office data of cases is never read here.
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import OFFICE_ROLES, Role
from likeverd.accounts.viewer import Viewer


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


@dataclass(frozen=True)
class StaffMember:
    person: User
    roles: tuple[Role, ...]
    devices: tuple[TOTPDevice, ...] = ()
    works_elsewhere: bool = False

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
            )
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
    return StaffMember(
        person=person,
        roles=tuple(Role(m.role) for m in getattr(person, "office_memberships", [])),
        devices=devices,
        works_elsewhere=bool(getattr(person, "other_offices", 0)),
    )


def list_staff(*, viewer: Viewer) -> list[StaffMember]:
    """Everyone who has ever had a role in the viewer's office, active people first."""
    members = [_member(person) for person in _staff_people(viewer)]
    return sorted(members, key=lambda member: not member.is_active)


def get_staff_member(*, viewer: Viewer, public_id: str) -> StaffMember:
    """A person who has (or had) a role in the viewer's office, or 404."""
    try:
        person = _staff_people(viewer).get(public_id=public_id)
    except (User.DoesNotExist, ValueError):
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
