"""The case tables: one GROUP BY aggregate each over the period's cases (suspected spam left
out), with the rows' labels read from the taxonomy (the office's reporting categories, the
jurisdiction's terms) or the codes' translated names, in the active language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import connections
from django.db.models import Count, IntegerField, QuerySet, Sum, Value
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from likeverd.accounts.models import Office
from likeverd.cases.models import Case, CaseStatus, Channel, CounterpartKind, Outcome, Party, PartyRole
from likeverd.statistics.selectors.common import choice_rows, count_table, label_field
from likeverd.statistics.selectors.period import month_key, month_label, months, within, zone_of
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
    return terms(offices, kind)[0]


def terms(offices: Sequence[Office], kind: TermKind) -> tuple[dict[str, str], dict[int, str]]:
    """As `term_labels`, and the id -> code of every version of those terms, in one query."""
    labels: dict[str, str] = {}
    codes: dict[int, str] = {}
    rows = (
        Term.objects.filter(jurisdiction__in={o.jurisdiction for o in offices}, kind=kind)
        .order_by("sort_order", "code", "-valid_from")
        .values_list("pk", "code", label_field())
    )
    for pk, code, label in rows:
        labels.setdefault(code, label)
        codes[pk] = code
    return labels, codes


@dataclass(frozen=True)
class CaseCounts:
    """The period's cases counted by area of society, channel, status and outcome."""

    category: dict[str | None, int]
    channel: dict[str | None, int]
    status: dict[str | None, int]
    outcome: dict[str | None, int]


def case_counts(cases: QuerySet[Case]) -> CaseCounts:
    """Four tables' counts from one GROUP BY over the four columns (at most a few thousand
    groups), summed here: one pass over the cases instead of four, and one query to build."""
    found = (
        cases.values_list("reporting_category__code", "channel", "status", "outcome")
        .annotate(n=Count("id"))
        .values_list("reporting_category__code", "channel", "status", "outcome", "n")
    )
    counts = CaseCounts({}, {}, {}, {})
    for category, channel, status, outcome, n in found:
        for table, key in (
            (counts.category, category),
            (counts.channel, channel),
            (counts.status, status),
            (counts.outcome, outcome),
        ):
            table[key] = table.get(key, 0) + n
    return counts


def by_category(counts: Mapping[str | None, int], offices: Sequence[Office]) -> Table:
    """Every active reporting category (also at zero: the office chose them) and any other that
    was used, summed by code across offices; cases without one last."""
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


def by_ground_combination(
    cases: QuerySet[Case], labels: dict[str, str], term_codes: dict[int, str], total: int
) -> Table:
    """Each case once, under the exact set of its grounds (so "ethnicity + religion" shows as its
    own row). The set is a bit mask summed per case over its ground links, which needs no ordered
    string aggregate and reads the same on SQLite and PostgreSQL; the outer GROUP BY counts the
    cases per mask, and the cases without a ground are the rest of `total`.

    The mask is one CASE on the link table's term id, written once as SQL: built from a When()
    per ground, the ORM spent more time resolving it than the database spent counting."""
    bits = {code: 1 << position for position, code in enumerate(labels)}
    links = Case.grounds.through
    connection = connections[cases.db]
    term = f"{connection.ops.quote_name(links._meta.db_table)}.{connection.ops.quote_name('term_id')}"
    known = {pk: bits[code] for pk, code in term_codes.items() if code in bits}
    when = " ".join("WHEN %s THEN %s" for _pk in known)
    params = [value for pk, bit in known.items() for value in (pk, bit)]
    # Only the quoted column name is written into the SQL; the ids and bits are parameters.
    raw = RawSQL(f"CASE {term} {when} ELSE 0 END", params, output_field=IntegerField())  # noqa: S611
    mask = raw if known else Value(0)
    per_case = (
        links.objects.filter(case__in=cases.values("id"))
        .order_by()
        .values("case_id")
        .annotate(mask=Sum(mask))
        # django-stubs cannot see the annotation on an auto-created link model.
        .values_list("mask")  # type: ignore[misc]
    )
    sql, sql_params = per_case.query.sql_with_params()
    column = connection.ops.quote_name("mask")
    # The inner SQL is Django's own compilation (values bound as parameters), the column quoted.
    with connection.cursor() as cursor:
        outer = f"SELECT per_case.{column}, COUNT(*) FROM ({sql}) per_case GROUP BY per_case.{column}"  # noqa: S608
        cursor.execute(outer, sql_params)
        counts = {int(found or 0): n for found, n in cursor.fetchall()}
    counts[0] = counts.get(0, 0) + total - sum(counts.values())
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
        total=total,
        note=_("Each case counts once, under all of its grounds together."),
    )


def by_channel(counts: Mapping[str | None, int]) -> Table:
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


def _month_bucket(cases: QuerySet[Case], offices: Sequence[Office], first_days: list[dt.date]) -> RawSQL:
    """The index in `first_days` of the month each case was received in, on its office's calendar,
    as comparisons with each month's first instant in the office's zone: no date function per
    row (on SQLite a Python function, the slowest part of the report), the same on both engines.
    Only quoted column names are written into the SQL; office ids and instants are parameters."""
    connection = connections[cases.db]
    quote = connection.ops.quote_name
    table = quote(Case._meta.db_table)
    received, office = f"{table}.{quote('received_at')}", f"{table}.{quote('office_id')}"
    by_zone: dict[str, list[int]] = {}
    for each in offices:
        by_zone.setdefault(zone_of(each).key, []).append(each.pk)
    branches: list[str] = []
    params: list[object] = []
    for key, ids in sorted(by_zone.items()):
        zone = ZoneInfo(key)
        steps = " ".join(f"WHEN {received} < %s THEN {index}" for index in range(len(first_days) - 1))
        params += ids
        params += [
            connection.ops.adapt_datetimefield_value(dt.datetime.combine(day, dt.time.min, tzinfo=zone))
            for day in first_days[1:]
        ]
        inner = f"CASE {steps} ELSE {len(first_days) - 1} END" if steps else "0"
        branches.append(f"WHEN {office} IN ({', '.join(['%s'] * len(ids))}) THEN {inner}")
    return RawSQL(f"CASE {' '.join(branches)} END", params, output_field=IntegerField())  # noqa: S611


def by_month(cases: QuerySet[Case], offices: Sequence[Office], start: dt.date, end: dt.date) -> Table:
    first_days = months(start, end)
    found = (
        cases.annotate(month=_month_bucket(cases, offices, first_days))
        .values_list("month")
        .annotate(n=Count("id"))
        .values_list("month", "n")
    )
    counts: dict[str, int] = {}
    for index, n in found:
        if index is not None:
            key = month_key(first_days[index])
            counts[key] = counts.get(key, 0) + n
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


def by_status(counts: Mapping[str | None, int]) -> Table:
    return count_table(
        "cases_by_status",
        _("Cases by status today"),
        choice_rows(CaseStatus.choices, counts),
        column=_("Cases"),
        total=sum(counts.values()),
    )


def by_outcome(counts: Mapping[str | None, int]) -> Table:
    return count_table(
        "cases_by_outcome",
        _("Cases by outcome"),
        choice_rows(Outcome.choices, counts, blank=_("Still open")),
        column=_("Cases"),
        total=sum(counts.values()),
    )
