"""The period of a report: a year, or two days typed on the command line or in the form."""

import argparse
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from likeverd.statistics.management.commands.report import iso_day
from likeverd.statistics.report import LONGEST_PERIOD, PeriodError, check_period, year_period

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9999, 12, 31))


@given(days)
def test_every_day_written_yyyy_mm_dd_is_read_back(day: dt.date) -> None:
    assert iso_day(day.isoformat()) == day


@given(st.text(max_size=12))
def test_anything_else_is_refused_with_a_reason(text: str) -> None:
    written = any(text.strip() == day.isoformat() for day in _days_near(text))
    if written:
        assert iso_day(text).isoformat() == text.strip()
    else:
        with pytest.raises(argparse.ArgumentTypeError, match=r"YYYY-MM-DD|calendar"):
            iso_day(text)


def _days_near(text: str) -> list[dt.date]:
    """The day `text` would name if it were a day written YYYY-MM-DD in ASCII digits, if any."""
    try:
        return [dt.date.fromisoformat(text.strip())] if text.strip().isascii() else []
    except ValueError:
        return []


@pytest.mark.parametrize("text", ["2019-02-29", "2019-13-01", "2019-00-10", "2020-04-31"])
def test_days_that_do_not_exist_are_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="not a day of the calendar"):
        iso_day(text)


@pytest.mark.parametrize("text", ["20190101", "2019-W01-1", "2019-01-01T00:00", "1.1.2019", "19-01-01"])
def test_other_ways_of_writing_a_day_are_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="YYYY-MM-DD"):
        iso_day(text)


@given(days, days)
def test_a_period_is_refused_exactly_when_it_runs_backwards_or_is_too_long(
    start: dt.date, end: dt.date
) -> None:
    if end < start or end - start > LONGEST_PERIOD:
        with pytest.raises(PeriodError):
            check_period(start, end)
    else:
        check_period(start, end)


@given(st.integers(min_value=1900, max_value=9999))
def test_a_year_runs_from_new_years_day_to_new_years_eve(year: int) -> None:
    start, end = year_period(year)
    assert (start, end) == (dt.date(year, 1, 1), dt.date(year, 12, 31))
    if year < 9999:
        assert end + dt.timedelta(days=1) == dt.date(year + 1, 1, 1)
    check_period(start, end)
