"""The case tables: one GROUP BY aggregate each over the period's cases (suspected spam left
out), with the rows' labels read from the taxonomy (the office's reporting categories, the
jurisdiction's terms) or the codes' translated names, in the active language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import connections
from django.db.models import Case as When_
from django.db.models import Count, IntegerField, QuerySet, Sum, Value, When
from django.utils.translation import gettext as _

from likeverd.accounts.models import Office
from likeverd.cases.models import Case, CaseStatus, Channel, CounterpartKind, Outcome, Party, PartyRole
from likeverd.statistics.selectors.common import choice_rows, count_table, label_field
from likeverd.statistics.selectors.period import month_key, month_label, month_of, months, within
from likeverd.statistics.tables import Row, Table
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind


def cases_in(offices: Sequence[Office], start: dt.date, end: dt.date) -> QuerySet[Case]:
    """The cases the offices received on the period's days (their own calendar), without the
    reports that looked like spam."""
    return Case.objects.filter(
        within(offices, start, end, field="received_at"), suspected_spam=False
    ).order_by()


def term_labels(offices: Sequence[Office], kind: TermKind) -> dict[str, str]:
    """Code -> label of the offices' jurisdictions' terms, in taxonomy order (newest version's
    label when the law renamed a term)."""
    labels: dict[str, str] = {}
    rows = (
        Term.objects.filter(jurisdiction__in={o.jurisdiction for o in offices}, kind=kind)
        .order_by("sort_order", "code", "-valid_from")
        .values_list("code", label_field())
    )
    for code, label in rows:
        labels.setdefault(code, label)
    return labels


def by_category(cases: QuerySet[Case], offices: Sequence[Office]) -> Table:
    """Every active reporting category (also at zero: the office chose them) and any other that
    was used, summed by code across offices; cases without one last."""
    counts: dict[str | None, int] = dict(
        cases.values_list("reporting_category__code")
        .annotate(n=Count("id"))
        .values_list("reporting_category__code", "n")
    )
    categories = (
        ReportingCategory.objects.filter(office__in=offices)
        .order_by("sort_order", "code", "office__code")
        .values_list("code", label_field(), "is_active")
    )
    rows: list[Row] = []
    seen: set[str] = set()
    for code, label, active in categories:
        if code in seen or not (active or counts.get(code)):
            continue
        seen.add(code)
        rows.append(Row(label=label, values=(counts.get(code, 0),), key=code))
    if counts.get(None):
        rows.append(Row(label=_("No area of society recorded"), values=(counts[None],), key=""))
    return count_table(
        "cases_by_category",
        _("Cases by area of society"),
        rows,
        column=_("Cases"),
        total=sum(counts.values()),
    )


def _by_terms(
    cases: QuerySet[Case], relation: str, labels: dict[str, str]
) -> tuple[list[Row], dict[str | None, int]]:
    counts: dict[str | None, int] = dict(
        cases.values_list(f"{relation}__code").annotate(n=Count("id")).values_list(f"{relation}__code", "n")
    )
    rows = [
        Row(label=label, values=(counts[code],), key=code)
        for code, label in labels.items()
        if counts.get(code)
    ]
    # A code no longer in the taxonomy (never expected) still counts, under its code.
    rows += [
        Row(label=code, values=(n,), key=code) for code, n in counts.items() if code and code not in labels
    ]
    return rows, counts


def by_ground(cases: QuerySet[Case], labels: dict[str, str], total: int) -> Table:
    rows, counts = _by_terms(cases, "grounds", labels)
    if counts.get(None):
        rows.append(Row(label=_("No ground recorded"), values=(counts[None],), key=""))
    return count_table(
        "cases_by_ground",
        _("Cases by ground of discrimination"),
        rows,
        column=_("Cases"),
        total=total,
        additive=False,
        note=_("A case with several grounds counts under each of them."),
    )


def by_form(cases: QuerySet[Case], labels: dict[str, str], total: int) -> Table:
    rows, counts = _by_terms(cases, "forms", labels)
    if counts.get(None):
        rows.append(Row(label=_("No form recorded"), values=(counts[None],), key=""))
    return count_table(
        "cases_by_form",
        _("Cases by form of discrimination"),
        rows,
        column=_("Cases"),
        total=total,
        additive=False,
        note=_("A case with several forms counts under each of them."),
    )


def by_ground_combination(cases: QuerySet[Case], labels: dict[str, str]) -> Table:
    """Each case once, under the exact set of its grounds (so "ethnicity + religion" shows as its
    own row). The set is a bit mask summed per case, which needs no ordered string aggregate and
    reads the same on SQLite and PostgreSQL; the outer GROUP BY counts the cases per mask."""
    bits = {code: 1 << position for position, code in enumerate(labels)}
    mask = Sum(
        When_(
            *(When(grounds__code=code, then=Value(bit)) for code, bit in bits.items()),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    per_case = cases.values("id").annotate(mask=mask).values_list("mask")
    sql, params = per_case.query.sql_with_params()
    connection = connections[per_case.db]
    column = connection.ops.quote_name("mask")
    # The inner SQL is Django's own compilation (values bound as parameters), the column quoted.
    with connection.cursor() as cursor:
        outer = f"SELECT per_case.{column}, COUNT(*) FROM ({sql}) per_case GROUP BY per_case.{column}"  # noqa: S608
        cursor.execute(outer, params)
        counts = {int(found or 0): n for found, n in cursor.fetchall()}
    order = list(labels)
    rows = []
    for found, n in counts.items():
        if not found:
            continue
        codes = [code for code in order if found & bits[code]]
        rows.append(
            (
                len(codes),
                [order.index(c) for c in codes],
                Row(" + ".join(labels[c] for c in codes), (n,), "+".join(codes)),
            )
        )
    ordered = [row for *_, row in sorted(rows, key=lambda item: (item[0], item[1]))]
    if counts.get(0):
        ordered.append(Row(label=_("No ground recorded"), values=(counts[0],), key=""))
    return count_table(
        "cases_by_ground_combination",
        _("Cases by combination of grounds"),
        ordered,
        column=_("Cases"),
        total=sum(counts.values()),
        note=_("Each case counts once, under all of its grounds together."),
    )


def by_channel(cases: QuerySet[Case]) -> Table:
    counts: dict[str | None, int] = dict(
        cases.values_list("channel").annotate(n=Count("id")).values_list("channel", "n")
    )
    return count_table(
        "cases_by_channel",
        _("Cases by channel"),
        choice_rows(Channel.choices, counts),
        column=_("Cases"),
        total=sum(counts.values()),
    )


def by_counterpart(cases: QuerySet[Case], total: int) -> Table:
    """Cases by the kind of counterpart (the party they are against): a case with two kinds of
    counterpart counts under each, and once under a kind however many counterparts it has."""
    counts: dict[str | None, int] = dict(
        Party.objects.filter(case__in=cases, role=PartyRole.COUNTERPART)
        .order_by()
        .values_list("counterpart_kind")
        .annotate(n=Count("case_id", distinct=True))
        .values_list("counterpart_kind", "n")
    )
    return count_table(
        "cases_by_counterpart",
        _("Cases by kind of counterpart"),
        choice_rows(CounterpartKind.choices, counts, blank=_("Kind not recorded")),
        column=_("Cases"),
        total=total,
        additive=False,
        note=_("Only cases with a counterpart recorded; a case against two kinds counts under each."),
    )


def by_month(cases: QuerySet[Case], offices: Sequence[Office], start: dt.date, end: dt.date) -> Table:
    found = (
        cases.annotate(month=month_of(offices, field="received_at"))
        .values_list("month")
        .annotate(n=Count("id"))
        .values_list("month", "n")
    )
    counts: dict[str, int] = {}
    for month, n in found:
        day = month.date() if isinstance(month, dt.datetime) else month
        counts[month_key(day)] = counts.get(month_key(day), 0) + n
    rows = [
        Row(label=month_label(m), values=(counts.get(month_key(m), 0),), key=month_key(m))
        for m in months(start, end)
    ]
    return count_table(
        "cases_by_month",
        _("Cases by month received"),
        rows,
        column=_("Cases"),
        total=sum(counts.values()),
        chart="line",
    )


def by_status(cases: QuerySet[Case]) -> Table:
    counts: dict[str | None, int] = dict(
        cases.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    return count_table(
        "cases_by_status",
        _("Cases by status today"),
        choice_rows(CaseStatus.choices, counts),
        column=_("Cases"),
        total=sum(counts.values()),
    )


def by_outcome(cases: QuerySet[Case]) -> Table:
    counts: dict[str | None, int] = dict(
        cases.values_list("outcome").annotate(n=Count("id")).values_list("outcome", "n")
    )
    return count_table(
        "cases_by_outcome",
        _("Cases by outcome"),
        choice_rows(Outcome.choices, counts, blank=_("Still open")),
        column=_("Cases"),
        total=sum(counts.values()),
    )
