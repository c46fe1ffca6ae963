"""Who may report on which offices, and the report's tables for offices and a period.

`report_tables` is the one door every figure leaves through (the report page, `likeverd
report`, the network's screen): it checks the actor may see every office asked for (refusing,
with a DENIED audit row, when not), counts each table with one GROUP BY aggregate, applies
disclosure control when the figures leave an office, and records one audit row for the read.
It reads codes and counts only: no case is opened, and no case id goes into the audit row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from likeverd.accounts.actors import StaffActor, SystemActor
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.statistics import disclosure, municipal, odihr
from likeverd.statistics.selectors import activities, bench, cases
from likeverd.statistics.selectors.period import check_whole_months
from likeverd.statistics.tables import Table
from likeverd.taxonomy.models import TermKind

# The tables of a report, in order (ids stable across languages; network appends its own).
TABLE_IDS = (
    "cases_by_category",
    "cases_by_ground",
    "cases_by_ground_combination",
    "cases_by_form",
    "cases_by_channel",
    "cases_by_counterpart",
    "cases_by_month",
    "cases_by_status",
    "cases_by_outcome",
    "mediation_by_area",
    "mediation_outcomes",
    "courses",
    "events",
    "income",
    "costs",
    "cases_by_municipality",
    "hate_crimes_by_odihr_category",
)
# Amounts of money: not counts of people, so never suppressed.
MONEY_TABLES = frozenset({"income", "costs"})
# The office's own public work (course sessions held and their participants, events and the
# people they reached): counts of activities, not of people who came to the office, and an annual
# report lists each of them, so disclosure control leaves them as they are.
ACTIVITY_TABLES = frozenset({"courses", "events"})
UNCONTROLLED_TABLES = MONEY_TABLES | ACTIVITY_TABLES

type ReportActor = Viewer | SystemActor

__all__ = [
    "ACTIVITY_TABLES",
    "MONEY_TABLES",
    "TABLE_IDS",
    "UNCONTROLLED_TABLES",
    "ReportActor",
    "report_offices",
    "report_tables",
]


def report_offices(viewer: Viewer) -> QuerySet[Office]:
    """The offices `viewer` may report on: every active office for a network statistician, the
    viewer's own office for staff who may see its statistics, otherwise none."""
    if viewer.can(Permission.VIEW_NETWORK_STATISTICS):
        return Office.objects.filter(is_active=True).order_by("name")
    if viewer.office is not None and viewer.can(Permission.VIEW_OFFICE_STATISTICS):
        return Office.objects.filter(pk=viewer.office.pk)
    return Office.objects.none()


def _check_access(viewer: Viewer, offices: Sequence[Office]) -> None:
    allowed = set(report_offices(viewer).values_list("pk", flat=True))
    refused = [office for office in offices if office.pk not in allowed]
    if not refused:
        return
    if viewer.office is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.DENIED,
            detail={
                "reason": "no_permission" if not allowed else "another_office",
                "read": "statistics",
                "target_type": "accounts.Office",
                "target_id": str(refused[0].public_id),
            },
        )
    raise PermissionDenied


def _build(offices: Sequence[Office], start: dt.date, end: dt.date) -> list[Table]:
    received = cases.cases_in(offices, start, end)
    counted = cases.case_counts(received)
    category = cases.by_category(counted.category, offices)
    total = category.total.values[0] if category.total is not None else 0
    total = total or 0
    referrals = bench.referrals_in(offices, start, end)
    grounds, ground_codes = cases.terms(offices, TermKind.GROUND)
    return [
        category,
        cases.by_ground(received, grounds, total),
        cases.by_ground_combination(received, grounds, ground_codes, total),
        cases.by_form(received, cases.term_labels(offices, TermKind.FORM), total),
        cases.by_channel(counted.channel),
        cases.by_counterpart(received, total),
        cases.by_month(received, offices, start, end),
        cases.by_status(counted.status),
        cases.by_outcome(counted.outcome),
        bench.by_area(referrals),
        bench.outcomes(referrals),
        activities.courses(offices, start, end),
        activities.events(offices, start, end),
        activities.income(offices, start, end),
        activities.costs(offices, start, end),
        municipal.municipal_table(offices=offices, start=start, end=end),
        odihr.odihr_table(offices=offices, start=start, end=end),
    ]


def report_tables(
    *,
    actor: ReportActor,
    offices: Sequence[Office],
    start: dt.date,
    end: dt.date,
    controlled: bool = True,
) -> list[Table]:
    """The report's tables for `offices` from `start` to `end` (inclusive days, each office's own
    calendar), titled and labelled in the active language, in the order of TABLE_IDS.

    Several offices, or a network statistician asking, always get disclosure-controlled figures,
    and those cover whole calendar months only (PeriodError otherwise; ADR 0016, "Periods").
    A staff member asking for an office they may not report on is refused (PermissionDenied)
    and the refusal is audited."""
    offices = list(dict.fromkeys(offices))
    if not offices:
        raise ValueError("a report needs at least one office")
    if end < start:
        raise ValueError("the period ends before it starts")
    network = False
    if isinstance(actor, Viewer):
        _check_access(actor, offices)
        network = actor.can(Permission.VIEW_NETWORK_STATISTICS)
    controlled = controlled or network or len(offices) > 1
    if controlled:
        check_whole_months(start, end)
    tables = _build(offices, start, end)
    if controlled:
        limit = disclosure.threshold()
        tables = [
            table if table.id in UNCONTROLLED_TABLES else disclosure.protect(table, threshold=limit)
            for table in tables
        ]
    record_event(
        actor=StaffActor.of(actor) if isinstance(actor, Viewer) else actor,
        office=offices[0] if len(offices) == 1 else (actor.office if isinstance(actor, Viewer) else None),
        action=AuditAction.VIEW,
        detail={
            "read": "statistics",
            "offices": [office.code for office in offices],
            "start": start.isoformat(),
            "end": end.isoformat(),
            "controlled": controlled,
        },
    )
    return tables
