"""Reads for the office administration screens and the landing pages: the office's reporting
categories (all of them, retired ones too), what is left to set up, and the coordinator's
registrations and intake counts. Always scoped to the viewer's active office: a category of
another office is not found. The staff's reads are accounts' (accounts.selectors).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Jurisdiction, Membership, Office
from likeverd.accounts.roles import Role
from likeverd.accounts.selectors import count_active_admins
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.cases.models import Case, CaseEvent, CaseStatus, EventKind
from likeverd.core import clock
from likeverd.officeadmin.models import REPORT_LANGUAGES, ReportText
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind


def _office(viewer: Viewer) -> Office:
    if viewer.office is None:
        raise Http404
    return viewer.office


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


# --- the office's texts in its annual report ---------------------------------------------------


def get_report_text(*, viewer: Viewer, year: int, language: str) -> ReportText | None:
    """The office's saved introduction and reflections for a year and language, if any."""
    return scope_to_office(ReportText.objects.all(), viewer).filter(year=year, language=language).first()


def list_report_text_years(*, viewer: Viewer) -> list[tuple[int, list[str]]]:
    """The years the office has written texts for, newest first, with their languages."""
    years: dict[int, list[str]] = {}
    for year, language in (
        scope_to_office(ReportText.objects.all(), viewer)
        .order_by("-year", "language")
        .values_list("year", "language")
    ):
        years.setdefault(year, []).append(language)
    return list(years.items())


@dataclass(frozen=True)
class ChosenReportText:
    """The texts a report shows: in the report's language, or (`is_fallback`) in another one."""

    introduction: str
    reflections: str
    language: str
    is_fallback: bool

    @property
    def language_name(self) -> str:
        return str(dict(REPORT_LANGUAGES)[self.language])


def choose_report_text(*, office: Office, year: int, language: str) -> ChosenReportText | None:
    """The office's texts for `year` in `language`; failing that, in the office's own language,
    then in any language written. None when the office wrote nothing for that year. The
    office's published words, not case data: the read is not audited."""
    home = "sv" if office.jurisdiction == Jurisdiction.SWEDEN else "nb"
    preference = [language, home, *(code for code, _label in REPORT_LANGUAGES)]
    written = {
        text.language: text
        for text in ReportText.objects.filter(office=office, year=year)
        if text.introduction or text.reflections
    }
    for code in preference:
        if code in written:
            text = written[code]
            return ChosenReportText(
                introduction=text.introduction,
                reflections=text.reflections,
                language=code,
                is_fallback=code != language,
            )
    return None
