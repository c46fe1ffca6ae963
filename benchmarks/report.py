"""`python -m benchmarks.report` (`make bench-report`): the annual report's speed at scale, beside the
bare SQL aggregate on the same data in the same run.

Cases are made by the `make bench` generator (benchmarks/dataset/) in a throwaway database
(DATABASE_URL picks the engine; SQLite when unset), then given what the report counts and that
generator leaves out: an area of society (the office's default reporting categories), a form
on three cases in five, and a bench referral (with an outcome when concluded) for the cases in
mediation and one closed case in ten. Sizes: SCALE=1m (default, the issue's yardstick):
1,000,000 cases over 50 offices; SCALE=100k: 100,000 over 10; QUICK=1: 5,000 over 5.

Measured, alternating run by run so both see the same caches:
- office: `report_tables` for the first office and the last whole year, as published
  (controlled: disclosure control applied), labels in Norwegian;
- network: the same for all offices;
- each beside its bare aggregate: the same GROUP BY counts as raw SQL through one cursor (no
  ORM, no labels, no tables, no disclosure control, no audit row).
The last line is `report: ratio=R`, R the worse of the two p50 ratios (report p50 / aggregate
p50; p95 is printed too, but on a shared machine one stray pause decides it).
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, cast

SCALES = {"1m": (1_000_000, 50), "100k": (100_000, 10)}
QUICK = (5_000, 5)
TARGET_RATIO = 1.5


def _enrich(rng: random.Random) -> dict[str, int]:
    """What the report counts that the page benchmark's cases do not carry."""
    from django.db import connection, transaction

    from likeverd.accounts.models import Office
    from likeverd.cases.models import Case, CaseStatus
    from likeverd.core.planner import refresh_planner_statistics
    from likeverd.mediation.models import BenchKind, BenchOutcome, BenchReferral
    from likeverd.taxonomy.models import Term, TermKind
    from likeverd.taxonomy.services import create_default_reporting_categories

    cases_table = connection.ops.quote_name(Case._meta.db_table)
    forms_table = connection.ops.quote_name(Case.forms.through._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        for office in Office.objects.order_by("pk"):
            categories = [c.pk for c in create_default_reporting_categories(office=office)]
            choice = " ".join(f"WHEN {k} THEN {pk}" for k, pk in enumerate(categories))
            cursor.execute(
                f"UPDATE {cases_table} SET reporting_category_id = CASE (id %% {len(categories)}) "
                f"{choice} END WHERE office_id = %s",
                [office.pk],
            )
        forms = list(Term.objects.filter(jurisdiction="NO", kind=TermKind.FORM).values_list("pk", flat=True))
        if forms:
            choice = " ".join(f"WHEN {k} THEN {pk}" for k, pk in enumerate(forms))
            cursor.execute(
                f"INSERT INTO {forms_table} (case_id, term_id) SELECT id, CASE (id % {len(forms)}) "
                f"{choice} END FROM {cases_table} WHERE id % 5 < 3"
            )
    kinds = list(BenchKind.values)
    outcomes = list(BenchOutcome.values)
    referred = Case.objects.filter(status__in=[CaseStatus.MEDIATION, CaseStatus.CLOSED]).values_list(
        "pk", "office_id", "received_at", "status"
    )
    batch: list[BenchReferral] = []
    made = 0
    for pk, office_id, received_at, status in referred.iterator(chunk_size=5000):
        if status == CaseStatus.CLOSED and pk % 10:
            continue
        concluded = status == CaseStatus.CLOSED
        batch.append(
            BenchReferral(
                case_id=pk,
                office_id=office_id,
                kind=rng.choice(kinds),
                stage="closed" if concluded else "referred",
                referred_at=received_at + dt.timedelta(days=3),
                outcome=rng.choice(outcomes) if concluded else "",
            )
        )
        if len(batch) >= 5000:
            made += len(BenchReferral.objects.bulk_create(batch))
            batch = []
    made += len(BenchReferral.objects.bulk_create(batch))
    refresh_planner_statistics()  # as the nightly `likeverd analyze` does
    return {"referrals": made}


def _bare_aggregate(office_ids: Sequence[int], start: dt.date, end: dt.date, zone: str) -> Callable[[], int]:
    """The report's GROUP BY counts as raw SQL on one cursor; returns the rows fetched."""
    from zoneinfo import ZoneInfo

    from django.db import connection

    from likeverd.cases.models import Case, Party, PartyRole
    from likeverd.mediation.models import BenchReferral
    from likeverd.outreach.models import CourseSession, Expense, Grant, OutreachEvent
    from likeverd.taxonomy.models import Term, TermKind

    q = connection.ops.quote_name
    case = q(Case._meta.db_table)
    grounds = q(Case.grounds.through._meta.db_table)
    forms = q(Case.forms.through._meta.db_table)
    party = q(Party._meta.db_table)
    referral = q(BenchReferral._meta.db_table)
    since = dt.datetime.combine(start, dt.time.min, tzinfo=ZoneInfo(zone))
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=ZoneInfo(zone))
    ids = ", ".join(str(int(pk)) for pk in office_ids)
    where = f"c.office_id IN ({ids}) AND c.received_at >= %s AND c.received_at < %s AND NOT c.suspected_spam"
    bits = {
        pk: 1 << k
        for k, pk in enumerate(
            Term.objects.filter(kind=TermKind.GROUND, jurisdiction="NO").values_list("pk", flat=True)
        )
    }
    mask = " ".join(f"WHEN {pk} THEN {bit}" for pk, bit in bits.items())
    # Django returns (sql, params) here; its stubs still say str.
    trunc = cast(
        tuple[str, tuple[Any, ...]],
        connection.ops.datetime_trunc_sql("month", "c.received_at", (), zone),
    )
    month, month_params = trunc
    years = ", ".join(str(year) for year in range(start.year, end.year + 1))
    # As the ORM binds them: on SQLite, UTC text in the stored form; on PostgreSQL, as they are.
    period: tuple[Any, ...] = (
        connection.ops.adapt_datetimefield_value(since),
        connection.ops.adapt_datetimefield_value(until),
    )
    statements: list[tuple[str, tuple[Any, ...]]] = [
        (f"SELECT c.reporting_category_id, COUNT(*) FROM {case} c WHERE {where} GROUP BY 1", period),
        (
            f"SELECT g.term_id, COUNT(*) FROM {case} c LEFT JOIN {grounds} g ON g.case_id = c.id "
            f"WHERE {where} GROUP BY 1",
            period,
        ),
        (
            f"SELECT m, COUNT(*) FROM (SELECT c.id, SUM(CASE g.term_id {mask} ELSE 0 END) AS m FROM {case} c "
            f"LEFT JOIN {grounds} g ON g.case_id = c.id WHERE {where} GROUP BY c.id) per_case GROUP BY m",
            period,
        ),
        (
            f"SELECT f.term_id, COUNT(*) FROM {case} c LEFT JOIN {forms} f ON f.case_id = c.id "
            f"WHERE {where} GROUP BY 1",
            period,
        ),
        (f"SELECT c.channel, COUNT(*) FROM {case} c WHERE {where} GROUP BY 1", period),
        (
            f"SELECT p.counterpart_kind, COUNT(DISTINCT p.case_id) FROM {party} p "
            f"JOIN {case} c ON c.id = p.case_id "
            f"WHERE p.role = '{PartyRole.COUNTERPART.value}' AND {where} GROUP BY 1",
            period,
        ),
        (f"SELECT {month}, COUNT(*) FROM {case} c WHERE {where} GROUP BY 1", (*month_params, *period)),
        (f"SELECT c.status, COUNT(*) FROM {case} c WHERE {where} GROUP BY 1", period),
        (f"SELECT c.outcome, COUNT(*) FROM {case} c WHERE {where} GROUP BY 1", period),
        (
            f"SELECT c.place_kind, COUNT(*) FROM {referral} r JOIN {case} c ON c.id = r.case_id "
            f"WHERE r.office_id IN ({ids}) AND r.referred_at >= %s AND r.referred_at < %s "
            "AND NOT c.suspected_spam GROUP BY 1",
            period,
        ),
        (
            f"SELECT r.outcome, COUNT(*) FROM {referral} r JOIN {case} c ON c.id = r.case_id "
            f"WHERE r.office_id IN ({ids}) AND r.referred_at >= %s AND r.referred_at < %s "
            "AND NOT c.suspected_spam GROUP BY 1",
            period,
        ),
        (
            f"SELECT template_id, COUNT(*), SUM(participants) FROM {q(CourseSession._meta.db_table)} "
            f"WHERE office_id IN ({ids}) AND date >= %s AND date <= %s GROUP BY 1",
            (connection.ops.adapt_datefield_value(start), connection.ops.adapt_datefield_value(end)),
        ),
        (
            f"SELECT kind, COUNT(*), SUM(audience_reached) FROM {q(OutreachEvent._meta.db_table)} "
            f"WHERE office_id IN ({ids}) AND date >= %s AND date <= %s GROUP BY 1",
            (connection.ops.adapt_datefield_value(start), connection.ops.adapt_datefield_value(end)),
        ),
        (
            "SELECT funder_id, SUM(received + carried_in - carried_out - repaid) "
            f"FROM {q(Grant._meta.db_table)} "
            f"WHERE office_id IN ({ids}) AND year IN ({years}) GROUP BY 1",
            (),
        ),
        (
            f"SELECT kind, SUM(amount) FROM {q(Expense._meta.db_table)} "
            f"WHERE office_id IN ({ids}) AND year IN ({years}) GROUP BY 1",
            (),
        ),
    ]

    def run(*, timings: dict[str, float] | None = None) -> int:
        fetched = 0
        with connection.cursor() as cursor:
            for sql, params in statements:
                started = time.perf_counter()
                cursor.execute(sql, params)
                fetched += len(cursor.fetchall())
                if timings is not None:
                    timings[sql[:60]] = (time.perf_counter() - started) * 1000
        return fetched

    return run


