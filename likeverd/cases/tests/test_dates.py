import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import formats, translation
from hypothesis import given
from hypothesis import strategies as st

from likeverd.cases.date_words import MONTHS, SEASONS, WEEKDAYS
from likeverd.cases.dates import parse_incident_date
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


# --- dates as people say them (issue 6) ------------------------------------------------------------

SUNDAY = dt.date(2026, 11, 22)
WEDNESDAY = dt.date(2026, 11, 18)
some_days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("14. november 2026", dt.date(2026, 11, 14), dt.date(2026, 11, 14), DatePrecision.DAY),
        ("14 nov 2026", dt.date(2026, 11, 14), dt.date(2026, 11, 14), DatePrecision.DAY),
        ("14 Nov. 2026", dt.date(2026, 11, 14), dt.date(2026, 11, 14), DatePrecision.DAY),
        ("November 14th, 2026", dt.date(2026, 11, 14), dt.date(2026, 11, 14), DatePrecision.DAY),
        ("14:e november 2026", dt.date(2026, 11, 14), dt.date(2026, 11, 14), DatePrecision.DAY),
        ("fredag 14. november 2026", dt.date(2026, 11, 14), dt.date(2026, 11, 14), DatePrecision.DAY),
        ("14.11.26", dt.date(2026, 11, 14), dt.date(2026, 11, 14), DatePrecision.DAY),
        ("14/11/26", dt.date(2026, 11, 14), dt.date(2026, 11, 14), DatePrecision.DAY),
        ("3.5.98", dt.date(1998, 5, 3), dt.date(1998, 5, 3), DatePrecision.DAY),
        ("14.11", dt.date(2026, 11, 14), dt.date(2026, 11, 14), DatePrecision.DAY),
        ("24. desember", dt.date(2025, 12, 24), dt.date(2025, 12, 24), DatePrecision.DAY),
        ("14.11.2026 kl. 13.05", dt.date(2026, 11, 14), dt.date(2026, 11, 14), DatePrecision.DAY),
        ("i dag", SUNDAY, SUNDAY, DatePrecision.DAY),
        ("i går", dt.date(2026, 11, 21), dt.date(2026, 11, 21), DatePrecision.DAY),
        ("igår", dt.date(2026, 11, 21), dt.date(2026, 11, 21), DatePrecision.DAY),
        ("Yesterday", dt.date(2026, 11, 21), dt.date(2026, 11, 21), DatePrecision.DAY),
        ("i forgårs", dt.date(2026, 11, 20), dt.date(2026, 11, 20), DatePrecision.DAY),
        ("i förrgår", dt.date(2026, 11, 20), dt.date(2026, 11, 20), DatePrecision.DAY),
        ("for tre dager siden", dt.date(2026, 11, 19), dt.date(2026, 11, 19), DatePrecision.DAY),
        ("för 3 dagar sedan", dt.date(2026, 11, 19), dt.date(2026, 11, 19), DatePrecision.DAY),
        ("fredag", dt.date(2026, 11, 20), dt.date(2026, 11, 20), DatePrecision.DAY),
        ("i fredags", dt.date(2026, 11, 20), dt.date(2026, 11, 20), DatePrecision.DAY),
        ("on Sunday", dt.date(2026, 11, 15), dt.date(2026, 11, 15), DatePrecision.DAY),
        ("forrige uke", dt.date(2026, 11, 9), dt.date(2026, 11, 15), DatePrecision.WEEK),
        ("förra veckan", dt.date(2026, 11, 9), dt.date(2026, 11, 15), DatePrecision.WEEK),
        ("last week", dt.date(2026, 11, 9), dt.date(2026, 11, 15), DatePrecision.WEEK),
        ("for to uker siden", dt.date(2026, 11, 2), dt.date(2026, 11, 8), DatePrecision.WEEK),
        ("denne uka", dt.date(2026, 11, 16), SUNDAY, DatePrecision.WEEK),
        ("forrige måned", dt.date(2026, 10, 1), dt.date(2026, 10, 31), DatePrecision.MONTH),
        ("förra månaden", dt.date(2026, 10, 1), dt.date(2026, 10, 31), DatePrecision.MONTH),
        ("last month", dt.date(2026, 10, 1), dt.date(2026, 10, 31), DatePrecision.MONTH),
        ("a month ago", dt.date(2026, 10, 1), dt.date(2026, 10, 31), DatePrecision.MONTH),
        ("i mars", dt.date(2026, 3, 1), dt.date(2026, 3, 31), DatePrecision.MONTH),
        ("desember", dt.date(2025, 12, 1), dt.date(2025, 12, 31), DatePrecision.MONTH),
        ("i fjor", dt.date(2025, 1, 1), dt.date(2025, 12, 31), DatePrecision.YEAR),
        ("i fjol", dt.date(2025, 1, 1), dt.date(2025, 12, 31), DatePrecision.YEAR),
        ("last year", dt.date(2025, 1, 1), dt.date(2025, 12, 31), DatePrecision.YEAR),
        ("i år", dt.date(2026, 1, 1), SUNDAY, DatePrecision.YEAR),
        ("i sommer", dt.date(2026, 6, 1), dt.date(2026, 8, 31), DatePrecision.SEASON),
        ("i somras", dt.date(2026, 6, 1), dt.date(2026, 8, 31), DatePrecision.SEASON),
        ("i fjor høst", dt.date(2025, 9, 1), dt.date(2025, 11, 30), DatePrecision.SEASON),
        ("sommaren i fjol", dt.date(2025, 6, 1), dt.date(2025, 8, 31), DatePrecision.SEASON),
        ("last winter", dt.date(2025, 12, 1), dt.date(2026, 2, 28), DatePrecision.SEASON),
    ],
)
def test_everyday_dates_in_norwegian_swedish_and_english_are_understood(
    text: str, start: dt.date, end: dt.date, precision: DatePrecision
) -> None:
    parsed = parse_incident_date(text, today=SUNDAY)
    assert (parsed.date_from, parsed.date_to, parsed.precision) == (start, end, precision)
    assert parsed.text == text


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("forrige uke", dt.date(2026, 11, 9), dt.date(2026, 11, 15)),
        ("this week", dt.date(2026, 11, 16), WEDNESDAY),
        ("fredag", dt.date(2026, 11, 13), dt.date(2026, 11, 13)),
        ("i onsdags", dt.date(2026, 11, 11), dt.date(2026, 11, 11)),
    ],
)
def test_weeks_run_monday_to_sunday_and_a_weekday_is_the_last_one_before_today(
    text: str, start: dt.date, end: dt.date
) -> None:
    parsed = parse_incident_date(text, today=WEDNESDAY)
    assert (parsed.date_from, parsed.date_to) == (start, end)


