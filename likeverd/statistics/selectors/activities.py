"""Outreach and money: courses and their participants, events, and the income and costs of the
accounting years the period touches. One GROUP BY each; money in whole units of the offices'
currency (never suppressed: amounts are not counts of people)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Count, DecimalField, F, Q, Sum
from django.utils.translation import gettext as _

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.outreach.models import CourseSession, EventKind, Expense, ExpenseKind, Grant, OutreachEvent
from likeverd.statistics.selectors.common import whole
from likeverd.statistics.tables import Row, Table

CURRENCIES = {Jurisdiction.NORWAY.value: "NOK", Jurisdiction.SWEDEN.value: "SEK"}


def courses(offices: Sequence[Office], start: dt.date, end: dt.date) -> Table:
    """Per course (its title, summed across offices): sessions held and participants."""
    found = (
        CourseSession.objects.filter(office__in=offices, date__gte=start, date__lte=end)
        .order_by("template__title")
        .values_list("template__title")
        .annotate(sessions=Count("id"), participants=Sum("participants"))
        .values_list("template__title", "sessions", "participants")
    )
    rows = [
        Row(label=title, values=(sessions, participants or 0), key=title)
        for title, sessions, participants in found
    ]
    return Table(
        id="courses",
        title=_("Courses and participants"),
        columns=(_("Sessions"), _("Participants")),
        rows=tuple(rows),
        total=Row(
            label=_("Total"),
            values=(sum(r.values[0] or 0 for r in rows), sum(r.values[1] or 0 for r in rows)),
            key="total",
        ),
    )


def events(offices: Sequence[Office], start: dt.date, end: dt.date) -> Table:
    """Per kind of event: how many, and the people reached where someone counted them."""
    found = {
        kind: (n, reached or 0)
        for kind, n, reached in OutreachEvent.objects.filter(
            office__in=offices, date__gte=start, date__lte=end
        )
        .order_by()
        .values_list("kind")
        .annotate(n=Count("id"), reached=Sum("audience_reached"))
        .values_list("kind", "n", "reached")
    }
    rows = [
        Row(label=str(label), values=found[kind], key=kind)
        for kind, label in EventKind.choices
        if kind in found
    ]
    return Table(
        id="events",
        title=_("Events and stands"),
        columns=(_("Events"), _("People reached")),
        rows=tuple(rows),
        total=Row(
            label=_("Total"),
            values=(sum(n for n, _r in found.values()), sum(r for _n, r in found.values())),
            key="total",
        ),
        note=_("People reached is the sum of the events where the office counted them."),
    )


def _years(start: dt.date, end: dt.date) -> list[int]:
    return list(range(start.year, end.year + 1))


def _money_table(
    table_id: str, title: str, amounts: dict[tuple[str, str], int], order: list[str], labels: dict[str, str]
) -> Table:
    """Rows by key in `order`; with several currencies each row names its own and no total is
    given (kroner and kronor do not add up)."""
    currencies = sorted({currency for _key, currency in amounts})
    single = len(currencies) <= 1
    rows = []
    for key in order:
        for currency in currencies:
            if (key, currency) in amounts:
                label = labels.get(key, key) if single else f"{labels.get(key, key)} ({currency})"
                rows.append(
                    Row(
                        label=label,
                        values=(amounts[key, currency],),
                        key=key if single else f"{key}:{currency}",
                    )
                )
    total = Row(label=_("Total"), values=(sum(amounts.values()),), key="total") if single else None
    return Table(
        id=table_id,
        title=title,
        columns=(_("Amount"),),
        rows=tuple(rows),
        chart="none",
        total=total,
        unit=currencies[0] if len(currencies) == 1 else "",
    )


def income(offices: Sequence[Office], start: dt.date, end: dt.date) -> Table:
    """Income by funder: what was received, plus what was carried over from an earlier year,
    less what is carried on to a later year and what was repaid."""
    money = DecimalField(max_digits=14, decimal_places=2)
    found = (
        Grant.objects.filter(office__in=offices, year__in=_years(start, end))
        .order_by()
        .values_list("funder__name", "office__jurisdiction")
        .annotate(
            amount=Sum(F("received") + F("carried_in") - F("carried_out") - F("repaid"), output_field=money)
        )
        .values_list("funder__name", "office__jurisdiction", "amount")
    )
    amounts: dict[tuple[str, str], int] = defaultdict(int)
    for name, jurisdiction, amount in found:
        amounts[name, CURRENCIES.get(jurisdiction, "")] += whole(amount)
    names = sorted({name for name, _currency in amounts})
    return _money_table("income", _("Income"), dict(amounts), names, {n: n for n in names})


def costs(offices: Sequence[Office], start: dt.date, end: dt.date) -> Table:
    found = (
        Expense.objects.filter(Q(office__in=offices), year__in=_years(start, end))
        .order_by()
        .values_list("kind", "office__jurisdiction")
        .annotate(amount=Sum("amount"))
        .values_list("kind", "office__jurisdiction", "amount")
    )
    amounts: dict[tuple[str, str], int] = defaultdict(int)
    for kind, jurisdiction, amount in found:
        amounts[kind, CURRENCIES.get(jurisdiction, "")] += whole(amount)
    labels = {kind: str(label) for kind, label in ExpenseKind.choices}
    return _money_table("costs", _("Costs"), dict(amounts), list(labels), labels)
