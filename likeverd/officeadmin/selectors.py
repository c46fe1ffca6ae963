"""Reads for running an office: its staff with their roles and authenticators, its reporting
categories, what is left to set up, and the landing pages of the roles that do not read cases
(the coordinator's registrations and intake counts). Always scoped to the viewer's active office:
a person or category of another office is not found.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.cases.models import Case, CaseEvent, CaseStatus, EventKind, ReportingCategory
from likeverd.core import clock
from likeverd.taxonomy.models import Term, TermKind

# Roles an office administrator hands out; the network statistician belongs to no one office
# and stays with the installation's superuser.
OFFICE_ROLES = [role for role in Role if role != Role.NETWORK_STATISTICIAN]


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


# --- reporting categories ----------------------------------------------------------------------


def list_reporting_categories(*, viewer: Viewer) -> QuerySet[ReportingCategory]:
    """Every category of the office, those in use first; retired ones stay for old cases."""
    return (
        scope_to_office(ReportingCategory.objects.all(), viewer)
        .prefetch_related("areas")
        .order_by("-is_active", "sort_order", "code")
    )


def get_reporting_category(*, viewer: Viewer, public_id: str) -> ReportingCategory:
    try:
        return scope_to_office(ReportingCategory.objects.all(), viewer).get(public_id=public_id)
    except (ReportingCategory.DoesNotExist, ValueError):
        raise Http404 from None


def list_legal_areas(*, viewer: Viewer) -> QuerySet[Term]:
    """The legal areas of the office's jurisdiction that a category can map to."""
    jurisdiction = viewer.office.jurisdiction if viewer.office else ""
    return Term.objects.filter(jurisdiction=jurisdiction, kind=TermKind.AREA, valid_to__isnull=True).order_by(
        "code"
    )


# --- what is left to set up --------------------------------------------------------------------


@dataclass(frozen=True)
class SetupTask:
    message: str
    url_name: str


MIN_ADMINS = 2  # one to stand in when the other is away


def list_setup_tasks(*, viewer: Viewer) -> list[SetupTask]:
    """What an office still lacks to run well, each with the page that fixes it."""
    office = _office(viewer)
    roles = set(
        Membership.objects.filter(office=office, is_active=True, user__is_active=True).values_list(
            "role", flat=True
        )
    )
    details, staff = "officeadmin:office_details", "officeadmin:staff_list"
    checks = [
        (
            not ReportingCategory.objects.filter(office=office, is_active=True).exists(),
            _("The office has no reporting categories: cases cannot be counted by area of society."),
            "officeadmin:category_list",
        ),
        (
            count_active_admins(office=office) < MIN_ADMINS,
            _("Only one person administers the office: add a second administrator as a stand-in."),
            staff,
        ),
        (
            Role.ADVISER not in roles,
            _("No legal adviser works in the office yet: nobody can take cases."),
            "officeadmin:staff_add",
        ),
        (not office.opening_hours.strip(), _("Opening hours are missing."), details),
        (not (office.phone or office.email), _("The office has no public phone or e-mail."), details),
        (not office.municipalities, _("No municipalities served are listed."), details),
        (not office.languages, _("No languages offered are listed."), details),
    ]
    return [SetupTask(str(message), url_name) for is_missing, message, url_name in checks if is_missing]


# --- the coordinator's landing page ------------------------------------------------------------


@dataclass
class IntakeCounts:
    """The office's open intake: new cases, those nobody has taken yet, and today's."""

    new: int = 0
    unassigned: int = 0
    registered_today: int = 0


@dataclass
class CoordinatorHome:
    registered: list[Case] = field(default_factory=list)
    intake: IntakeCounts = field(default_factory=IntakeCounts)


REGISTERED_SHOWN = 20


def get_coordinator_home(*, viewer: Viewer) -> CoordinatorHome:
    """Case numbers, channels and statuses only: a coordinator registers cases but does not read
    them, so nothing decrypted is shown and no read is audited."""
    office = _office(viewer)
    registered_ids = CaseEvent.objects.filter(
        case__office=office, kind=EventKind.CREATED, author=viewer.user
    ).values("case_id")
    registered = list(
        scope_to_office(Case.objects.all(), viewer)
        .filter(pk__in=registered_ids)
        .only("public_id", "number", "channel", "status", "received_at", "assigned_to_id")
        .order_by("-received_at")[:REGISTERED_SHOWN]
    )
    start_of_today = timezone.make_aware(dt.datetime.combine(clock.today(), dt.time.min))
    counts = scope_to_office(Case.objects.all(), viewer).aggregate(
        new=Count("pk", filter=Q(status=CaseStatus.NEW)),
        unassigned=Count("pk", filter=Q(status=CaseStatus.NEW, assigned_to__isnull=True)),
        registered_today=Count("pk", filter=Q(received_at__gte=start_of_today)),
    )
    return CoordinatorHome(registered=registered, intake=IntakeCounts(**counts))