LAST_WEEK = ["forrige uke", "förra veckan", "last week", "i forrige uke", "Forrige uke."]


@given(some_days, st.sampled_from(LAST_WEEK))
def test_last_week_is_the_monday_to_sunday_before_this_one(today: dt.date, text: str) -> None:
    parsed = parse_incident_date(text, today=today)
    assert parsed.date_from is not None
    assert parsed.date_to is not None
    assert parsed.date_from.weekday() == 0
    assert parsed.date_to - parsed.date_from == dt.timedelta(days=6)
    assert today - dt.timedelta(days=today.weekday()) - parsed.date_to == dt.timedelta(days=1)


@given(some_days, st.sampled_from(["forrige måned", "förra månaden", "last month"]))
def test_last_month_is_the_whole_month_before_this_one(today: dt.date, text: str) -> None:
    parsed = parse_incident_date(text, today=today)
    assert parsed.date_from is not None
    assert parsed.date_to is not None
    assert parsed.date_from.day == 1
    assert parsed.date_to + dt.timedelta(days=1) == today.replace(day=1)


@given(some_days, st.sampled_from(["i fjor", "i fjol", "last year", "ifjor"]))
def test_last_year_is_the_whole_year_before_this_one(today: dt.date, text: str) -> None:
    parsed = parse_incident_date(text, today=today)
    expected = (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
    assert (parsed.date_from, parsed.date_to) == expected


@given(some_days, st.sampled_from(["i går", "igår", "yesterday", "I går."]))
def test_yesterday_is_the_day_before_today(today: dt.date, text: str) -> None:
    parsed = parse_incident_date(text, today=today)
    assert parsed.date_from == parsed.date_to == today - dt.timedelta(days=1)
    assert parsed.precision == DatePrecision.DAY


@given(st.dates(min_value=dt.date(TODAY.year - 99, 1, 1), max_value=TODAY))
def test_a_two_digit_year_is_the_latest_such_year_that_has_come(day: dt.date) -> None:
    parsed = parse_incident_date(f"{day:%d.%m.%y}", today=TODAY)
    assert parsed.date_from == day


def test_a_two_digit_year_still_to_come_is_last_centurys_but_a_later_day_this_year_is_refused() -> None:
    assert parse_incident_date("1.1.27", today=TODAY).date_from == dt.date(1927, 1, 1)
    with pytest.raises(ValidationError) as refused:
        parse_incident_date("30.11.26", today=TODAY)
    assert refused.value.code == "future_date"


@pytest.mark.parametrize(
    "text", ["i morgen", "tomorrow", "neste uke", "i vinter", "24. desember 2026", "i overmorgen"]
)
def test_days_to_come_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_incident_date(text, today=TODAY)


DISPLAY_FORMATS = ["DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT"]


@given(
    past_days,
    st.sampled_from(["nb", "sv", "en"]),
    st.sampled_from(DISPLAY_FORMATS),
    st.integers(min_value=0, max_value=24 * 60 - 1),
)
def test_an_exact_date_reads_back_as_the_pages_show_it(
    day: dt.date, language: str, display: str, minute: int
) -> None:
    moment = dt.datetime.combine(day, dt.time(minute // 60, minute % 60))
    with translation.override(language):
        shown = formats.date_format(moment, display)
        parsed = parse_incident_date(shown, today=TODAY)
    assert (parsed.date_from, parsed.date_to, parsed.precision) == (day, day, DatePrecision.DAY)


# Words and signs the grammar knows, so that generated texts reach deep into it.
VOCABULARY = sorted(
    {*MONTHS, *SEASONS, *WEEKDAYS, "i", "for", "siden", "sedan", "ago", "last", "forrige", "förra", "fjor"}
    | {"går", "uke", "veckan", "week", "måned", "month", "år", "year", "kl", "den", "the", "13:05", "T"}
    | {"0", "00", "1", "12", "29", "31", "99", "999", "2024", "0000", "9999", ".", "/", "-", ",", ":e", "'"}
)


@given(
    st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=4), max_size=6).map(" ".join)
    | st.lists(st.sampled_from(VOCABULARY), max_size=6).map("".join),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
def test_any_text_on_any_day_is_read_as_an_ordered_past_range_or_refused(text: str, today: dt.date) -> None:
    try:
        parsed = parse_incident_date(text, today=today)
    except ValidationError as error:
        code = error.code
    else:
        code = None
    if code is not None:
        assert code in {"invalid_date", "future_date"}
        return
    if parsed.precision == DatePrecision.UNKNOWN:
        assert not text.strip()
        return
    assert parsed.date_from is not None
    assert parsed.date_to is not None
    assert parsed.date_from <= parsed.date_to <= today
