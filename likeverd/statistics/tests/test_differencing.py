"""Differencing between periods (ADR 0016, "Periods"): disclosure-controlled figures cover whole
calendar months only, so subtracting one published report from another never gives away the
cases of a few days.

The attack this closes: "1 January – 31 December" and "2 January – 31 December", both published,
differ by the cases of 1 January, with the small counts each report hides. The office's own
internal figures (not published) may still cover any days."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.cases import services
from likeverd.cases.models import Case
from likeverd.statistics.selectors import report_tables
from likeverd.statistics.selectors.period import (
    PeriodError,
    check_whole_months,
    is_whole_months,
    last_day_of_month,
)
from likeverd.statistics.tables import Table
from likeverd.statistics.tests.helpers import OSLO, at, case

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))
MONTHS_2019 = st.integers(min_value=1, max_value=12)


@given(start=DAYS, end=DAYS)
def test_a_period_is_whole_months_exactly_when_it_runs_from_a_first_to_a_last_day(
    start: dt.date, end: dt.date
) -> None:
    whole = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    assert is_whole_months(start, end) == whole
    if whole:
        check_whole_months(start, end)
    else:
        with pytest.raises(PeriodError) as refused:
            check_whole_months(start, end)
        # The message proposes the whole months around the period asked for.
        assert start.replace(day=1).isoformat() in str(refused.value)


@given(day=DAYS)
def test_the_last_day_of_a_month_is_the_day_before_the_next_first(day: dt.date) -> None:
    last = last_day_of_month(day)
    assert (last.year, last.month) == (day.year, day.month)
    assert (last + dt.timedelta(days=1)).day == 1


def _figures(tables: list[Table]) -> list[tuple[str, tuple[tuple[str, tuple[int | None, ...]], ...]]]:
    """Everything a reader of the tables sees, as numbers: each row's figures, totals included."""
    seen = []
    for table in tables:
        rows = list(table.rows) + ([table.total] if table.total is not None else [])
        seen.append((table.id, tuple((row.key, tuple(row.values)) for row in rows)))
    return seen


@pytest.fixture
def year_of_cases(office: Office, adviser: User) -> list[Case]:
    """Twelve cases in 2019, two in January (one on 1 January, on the ground of religion) and
    the rest spread over the year: the year's totals are published, most cells are small."""
    services.create_default_reporting_categories(office=office)
    advising = viewer_of(adviser)
    registered = [
        case(advising, at(dt.date(2019, 1, 1)), category_code="housing", grounds=("RELIGION",)),
        case(advising, at(dt.date(2019, 1, 20)), category_code="housing", grounds=("ETHNICITY",)),
    ]
    for month in range(2, 12):
        registered.append(
            case(
                advising,
                at(dt.date(2019, month, 10)),
                category_code="housing" if month % 2 else "working_life",
                grounds=("ETHNICITY",),
            )
        )
    return registered


@pytest.fixture
def statistician(office: Office) -> Viewer:
    return viewer_of(make_staff(office, Role.NETWORK_STATISTICIAN, username="stat"))


@pytest.mark.django_db
def test_the_old_attack_on_the_first_of_january_is_refused(
    office: Office, adviser: User, year_of_cases: list[Case], statistician: Viewer
) -> None:
    with translation.override("en"):
        whole_year = report_tables(
            actor=statistician, offices=[office], start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31)
        )
        with pytest.raises(PeriodError, match="whole months only"):
            report_tables(
                actor=statistician, offices=[office], start=dt.date(2019, 1, 2), end=dt.date(2019, 12, 31)
            )
        # The office's own staff may still look at any days, unprotected: their figures stay inside.
        own = report_tables(
            actor=viewer_of(adviser),
            offices=[office],
            start=dt.date(2019, 1, 2),
            end=dt.date(2019, 12, 31),
            controlled=False,
        )
    assert next(t for t in whole_year if t.id == "cases_by_category").total is not None
    grounds = {row.key: row.values for row in next(t for t in own if t.id == "cases_by_ground").rows}
    assert grounds.get("RELIGION", (0,)) == (0,)  # the case of 1 January is outside the period
    assert grounds["ETHNICITY"] == (11,)


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    moved=st.integers(min_value=0, max_value=11),
    day=st.integers(min_value=1, max_value=31),
    first=st.tuples(MONTHS_2019, MONTHS_2019),
    second=st.tuples(MONTHS_2019, MONTHS_2019),
)
def test_differencing_published_periods_tells_nothing_about_a_day_within_a_month(
    office: Office,
    year_of_cases: list[Case],
    statistician: Viewer,
    moved: int,
    day: int,
    first: tuple[int, int],
    second: tuple[int, int],
) -> None:
    """The attacker asks for any two periods the rule allows and subtracts one from the other.
    Moving a case to another day of its own month changes no figure of either report, so no
    difference of them can say on which day a case came, nor recover a count hidden in one
    part of a month: the finest thing two published reports can differ by is whole months."""
    target = year_of_cases[moved]
    received = target.received_at
    month_start = received.astimezone(OSLO).date().replace(day=1)
    new_day = month_start.replace(day=min(day, last_day_of_month(month_start).day))

    def published(months: tuple[int, int]) -> list[Table]:
        low, high = sorted(months)
        start, end = dt.date(2019, low, 1), last_day_of_month(dt.date(2019, high, 1))
        with translation.override("en"):
            return report_tables(actor=statistician, offices=[office], start=start, end=end)

    before = [_figures(published(first)), _figures(published(second))]
    Case.objects.filter(pk=target.pk).update(received_at=at(new_day, hour=received.astimezone(OSLO).hour))
    try:
        after = [_figures(published(first)), _figures(published(second))]
        # The attack needs a period that splits a month, and it is refused.
        split = new_day + dt.timedelta(days=1) if new_day.day == 1 else new_day
        with pytest.raises(PeriodError):
            report_tables(actor=statistician, offices=[office], start=split, end=dt.date(2019, 12, 31))
    finally:
        Case.objects.filter(pk=target.pk).update(received_at=received)
    assert after == before
