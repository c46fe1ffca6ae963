"""The period on each office's calendar: day bounds and month buckets across time zones and
daylight saving time (hypothesis), and the database's month of a case agreeing with Python's."""

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases.models import Case
from likeverd.statistics.selectors import report_tables
from likeverd.statistics.selectors.period import day_bounds, month_key, months
from likeverd.statistics.tests.helpers import case

ZONES = st.sampled_from([ZoneInfo("Europe/Oslo"), ZoneInfo("Europe/Stockholm"), ZoneInfo("UTC")])
DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))
# hypothesis takes naive bounds and makes the instants aware (UTC) itself.
FIRST, LAST = dt.datetime(2000, 1, 1), dt.datetime(2040, 12, 31)  # noqa: DTZ001
YEAR_2019, END_2020 = dt.datetime(2019, 1, 1), dt.datetime(2020, 12, 31)  # noqa: DTZ001
INSTANTS = st.datetimes(min_value=FIRST, max_value=LAST, timezones=st.just(dt.UTC))


@given(zone=ZONES, start=DAYS, length=st.integers(0, 800), moment=INSTANTS)
def test_an_instant_is_inside_the_bounds_exactly_when_its_local_day_is_in_the_period(
    zone: ZoneInfo, start: dt.date, length: int, moment: dt.datetime
) -> None:
    end = start + dt.timedelta(days=length)
    since, until = day_bounds(start, end, zone)
    local_day = moment.astimezone(zone).date()
    assert (since <= moment < until) == (start <= local_day <= end)


@given(start=DAYS, length=st.integers(0, 2000))
def test_the_months_of_a_period_are_every_month_it_touches_once_in_order(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    found = months(start, end)
    assert found[0] == start.replace(day=1)
    assert found[-1] == end.replace(day=1)
    assert all(month.day == 1 for month in found)
    assert all(a < b for a, b in itertools.pairwise(found))
    expected = (end.year - start.year) * 12 + end.month - start.month + 1
    assert len(found) == expected
    assert len({month_key(m) for m in found}) == expected


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    moment=st.datetimes(min_value=YEAR_2019, max_value=END_2020, timezones=st.just(dt.UTC)).filter(
        lambda m: m.astimezone(ZoneInfo("Europe/Oslo")).year == 2019
    )
    | st.sampled_from(
        [
            # Around the DST changes and the year's and months' edges, on Oslo's clock.
            dt.datetime(2019, 3, 31, 0, 59, tzinfo=dt.UTC),
            dt.datetime(2019, 3, 31, 1, 0, tzinfo=dt.UTC),
            dt.datetime(2019, 10, 27, 0, 30, tzinfo=dt.UTC),
            dt.datetime(2019, 10, 27, 1, 30, tzinfo=dt.UTC),
            dt.datetime(2019, 1, 31, 23, 30, tzinfo=dt.UTC),
            dt.datetime(2019, 4, 30, 22, 30, tzinfo=dt.UTC),
            dt.datetime(2019, 12, 31, 22, 59, tzinfo=dt.UTC),
        ]
    )
)
def test_the_database_puts_a_case_in_the_month_of_its_day_on_the_offices_calendar(
    office: Office, adviser: User, moment: dt.datetime
) -> None:
    viewer = viewer_of(adviser)
    registered = Case.objects.filter(office=office).first() or case(viewer, moment)
    Case.objects.filter(pk=registered.pk).update(received_at=moment)
    with translation.override("en"):
        (table,) = [
            t
            for t in report_tables(
                actor=viewer,
                offices=[office],
                start=dt.date(2019, 1, 1),
                end=dt.date(2019, 12, 31),
                controlled=False,
            )
            if t.id == "cases_by_month"
        ]
    local = moment.astimezone(ZoneInfo("Europe/Oslo")).date()
    assert {row.key: row.values[0] for row in table.rows if row.values[0]} == {month_key(local): 1}
