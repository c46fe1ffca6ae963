"""Reads of the mediation bench: the gate, one referral and its parts, the mediator's lists,
and the figures for the annual report.

Every read starts from the cases the viewer may read (likeverd.cases.access), so another office's
rows are never found; a probe of another office's ids is a 404 with a DENIED audit row. Reads of
personal data are audited. The mediator's notes (talk notes, notes, the agreement's text) are read
only by a viewer who may MEDIATE (ADR 0011).
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.access import visible_through
from likeverd.cases.models import Case, CaseStatus
from likeverd.core import clock
from likeverd.mediation.models import (
    OPEN_STAGES,
    BenchKind,
    BenchOutcome,
    BenchReferral,
    Consent,
    MediatorNote,
    Meeting,
    PreparatoryTalk,
    Side,
    Stage,
)
from likeverd.triage.assessment_selectors import missing_label
from likeverd.triage.selectors import assessment_state

# The statuses a case may be sent to the bench from (the workflow's moves into mediation).
REFERRABLE_STATUSES = (CaseStatus.SORTING, CaseStatus.ADVICE, CaseStatus.ASSISTANCE)


def week_days(day: dt.date) -> list[dt.date]:
    """The seven days, Monday first, of the week that holds `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return [monday + dt.timedelta(days=offset) for offset in range(7)]


def local_midnight(day: dt.date) -> dt.datetime:
    """The start of `day` in the installation's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localdate(moment)


# --- the gate (ADR 0011) ----------------------------------------------------------------------


@dataclass(frozen=True)
class Missing:
    """One fact the bench still lacks: a code for tests and a sentence for the adviser."""

    code: str
    message: str


def facts_missing(case: Case) -> list[Missing]:
    """What keeps the facts of `case` from counting as established: the sorting conversation, the
    legal assessment's checklist steps and its decision (triage's assessment_state). Codes and
    dates only, nothing personal (so not audited)."""
    found = []
    for code in assessment_state(case).missing:
        if code.startswith("step:"):
            message = _("A step of the legal assessment is not done: %(step)s.") % {
                "step": missing_label(code)
            }
        else:
            message = missing_label(code)
        found.append(Missing(code, message))
    return found


def bench_gate(
    *, case: Case, kind: str, facts_waiver: str = "", routes_told_on: dt.date | None = None
) -> list[Missing]:
    """Everything that keeps `case` from the bench, in the order the adviser can fix it; empty
    when it may go. The bench never mediates discrimination away: the facts are established
    (or the adviser records why that is not needed) and the person knows the legal routes."""
    missing: list[Missing] = []
    if case.status not in REFERRABLE_STATUSES:
        missing.append(
            Missing(
                "status",
                _("A case goes to the bench from sorting, advice or assistance; this one is %(status)s.")
                % {"status": CaseStatus(case.status).label},
            )
        )
    if BenchReferral.objects.filter(case=case, stage__in=OPEN_STAGES).exists():
        missing.append(Missing("open_referral", _("The case is at the bench already.")))
    if kind not in BenchKind.values:
        missing.append(Missing("kind", _("Choose the kind of conflict.")))
    if not facts_waiver.strip():
        for item in facts_missing(case):
            missing.append(
                Missing(
                    item.code,
                    _("%(fact)s Complete it, or record why it is not needed.") % {"fact": item.message},
                )
            )
    if routes_told_on is None:
        missing.append(
            Missing(
                "routes",
                _("Record the day the person was told of the legal routes and their deadlines."),
            )
        )
    elif routes_told_on > clock.today():
        missing.append(Missing("routes_future", _("The day the person was told cannot be in the future.")))
    return missing


# --- one referral -----------------------------------------------------------------------------


def may_mediate(viewer: Viewer) -> bool:
    return viewer.can(Permission.MEDIATE)


def _audit_view(viewer: Viewer, target: Model, case: Case, **detail: object) -> None:
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.VIEW,
        target=target,
        case=case,
        detail=detail,
    )


def _refused[M: Model](viewer: Viewer, model: type[M], public_id: str, office_of: str) -> Http404:
    """The 404 for a bench row the viewer may not see; a probe of a row that exists (another
    office's, or one this role may not read) leaves a DENIED row for the data-protection officer."""
    found = model._default_manager.filter(public_id=public_id).values_list(office_of, flat=True).first()
    if found is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.DENIED,
            detail={
                "reason": "another_office" if found != viewer.office_id else "not_permitted",
                "target_type": model._meta.label,
                "target_id": public_id,
            },
        )
    return Http404()


def visible_referrals(viewer: Viewer) -> QuerySet[BenchReferral]:
    return visible_through(BenchReferral.objects.all(), viewer)


def _find_referral(viewer: Viewer, public_id: str) -> BenchReferral:
    try:
        return (
            visible_referrals(viewer)
            .select_related("case", "case__office", "mediator")
            .get(public_id=public_id)
        )
    except (ValueError, BenchReferral.DoesNotExist):
        raise _refused(viewer, BenchReferral, public_id, "office_id") from None


def get_referral(*, viewer: Viewer, public_id: str) -> BenchReferral:
    """One referral whose case the viewer may read, or 404; the read is audited."""
    referral = _find_referral(viewer, public_id)
    _audit_view(viewer, referral, referral.case)
    return referral


def get_referral_for_change(*, viewer: Viewer, public_id: str) -> BenchReferral:
    """A referral for a write (the service audits the write), or 404."""
    return _find_referral(viewer, public_id)


def get_meeting_for_change(*, viewer: Viewer, public_id: str) -> Meeting:
    try:
        return (
            visible_through(Meeting.objects.all(), viewer, case_path="referral__case")
            .select_related("referral", "referral__case", "referral__case__office")
            .get(public_id=public_id)
        )
    except (ValueError, Meeting.DoesNotExist):
        raise _refused(viewer, Meeting, public_id, "referral__office_id") from None


def latest_referral(*, case: Case) -> BenchReferral | None:
    """The case's newest referral (open or not), for its section; the caller audits."""
    return (
        BenchReferral.objects.filter(case=case)
        .select_related("mediator")
        .order_by("-referred_at", "-id")
        .first()
    )


@dataclass(frozen=True)
class Confidential:
    """What only a mediator reads: the talks' notes, the mediator's notes, the agreement."""

    talks: list[PreparatoryTalk]
    notes: list[MediatorNote]


def get_confidential(*, viewer: Viewer, referral: BenchReferral) -> Confidential:
    """The mediator's notes on `referral`; refused to anyone who may not MEDIATE. Audited as one
    read naming how many of each it showed."""
    if not may_mediate(viewer) or referral.office_id != viewer.office_id:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.DENIED,
            detail={
                "reason": "not_permitted",
                "target_type": "mediation.MediatorNote",
                "target_id": str(referral.public_id),
            },
        )
        raise PermissionDenied(_("Only mediators read the mediator's notes."))
    talks = list(referral.talks.select_related("recorded_by"))
    notes = list(referral.notes.select_related("author"))
    _audit_view(viewer, referral, referral.case, notes=len(notes), talks=len(talks), screen="mediator_notes")
    return Confidential(talks=talks, notes=notes)


def list_talk_dates(*, referral: BenchReferral) -> list[tuple[str, dt.date]]:
    """When each party was talked to (side, day): no contents, for anyone who reads the case."""
    return list(referral.talks.values_list("side", "held_on"))


def list_consents(*, referral: BenchReferral) -> list[Consent]:
    return list(referral.consents.all())


def live_consents(referral: BenchReferral) -> set[str]:
    """The sides whose consent stands (given and not withdrawn)."""
    return set(referral.consents.filter(withdrawn_on__isnull=True).values_list("side", flat=True))


def has_both_consents(referral: BenchReferral) -> bool:
    return live_consents(referral) >= {Side.PERSON, Side.COUNTERPART}


def list_meetings(*, referral: BenchReferral) -> list[Meeting]:
    return list(referral.meetings.all())


# --- the mediator's view ----------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingRow:
    meeting: Meeting
    referral: BenchReferral


@dataclass(frozen=True)
class Workbench:
    by_stage: list[tuple[str, str, list[BenchReferral]]]  # (stage code, label, referrals)
    unassigned: list[BenchReferral]
    upcoming: list[Meeting]
    follow_ups_due: list[BenchReferral]
    week_start: dt.date
    week: list[tuple[dt.date, list[Meeting]]]


def get_workbench(*, viewer: Viewer, week_of: dt.date | None = None) -> Workbench:
    """The mediator's view: their open bench cases by stage, the office's unassigned ones, their
    upcoming meetings, follow-ups due within a week, and a week of meetings (Monday first).
    Listing them is audited as one LIST row (counts, no names)."""
    if not may_mediate(viewer):
        raise PermissionDenied(_("Only mediators see the bench's work."))
    today = clock.today()
    mine = list(
        visible_referrals(viewer)
        .filter(stage__in=OPEN_STAGES, mediator=viewer.user)
        .select_related("case")
        .order_by("referred_at", "id")
    )
    unassigned = list(
        visible_referrals(viewer).filter(stage__in=OPEN_STAGES, mediator__isnull=True).select_related("case")
    )
    by_stage = [
        (stage.value, str(stage.label), [r for r in mine if r.stage == stage]) for stage in OPEN_STAGES
    ]
    meetings = (
        visible_through(Meeting.objects.all(), viewer, case_path="referral__case")
        .filter(referral__mediator=viewer.user, cancelled_at__isnull=True)
        .select_related("referral", "referral__case")
    )
    now = clock.now()
    upcoming = list(meetings.filter(starts_at__gte=now).order_by("starts_at")[:20])
    days = week_days(week_of or today)
    start = days[0]
    in_week = list(
        meetings.filter(
            starts_at__gte=local_midnight(start), starts_at__lt=local_midnight(start + dt.timedelta(days=7))
        ).order_by("starts_at")
    )
    week = [(day, [m for m in in_week if local_date(m.starts_at) == day]) for day in days]
    follow_ups = [
        r
        for r in mine
        if r.stage == Stage.FOLLOW_UP and r.follow_up_on and r.follow_up_on <= today + dt.timedelta(days=7)
    ]
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.LIST,
        detail={"list": "mediation_workbench", "cases": len(mine) + len(unassigned)},
    )
    return Workbench(
        by_stage=by_stage,
        unassigned=unassigned,
        upcoming=upcoming,
        follow_ups_due=follow_ups,
        week_start=start,
        week=week,
    )


# --- figures for the annual report -----------------------------------------------------------


@dataclass(frozen=True)
class BenchFigures:
    """The bench's figures for one office and period: referrals counted by area of society
    (reporting category code, "" when none), by ground (a case with several grounds counts
    under each), by kind of conflict, meetings held and outcomes recorded."""

    referrals: int
    by_area: dict[str, int]
    by_ground: dict[str, int]
    by_kind: dict[str, int]
    meetings_held: int
    outcomes: dict[str, int]


def bench_figures(*, office: Office, start: dt.date, end: dt.date) -> BenchFigures:
    """Read-only counts for the annual report (issue 11's statistics call this): referrals made
    from `start` to `end` (inclusive, the office's local days), meetings held and outcomes
    recorded in the period. Codes only: nothing to decrypt, so nothing personal is read."""
    since = local_midnight(start)
    until = local_midnight(end + dt.timedelta(days=1))
    referrals = BenchReferral.objects.filter(office=office, referred_at__gte=since, referred_at__lt=until)
    by_area = Counter(
        code or "" for code in referrals.values_list("case__reporting_category__code", flat=True)
    )
    by_ground = Counter(
        code
        for code in Case.grounds.through.objects.filter(case_id__in=referrals.values("case_id")).values_list(
            "term__code", flat=True
        )
    )
    by_kind = Counter(referrals.values_list("kind", flat=True))
    held = Meeting.objects.filter(
        referral__office=office, held_at__gte=since, held_at__lt=until, cancelled_at__isnull=True
    ).count()
    outcomes = Counter(
        BenchReferral.objects.filter(office=office, outcome_at__gte=since, outcome_at__lt=until)
        .exclude(outcome="")
        .values_list("outcome", flat=True)
    )
    return BenchFigures(
        referrals=referrals.count(),
        by_area=dict(by_area),
        by_ground=dict(by_ground),
        by_kind=dict(by_kind),
        meetings_held=held,
        outcomes={code: outcomes.get(code, 0) for code in BenchOutcome.values},
    )
