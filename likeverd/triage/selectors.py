"""Reads for the case page and the dashboard: the sorting record, deadlines, checklists, actors.

Deadlines, checklists and actors are computed from the data files and the case's own fields (its
office's jurisdiction, incident date, areas, forms, tracks, kind of place); nothing is stored, so
they follow every change of the incident date or the classification.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.http import Http404

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.access import may_read_case, visible_cases
from likeverd.cases.dates import IncidentDate
from likeverd.cases.models import Case, CaseStatus, DatePrecision
from likeverd.cases.selectors import classification_codes, read_with_case
from likeverd.core import clock
from likeverd.triage.checklists import Actor, Evidence, Situation, actors_for, evidence_for
from likeverd.triage.deadlines import Deadline, birthday, deadlines_for
from likeverd.triage.models import SortingEvidence, SortingRecord
from likeverd.triage.rules import Length, RuleSet, rules_for

ADULT_AGE = 18


def get_sorting(*, viewer: Viewer, case: Case) -> SortingRecord | None:
    """The case's sorting record (None before the first save), if the viewer may see the case;
    the read is audited. 404 for a case the viewer may not see (also other offices' cases).
    Neither check nor read asks again when the case page has read the case (may_read_case) and
    the record with it (its section declares the relation: panels.register)."""
    if not may_read_case(viewer, case):
        raise Http404
    if read_with_case(viewer, case, "sorting"):
        record = getattr(case, "sorting", None)
    else:
        record = SortingRecord.objects.filter(case=case).first()
    if record is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.VIEW,
            target=record,
            case=case,
        )
    return record


def list_evidence(*, record: SortingRecord) -> list[SortingEvidence]:
    return list(record.evidence_items.order_by("created_at", "id"))


def get_evidence_for_change(*, viewer: Viewer, public_id: str) -> SortingEvidence:
    """A piece of evidence on a case the viewer may see, or 404, for a write (the service audits)."""
    try:
        return SortingEvidence.objects.select_related("record__case").get(
            public_id=public_id, record__case__in=visible_cases(viewer)
        )
    except ValueError:
        raise Http404 from None
    except SortingEvidence.DoesNotExist:
        found = SortingEvidence.objects.filter(public_id=public_id).select_related("record__case").first()
        if found is not None:
            # A probe of another office's (or an unreadable) case: recorded for the DPO, by id only.
            record_event(
                actor=StaffActor.of(viewer),
                office=viewer.office,
                action=AuditAction.DENIED,
                detail={
                    "reason": "another_office"
                    if found.record.case.office_id != viewer.office_id
                    else "not_permitted",
                    "target_type": SortingEvidence._meta.label,
                    "target_id": str(found.public_id),
                },
            )
        raise Http404 from None


def incident_of(case: Case) -> IncidentDate:
    """The case's incident date as the date parser gave it (a day, a range, or unknown)."""
    return IncidentDate(
        case.incident_date_from,
        case.incident_date_to,
        DatePrecision(case.incident_date_precision or DatePrecision.UNKNOWN),
        case.incident_date_text,
    )


def _codes(terms: Any) -> list[str]:
    return sorted({term.code for term in terms.all()})


def case_deadlines(
    *, case: Case, birth_date: dt.date | None = None, today: dt.date | None = None
) -> list[Deadline]:
    """Every deadline that may run for the case, soonest first (see deadlines.deadlines_for).
    Pass the person's birth date (SortingRecord.birth_day) for rules that protect minors."""
    return deadlines_for(
        jurisdiction=case.office.jurisdiction,
        incident=incident_of(case),
        today=today or clock.today(),
        birth_date=birth_date,
        areas=_codes(case.areas),
        forms=_codes(case.forms),
        tracks=_codes(case.tracks),
    )


def is_minor(birth_date: dt.date | None, *, today: dt.date | None = None) -> bool | None:
    if birth_date is None:
        return None
    return birthday(birth_date, ADULT_AGE) > (today or clock.today())


def case_situation(
    *, case: Case, birth_date: dt.date | None = None, today: dt.date | None = None
) -> Situation:
    return Situation.of(
        case.office.jurisdiction,
        areas=_codes(case.areas),
        forms=_codes(case.forms),
        tracks=_codes(case.tracks),
        places=[case.place_kind] if case.place_kind else [],
        minor=is_minor(birth_date, today=today),
    )


def case_evidence_checklist(*, case: Case, birth_date: dt.date | None = None) -> list[Evidence]:
    return evidence_for(case_situation(case=case, birth_date=birth_date))


def case_other_actors(*, case: Case, birth_date: dt.date | None = None) -> list[Actor]:
    return actors_for(case_situation(case=case, birth_date=birth_date))


# A case's fields that upcoming_deadlines reads: its rows show the number and link to the case.
_DEADLINE_FIELDS = (
    "public_id",
    "number",
    "office",
    "status",
    "incident_date_from",
    "incident_date_to",
    "incident_date_precision",
)


@dataclass(frozen=True)
class CaseDeadline:
    case: Case
    deadline: Deadline


def _most_days(length: Length) -> int:
    """At least as many days as `length` can span from any start (a month at most 31 days)."""
    return length.years * 366 + length.months * 31 + length.weeks * 7 + length.days


def _least_days(length: Length) -> int:
    """At most as many days as `length` can span from any start (a month at least 28 days)."""
    return length.years * 365 + length.months * 28 + length.weeks * 7 + length.days


def _may_end_within(office: Office, rules: RuleSet, today: dt.date, within_days: int) -> Q:
    """The office's open cases on which some deadline may end between today and `within_days`
    from now.

    A period runs from the incident's earliest day, so for a period of length L it ends in
    that window only if the incident was between about L before today and L before the
    window's end: one short range of incident dates per length the rules use (three months,
    three years, 25 years...), where "every open case of the last 25 years" would be most of
    the office's open cases. Only a rule that protects minors can start later (the person's 18th
    birthday, in the sorting record), so with such rules, cases with a sorting record are kept
    too. A superset, never a subset: the deadlines themselves are computed as before.

    Each range names the office and the open statuses itself, so that each one alone matches
    the open cases' index (case_open_incident): SQLite then reads the ranges one by one (its
    "multi-index OR"), where a range without them made it read every open case from the
    earliest range on (6 ms of the dashboard's SQL at 100,000 cases)."""
    is_open = Q(office=office) & ~Q(status=CaseStatus.CLOSED)
    condition = Q(pk__in=[])
    for length in {rule.length for rule in rules.rules}:
        earliest = today - dt.timedelta(days=_most_days(length))
        latest = today + dt.timedelta(days=within_days - _least_days(length))
        condition |= is_open & Q(incident_date_from__range=(earliest, latest))
    if any(rule.minor_until_age is not None for rule in rules.rules):
        # The office's open cases that have a sorting record (SQLite reads them from the same
        # index, a sorting record each; PostgreSQL joins).
        recorded = SortingRecord.objects.filter(case__office=office).exclude(case__status=CaseStatus.CLOSED)
        condition |= Q(pk__in=recorded.values("case_id"))
    return condition


def upcoming_deadlines(
    *, viewer: Viewer, within_days: int = 30, today: dt.date | None = None, mine: bool = False
) -> list[CaseDeadline]:
    """Deadlines on the viewer's open cases that end within `within_days` (and have not passed),
    soonest first: the dashboard's warning and the deadlines page. Uses each case's recorded
    birth date, if any. `mine`: only the viewer's own cases and those nobody is assigned to
    (which nobody else watches), as the dashboard shows them."""
    day = today or clock.today()
    office = viewer.office
    if office is None:  # no office, no cases (visible_cases)
        return []
    rules = rules_for(office.jurisdiction)
    cases = visible_cases(viewer).exclude(status=CaseStatus.CLOSED).filter(incident_date_from__isnull=False)
    if mine:
        cases = cases.filter(Q(assigned_to=viewer.user) | Q(assigned_to__isnull=True))
    cases = cases.filter(_may_end_within(office, rules, day, within_days))
    # No order: the rows are sorted by deadline below, and an ORDER BY received_at would lead
    # SQLite to walk the office's cases in that index's order instead of reading the few
    # incident-date ranges from the open cases' index (case_open_incident). Only what the
    # deadlines are computed from and what the rows show: no narrative, no names; the office's
    # rules are the viewer's office's (every case is of it), not joined per case.
    listed = list(cases.select_related("sorting").only(*_DEADLINE_FIELDS, "sorting__birth_date").order_by())
    codes = classification_codes([case.pk for case in listed], parts=("areas", "forms", "tracks"))
    found: list[CaseDeadline] = []
    for case in listed:
        record = getattr(case, "sorting", None)
        for deadline in deadlines_for(
            jurisdiction=office.jurisdiction,
            rule_set=rules,
            # The incident's days only: its words (incident_date_text) are not read here.
            incident=IncidentDate(
                case.incident_date_from,
                case.incident_date_to,
                DatePrecision(case.incident_date_precision or DatePrecision.UNKNOWN),
                "",
            ),
            today=day,
            birth_date=record.birth_day if record else None,
            areas=codes.get((case.pk, "areas"), ()),
            forms=codes.get((case.pk, "forms"), ()),
            tracks=codes.get((case.pk, "tracks"), ()),
        ):
            if deadline.days_left is not None and 0 <= deadline.days_left <= within_days:
                found.append(CaseDeadline(case=case, deadline=deadline))
    found.sort(key=lambda item: (item.deadline.days_left or 0, item.case.number, item.deadline.rule.id))
    return found


# The assessment's state, read by other apps (the mediation bench's gate).
from likeverd.triage.assessment_selectors import AssessmentState as AssessmentState  # noqa: E402
from likeverd.triage.assessment_selectors import DecisionSummary as DecisionSummary  # noqa: E402
from likeverd.triage.assessment_selectors import assessment_state as assessment_state  # noqa: E402
