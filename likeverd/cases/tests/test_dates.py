import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from likeverd.cases.dates import MONTHS, SEASONS, parse_incident_date
from likeverd.cases.models import DatePrecision

TODAY = dt.date(2026, 11, 22)
past_days = st.dates(min_value=dt.date(1950, 1, 1), max_value=TODAY)


@given(past_days)
def test_an_exact_date_in_iso_or_norwegian_form_is_that_day(day: dt.date) -> None:
    for text in (
        day.isoformat(),
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
    ):
        parsed = parse_incident_date(text, today=TODAY)
        assert (parsed.date_from, parsed.date_to, parsed.precision) == (day, day, DatePrecision.DAY)
        assert parsed.text == text


@given(st.sampled_from(sorted(MONTHS)), st.integers(min_value=1950, max_value=2025))
def test_a_month_name_covers_the_whole_month(name: str, year: int) -> None:
    parsed = parse_incident_date(f"{name.capitalize()} {year}", today=TODAY)
    assert parsed.precision == DatePrecision.MONTH
    assert parsed.date_from is not None
    assert parsed.date_to is not None
    assert parsed.date_from.day == 1
    assert parsed.date_from.month == MONTHS[name]
    assert (parsed.date_to + dt.timedelta(days=1)).day == 1


@given(st.sampled_from(sorted(SEASONS)), st.integers(min_value=1950, max_value=2025))
def test_a_season_is_a_range_of_three_months_ending_in_that_year(name: str, year: int) -> None:
    parsed = parse_incident_date(f"{name} {year}", today=TODAY)
    assert parsed.precision == DatePrecision.SEASON
    assert parsed.date_from is not None
    assert parsed.date_to is not None
    assert parsed.date_to.year == year
    assert 89 <= (parsed.date_to - parsed.date_from).days <= 92


@given(st.text(max_size=30))
def test_any_text_is_either_read_as_an_ordered_past_range_or_refused_with_a_message(text: str) -> None:
    try:
        parsed = parse_incident_date(text, today=TODAY)
    except ValidationError as error:
        messages = error.messages
    else:
        messages = []
    if messages:
        assert all(message for message in messages)
        return
    if parsed.date_from is not None:
        assert parsed.date_to is not None
        assert parsed.date_from <= parsed.date_to <= TODAY


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("våren 2025", dt.date(2025, 3, 1), dt.date(2025, 5, 31)),
        ("Hösten 2024", dt.date(2024, 9, 1), dt.date(2024, 11, 30)),
        ("høsten 2024", dt.date(2024, 9, 1), dt.date(2024, 11, 30)),
        ("sommeren 2023", dt.date(2023, 6, 1), dt.date(2023, 8, 31)),
        ("vinteren 2025", dt.date(2024, 12, 1), dt.date(2025, 2, 28)),
        ("i mars 2025", dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2025-06", dt.date(2025, 6, 1), dt.date(2025, 6, 30)),
    ],
)
def test_approximate_dates_people_say_are_understood(text: str, start: dt.date, end: dt.date) -> None:
    parsed = parse_incident_date(text, today=TODAY)
    assert (parsed.date_from, parsed.date_to) == (start, end)


def test_this_year_is_cut_at_today() -> None:
    parsed = parse_incident_date("2026", today=TODAY)
    assert parsed.date_to == TODAY


@pytest.mark.parametrize("text", ["31.02.2025", "yesterday-ish", "spring", "13/13/2025", "2027-01-01"])
def test_unreadable_or_future_dates_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_incident_date(text, today=TODAY)


def test_empty_means_unknown() -> None:
    assert parse_incident_date("  ", today=TODAY).precision == DatePrecision.UNKNOWN