def _profile(run: Callable[[], object]) -> None:
    import cProfile
    import pstats

    run()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        run()
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(30)


def _time(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    quick = os.environ.get("QUICK", "").strip() not in {"", "0", "false"}
    scale = os.environ.get("SCALE", "").strip().lower() or "1m"
    if scale not in SCALES:
        print(f"bench-report: SCALE={scale}: use one of {', '.join(SCALES)}", file=sys.stderr)
        return 2
    cases, offices = QUICK if quick else SCALES[scale]
    parser = argparse.ArgumentParser(prog="python -m benchmarks.report", description=__doc__)
    parser.add_argument("--cases", type=int, default=cases, help="cases in all offices")
    parser.add_argument("--offices", type=int, default=offices, help="offices the cases are spread over")
    parser.add_argument("--repeat", type=int, default=10 if quick else 20, help="timed runs of each")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards, and print where")
    parser.add_argument(
        "--profile", action="store_true", help="also print where the office report spends its time (cProfile)"
    )
    args = parser.parse_args(argv)

    from benchmarks.environment import bench_database, database_size, migrated_dataset

    with bench_database(keep=args.keep) as database:
        data = migrated_dataset(
            prog="bench-report", cases=args.cases, offices=args.offices, database=database
        )
        from django.db import connection
        from django.utils import timezone, translation

        from benchmarks.timing import Timing, grid
        from likeverd.accounts.actors import SystemActor
        from likeverd.accounts.models import Office
        from likeverd.statistics.selectors import report_tables
        from likeverd.statistics.tables import Table

        started = time.perf_counter()
        extra = _enrich(random.Random(11))
        print(
            f"bench-report: {data.cases:,} cases in {data.seconds:.1f} s, areas, forms and "
            f"{extra['referrals']:,} bench referrals in {time.perf_counter() - started:.1f} s; "
            f"database {database_size(database) / 1_000_000:.0f} MB",
            flush=True,
        )
        year = timezone.localdate().year - 1
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        everyone = list(Office.objects.order_by("pk"))
        actor = SystemActor("make bench-report")
        rows: list[tuple[str, ...]] = []
        ratios: list[float] = []
        with translation.override("nb"):
            for label, offices_measured in (("office", [data.office]), ("network", everyone)):

                def run_report(offices_measured: list[Office] = offices_measured) -> list[Table]:
                    # As published: report_tables applies disclosure control to every count table.
                    return report_tables(actor=actor, offices=offices_measured, start=start, end=end)

                if args.profile and label == "office":
                    _profile(run_report)

                first = run_report()[0].total
                counted = first.values[0] or 0 if first is not None else 0
                bare = _bare_aggregate([o.pk for o in offices_measured], start, end, "Europe/Oslo")
                report_samples: list[float] = []
                bare_samples: list[float] = []
                # Alternate, so both see the same caches and the same neighbours on the machine.
                for _ in range(2):
                    run_report()
                    bare()
                for _ in range(args.repeat):
                    report_samples.append(_time(run_report))
                    bare_samples.append(_time(bare))
                report = Timing(label, report_samples)
                aggregate = Timing(label, bare_samples)
                ratio = report.p50 / aggregate.p50
                ratios.append(ratio)
                rows.append(
                    (
                        f"{label} ({len(offices_measured)} office{'s' if len(offices_measured) > 1 else ''}, "
                        f"{counted:,} cases in {year})",
                        f"{report.p50:.1f}",
                        f"{report.p95:.1f}",
                        f"{aggregate.p50:.1f}",
                        f"{aggregate.p95:.1f}",
                        f"{ratio:.2f}x",
                        f"{report.p95 / aggregate.p95:.2f}x",
                    )
                )
        engine = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
        print()
        print(f"## {engine}, {data.cases:,} cases over {data.offices} offices, {args.repeat} runs each (ms)")
        print()
        print(grid(("report for", "p50", "p95", "bare p50", "bare p95", "ratio p50", "ratio p95"), rows))
        print()
        print(
            "report = report_tables (controlled, nb), with its label queries, disclosure control and "
            "audit row; bare = the same GROUP BY counts as raw SQL on one cursor. ratio = report / bare."
        )
        worst = max(ratios)
        if worst > TARGET_RATIO:
            print(f"report: MISSED: ratio {worst:.2f} > {TARGET_RATIO:g}")
        print(f"report: ratio={worst:.2f}")
        return 0


if __name__ == "__main__":
    sys.exit(main())
