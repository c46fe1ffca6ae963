"""Reads of outreach and finances, always within the viewer's office.

The tables (`income_table`, `costs_table`) are shaped like the model annual report's: income by
funder with its remarks, costs by kind, each with its total. `courses_summary`, `events_summary`
and `finance_summary` are the read-only figures the statistics will draw on for an office and a
period (they take an office, not a viewer: the statistics decide who may see them)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.db.models import Count, Model, QuerySet, Sum
from django.http import Http404

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.outreach.models import (
    ZERO,
    CourseSession,
    CourseTemplate,
    Expense,
    ExpenseKind,
    Funder,
    Grant,
    MediaMention,
    OutreachEvent,
    Patrol,
)

M = TypeVar("M", bound=Model)


def currency(office: Office) -> str:
    return "SEK" if office.jurisdiction == Jurisdiction.SWEDEN else "NOK"


def get_for_office[M: Model](viewer: Viewer, model: type[M], public_id: str) -> M:
    """One row of the viewer's office, or 404. A row of another office that exists leaves a
    DENIED audit row in the viewer's office naming it by id (for the data-protection officer)."""
    try:
        return scope_to_office(model._default_manager.all(), viewer).get(public_id=public_id)
    except model.DoesNotExist:  # type: ignore[attr-defined]
        pass
    found = model._default_manager.filter(public_id=public_id).first()
    if found is not None and viewer.office is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.DENIED,
            detail={"reason": "another_office", "target_type": model._meta.label, "target_id": public_id},
        )
    raise Http404


def course_templates(viewer: Viewer) -> QuerySet[CourseTemplate]:
    return scope_to_office(CourseTemplate.objects.all(), viewer).order_by("-is_active", "title")


def course_sessions(viewer: Viewer, *, year: int | None = None) -> QuerySet[CourseSession]:
    sessions = scope_to_office(CourseSession.objects.select_related("template"), viewer)
    return sessions.filter(date__year=year) if year else sessions


def events(viewer: Viewer, *, year: int | None = None) -> QuerySet[OutreachEvent]:
    rows = scope_to_office(OutreachEvent.objects.all(), viewer)
    return rows.filter(date__year=year) if year else rows


def media_mentions(viewer: Viewer, *, year: int | None = None) -> QuerySet[MediaMention]:
    rows = scope_to_office(MediaMention.objects.all(), viewer)
    return rows.filter(date__year=year) if year else rows


def patrols(viewer: Viewer, *, year: int | None = None) -> QuerySet[Patrol]:
    rows = scope_to_office(Patrol.objects.annotate(witnessed=Count("cases")), viewer)
    return rows.filter(date__year=year) if year else rows


def funders(viewer: Viewer) -> QuerySet[Funder]:
    return scope_to_office(Funder.objects.all(), viewer)


def grants(viewer: Viewer, *, year: int) -> QuerySet[Grant]:
    return scope_to_office(Grant.objects.select_related("funder"), viewer).filter(year=year)


def expenses(viewer: Viewer, *, year: int) -> QuerySet[Expense]:
    return scope_to_office(Expense.objects.all(), viewer).filter(year=year)


# --- the finance tables ------------------------------------------------------------------------


@dataclass(frozen=True)
class IncomeRow:
    funder: str
    granted: Decimal
    received: Decimal
    carried_in: Decimal
    carried_out: Decimal
    repaid: Decimal
    amount: Decimal  # the year's income: received + carried in - carried out - repaid
    remarks: tuple[str, ...]


@dataclass(frozen=True)
class CostRow:
    kind: str
    label: str
    amount: Decimal
    remarks: tuple[str, ...]


@dataclass(frozen=True)
class Table[R]:
    rows: tuple[R, ...]
    total: Decimal
    currency: str


def _income(office: Office, years: range) -> Table[IncomeRow]:
    by_funder: dict[str, list[Grant]] = defaultdict(list)
    for grant in Grant.objects.filter(office=office, year__in=list(years)).select_related("funder"):
        by_funder[grant.funder.name].append(grant)
    rows = tuple(
        IncomeRow(
            funder=name,
            granted=sum((g.granted for g in items), ZERO),
            received=sum((g.received for g in items), ZERO),
            carried_in=sum((g.carried_in for g in items), ZERO),
            carried_out=sum((g.carried_out for g in items), ZERO),
            repaid=sum((g.repaid for g in items), ZERO),
            amount=sum((g.income for g in items), ZERO),
            remarks=tuple(g.remarks for g in items if g.remarks),
        )
        for name, items in sorted(by_funder.items())
    )
    return Table(rows=rows, total=sum((r.amount for r in rows), ZERO), currency=currency(office))


def _costs(office: Office, years: range) -> Table[CostRow]:
    amounts: dict[str, Decimal] = defaultdict(lambda: ZERO)
    remarks: dict[str, list[str]] = defaultdict(list)
    for expense in Expense.objects.filter(office=office, year__in=list(years)):
        amounts[expense.kind] += expense.amount
        if expense.remarks:
            remarks[expense.kind].append(expense.remarks)
    rows = tuple(
        CostRow(
            kind=kind.value,
            label=str(kind.label),
            amount=amounts[kind.value],
            remarks=tuple(remarks[kind.value]),
        )
        for kind in ExpenseKind
        if kind.value in amounts
    )
    return Table(rows=rows, total=sum((r.amount for r in rows), ZERO), currency=currency(office))


def income_table(viewer: Viewer, *, year: int) -> Table[IncomeRow]:
    if viewer.office is None:
        raise Http404
    return _income(viewer.office, range(year, year + 1))


def costs_table(viewer: Viewer, *, year: int) -> Table[CostRow]:
    if viewer.office is None:
        raise Http404
    return _costs(viewer.office, range(year, year + 1))


# --- figures for the statistics (office and period) --------------------------------------------


@dataclass(frozen=True)
class CourseFigures:
    course: str
    sessions: int
    participants: int
    paid_sessions: int


def courses_summary(office: Office, date_from: dt.date, date_to: dt.date) -> list[CourseFigures]:
    """Per course: how many times it was held in the period, and to how many participants."""
    rows = (
        CourseSession.objects.filter(office=office, date__gte=date_from, date__lte=date_to)
        .values("template__title")
        .annotate(sessions=Count("id"), participants=Sum("participants"))
        .order_by("template__title")
    )
    paid = dict(
        CourseSession.objects.filter(office=office, date__gte=date_from, date__lte=date_to, paid=True)
        .values_list("template__title")
        .annotate(n=Count("id"))
    )
    return [
        CourseFigures(
            course=row["template__title"],
            sessions=row["sessions"],
            participants=row["participants"] or 0,
            paid_sessions=paid.get(row["template__title"], 0),
        )
        for row in rows
    ]


def events_summary(office: Office, date_from: dt.date, date_to: dt.date) -> dict[str, tuple[int, int]]:
    """Per event kind: (events, people reached) in the period."""
    rows = (
        OutreachEvent.objects.filter(office=office, date__gte=date_from, date__lte=date_to)
        .values("kind")
        .annotate(n=Count("id"), reached=Sum("audience_reached"))
        .order_by("kind")
    )
    return {row["kind"]: (row["n"], row["reached"] or 0) for row in rows}


def finance_summary(
    office: Office, date_from: dt.date, date_to: dt.date
) -> tuple[Table[IncomeRow], Table[CostRow]]:
    """Income and costs of the accounting years the period touches."""
    years = range(date_from.year, date_to.year + 1)
    return _income(office, years), _costs(office, years)
