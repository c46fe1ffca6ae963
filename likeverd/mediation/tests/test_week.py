"""The week calendar's days: Monday first, seven in a row, holding the day asked for, across
month, year and leap-day boundaries (hypothesis)."""

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from likeverd.mediation.selectors import week_days


@given(st.dates(min_value=dt.date(1901, 1, 7), max_value=dt.date(2199, 12, 24)))
def test_a_week_is_seven_days_from_monday_holding_the_day(day: dt.date) -> None:
    days = week_days(day)
    assert len(days) == 7
    assert days[0].weekday() == 0
    assert day in days
    assert all((later - earlier).days == 1 for earlier, later in itertools.pairwise(days))


def test_the_week_across_new_year() -> None:
    assert week_days(dt.date(2026, 12, 31))[0] == dt.date(2026, 12, 28)
    assert week_days(dt.date(2026, 12, 31))[-1] == dt.date(2027, 1, 3)
