"""Deadline arithmetic against the cited rules, and its properties (hypothesis)."""

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from likeverd.cases.dates import IncidentDate, parse_incident_date
from likeverd.cases.models import DatePrecision
from likeverd.triage.deadlines import Deadline, add_period, birthday, compute_deadline, deadlines_for
from likeverd.triage.rules import DeadlineRule, Length, load_rules

TODAY = dt.date(2026, 11, 29)
RULES = {r.id: r for rule_set in load_rules().values() for r in rule_set.rules}

lengths = st.one_of(
    st.builds(Length, years=st.integers(1, 30)),
    st.builds(Length, months=st.integers(1, 360)),
    st.builds(Length, weeks=st.integers(1, 520)),
    st.builds(Length, days=st.integers(1, 3650)),
)
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31))
any_days = st.dates()
rules = st.sampled_from(sorted(RULES.values(), key=lambda r: r.id))
jurisdictions = st.sampled_from(["NO", "SE"])


def exact(day: dt.date) -> IncidentDate:
    return IncidentDate(day, day, DatePrecision.DAY, day.isoformat())


def on(text: str, *, today: dt.date = TODAY) -> IncidentDate:
    return parse_incident_date(text, today=today)


def by_id(found: list[Deadline]) -> dict[str, Deadline]:
    return {deadline.rule.id: deadline for deadline in found}


# --- the counting rule: same day number, else the month's last day ------------------------------


@given(days, st.integers(1, 360))
def test_a_period_in_months_ends_on_the_same_day_number_or_the_last_day_of_a_shorter_month(
    start: dt.date, months: int
) -> None:
    end = add_period(start, Length(months=months))
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day == min(start.day, calendar.monthrange(end.year, end.month)[1])


@given(st.integers(1900, 2990), st.integers(1, 12), st.integers(1, 30))
def test_a_period_from_a_month_end_ends_on_the_last_day_of_a_shorter_target_month(
    year: int, month: int, months: int
) -> None:
    start = dt.date(year, month, calendar.monthrange(year, month)[1])
    end = add_period(start, Length(months=months))
    last = calendar.monthrange(end.year, end.month)[1]
    assert end.day == min(start.day, last)
    if last <= start.day:
        assert end.day == last


@given(st.integers(1904, 2996).filter(calendar.isleap), st.integers(1, 3))
def test_29_february_plus_whole_years_is_28_february_in_a_common_year_and_29_in_a_leap_year(
    leap_year: int, years: int
) -> None:
    end = add_period(dt.date(leap_year, 2, 29), Length(years=years))
    assert end == dt.date(leap_year + years, 2, 29 if calendar.isleap(leap_year + years) else 28)


def test_worked_examples_of_the_counting_rule() -> None:
    assert add_period(dt.date(2025, 1, 31), Length(months=1)) == dt.date(2025, 2, 28)
    assert add_period(dt.date(2024, 1, 31), Length(months=1)) == dt.date(2024, 2, 29)
    assert add_period(dt.date(2025, 10, 31), Length(months=4)) == dt.date(2026, 2, 28)
    assert add_period(dt.date(2024, 2, 29), Length(years=3)) == dt.date(2027, 2, 28)
    assert add_period(dt.date(2024, 2, 29), Length(years=4)) == dt.date(2028, 2, 29)
    assert add_period(dt.date(2025, 1, 31), Length(weeks=2)) == dt.date(2025, 2, 14)
    assert birthday(dt.date(2008, 2, 29), 18) == dt.date(2026, 2, 28)


@given(days, days, lengths)
def test_a_later_start_never_gives_an_earlier_end(first: dt.date, second: dt.date, length: Length) -> None:
    early, late = sorted((first, second))
    assert add_period(early, length) <= add_period(late, length)


@given(any_days, lengths)
def test_adding_a_period_never_raises_and_never_goes_backwards(start: dt.date, length: Length) -> None:
    end = add_period(start, length)
    assert end > start or end == dt.date.max


# --- deadlines for an incident, by the cited rules --------------------------------------------


def test_norway_tribunal_and_police_deadlines_for_an_exact_date_on_29_february() -> None:
    found = by_id(deadlines_for(jurisdiction="NO", incident=on("29.02.2024"), today=TODAY))
    assert found["NO-NEMNDA-3Y"].ends_on == dt.date(2027, 2, 28)
    assert found["NO-STRL-185-PUBLIC-5Y"].ends_on == dt.date(2029, 2, 28)
    assert found["NO-STRL-186-2Y"].ends_on == dt.date(2026, 2, 28)
    assert found["NO-STRL-186-2Y"].has_expired
    assert found["NO-NEMNDA-3Y"].days_left == (dt.date(2027, 2, 28) - TODAY).days
    assert found["NO-NEMNDA-3Y"].is_certain
    assert not found["NO-NEMNDA-3Y"].approximate


def test_a_month_gives_the_earliest_expiry_from_its_first_day_and_says_it_is_approximate() -> None:
    found = by_id(deadlines_for(jurisdiction="NO", incident=on("mars 2025"), today=TODAY, tracks=["CIVIL"]))
    tribunal = found["NO-NEMNDA-3Y"]
    assert (tribunal.ends_on, tribunal.latest_ends_on) == (dt.date(2028, 3, 1), dt.date(2028, 3, 31))
    assert tribunal.approximate
    assert not tribunal.is_certain
    assert all(d.rule.track == "CIVIL" for d in found.values())


def test_sweden_minor_period_runs_from_the_18th_birthday_and_asks_for_the_birth_date_without_it() -> None:
    incident = on("01.03.2024")
    with_birth = by_id(
        deadlines_for(jurisdiction="SE", incident=incident, today=TODAY, birth_date=dt.date(2010, 6, 15))
    )
    assert with_birth["SE-DL-2Y"].ends_on == dt.date(2030, 6, 15)
    assert not with_birth["SE-DL-2Y"].birth_date_needed
    without = by_id(deadlines_for(jurisdiction="SE", incident=incident, today=TODAY))["SE-DL-2Y"]
    assert without.birth_date_needed
    assert without.ends_on == dt.date(2026, 3, 1)  # counted from the incident: the earliest possible
    assert without.latest_ends_on is None
    adult = by_id(
        deadlines_for(jurisdiction="SE", incident=incident, today=TODAY, birth_date=dt.date(1990, 1, 1))
    )
    assert adult["SE-DL-2Y"].ends_on == dt.date(2026, 3, 1)
    # Only the rule that protects minors asks for a birth date.
    asking = deadlines_for(jurisdiction="SE", incident=incident, today=TODAY)
    assert {d.rule.id for d in asking if d.birth_date_needed} == {"SE-DL-2Y"}


def test_sweden_working_life_has_the_dismissal_and_negotiation_deadlines_not_the_general_one() -> None:
    found = by_id(
        deadlines_for(jurisdiction="SE", incident=on("31.01.2026"), today=TODAY, areas=["EMPLOYMENT"])
    )
    assert "SE-DL-2Y" not in found
    dismissal = found["SE-LAS-DISMISSAL-2W"]
    assert dismissal.ends_on == dt.date(2026, 2, 14)
    assert dismissal.start_may_be_later
    assert dismissal.latest_ends_on is None
    assert found["SE-MBL-NEGOTIATION-2Y"].ends_on == dt.date(2028, 1, 31)
    housing = by_id(
        deadlines_for(
            jurisdiction="SE", incident=on("31.01.2026"), today=TODAY, areas=["GOODS_SERVICES_HOUSING"]
        )
    )
    assert "SE-DL-2Y" in housing
    assert "SE-LAS-DISMISSAL-2W" not in housing


def test_norway_sexual_harassment_before_2020_has_no_tribunal_deadline_and_after_2020_its_own() -> None:
    before = by_id(deadlines_for(jurisdiction="NO", incident=on("2019-06-01", today=dt.date(2020, 6, 1)),
                                 today=dt.date(2020, 6, 1), forms=["SEXUAL_HARASSMENT"]))  # fmt: skip
    assert "NO-NEMNDA-3Y" not in before
    assert "NO-NEMNDA-3Y-SEXUAL-HARASSMENT" not in before
    after = by_id(
        deadlines_for(jurisdiction="NO", incident=on("2021-06-01"), today=TODAY, forms=["SEXUAL_HARASSMENT"])
    )
    assert "NO-NEMNDA-3Y" not in after
    assert after["NO-NEMNDA-3Y-SEXUAL-HARASSMENT"].ends_on == dt.date(2024, 6, 1)
    direct = by_id(deadlines_for(jurisdiction="NO", incident=on("2021-06-01"), today=TODAY, forms=["DIRECT"]))
    assert "NO-NEMNDA-3Y" in direct
    assert "NO-NEMNDA-3Y-SEXUAL-HARASSMENT" not in direct


def test_private_life_in_norway_has_no_tribunal_deadline_but_keeps_the_police_ones() -> None:
    found = by_id(
        deadlines_for(jurisdiction="NO", incident=on("2026-01-10"), today=TODAY, areas=["PRIVATE_LIFE"])
    )
    assert "NO-NEMNDA-3Y" not in found
    assert "NO-STRL-185-PUBLIC-5Y" in found


def test_an_unknown_incident_date_lists_the_deadlines_and_says_the_date_is_needed() -> None:
    found = deadlines_for(jurisdiction="NO", incident=IncidentDate.unknown(), today=TODAY)
    assert found
    assert all(d.incident_date_needed and d.ends_on is None and d.days_left is None for d in found)


def test_deadlines_come_soonest_first() -> None:
    found = deadlines_for(jurisdiction="SE", incident=on("2026-03-01"), today=TODAY)
    ends = [d.ends_on for d in found]
    assert ends == sorted(e for e in ends if e is not None)


# --- properties over every shipped rule ---------------------------------------------------------


@st.composite
def ranges(draw: st.DrawFn) -> IncidentDate:
    first = draw(days)
    last = draw(
        st.dates(min_value=first, max_value=min(first + dt.timedelta(days=400), dt.date(2999, 12, 31)))
    )
    return IncidentDate(first, last, DatePrecision.YEAR, "")


@given(rules, ranges(), st.one_of(st.none(), days))
def test_an_approximate_date_gives_earliest_from_the_range_start_and_never_latest_before_earliest(
    rule: DeadlineRule, incident: IncidentDate, birth: dt.date | None
) -> None:
    assert incident.date_from is not None
    assert incident.date_to is not None
    ranged = compute_deadline(rule, incident=incident, today=TODAY, birth_date=birth)
    from_start = compute_deadline(rule, incident=exact(incident.date_from), today=TODAY, birth_date=birth)
    from_end = compute_deadline(rule, incident=exact(incident.date_to), today=TODAY, birth_date=birth)
    assert ranged.ends_on == from_start.ends_on
    assert ranged.approximate == (incident.date_from != incident.date_to)
    if ranged.latest_ends_on is not None:
        assert ranged.ends_on is not None
        assert ranged.ends_on <= ranged.latest_ends_on == from_end.ends_on


@given(rules, ranges(), st.data())
def test_every_day_in_an_approximate_range_expires_between_earliest_and_latest(
    rule: DeadlineRule, incident: IncidentDate, data: st.DataObject
) -> None:
    assert incident.date_from is not None
    assert incident.date_to is not None
    day = data.draw(st.dates(min_value=incident.date_from, max_value=incident.date_to))
    ranged = compute_deadline(rule, incident=incident, today=TODAY, birth_date=dt.date(1980, 1, 1))
    single = compute_deadline(rule, incident=exact(day), today=TODAY, birth_date=dt.date(1980, 1, 1))
    assert ranged.ends_on is not None
    assert single.ends_on is not None
    assert ranged.ends_on <= single.ends_on
    if ranged.latest_ends_on is not None:
        assert single.ends_on <= ranged.latest_ends_on


@given(rules, days, days, st.one_of(st.none(), days))
def test_a_later_incident_date_never_makes_a_deadline_earlier(
    rule: DeadlineRule, first: dt.date, second: dt.date, birth: dt.date | None
) -> None:
    early, late = sorted((first, second))
    before = compute_deadline(rule, incident=exact(early), today=TODAY, birth_date=birth)
    after = compute_deadline(rule, incident=exact(late), today=TODAY, birth_date=birth)
    assert before.ends_on is not None
    assert after.ends_on is not None
    assert before.ends_on <= after.ends_on


@given(days, days)
def test_a_minor_period_never_ends_before_two_years_after_the_18th_birthday(
    incident: dt.date, birth: dt.date
) -> None:
    rule = RULES["SE-DL-2Y"]
    deadline = compute_deadline(rule, incident=exact(incident), today=TODAY, birth_date=birth)
    assert deadline.ends_on is not None
    assert deadline.ends_on >= add_period(birthday(birth, 18), rule.length)
    assert deadline.ends_on >= add_period(incident, rule.length)
    if birthday(birth, 18) <= incident:  # an adult at the time: counted from the incident
        assert deadline.ends_on == add_period(incident, rule.length)
    without = compute_deadline(rule, incident=exact(incident), today=TODAY)
    assert without.birth_date_needed
    assert without.ends_on is not None
    assert without.ends_on <= deadline.ends_on  # not knowing the birth date only moves it earlier


@given(
    jurisdictions,
    st.one_of(st.just(IncidentDate.unknown()), ranges(), any_days.map(exact)),
    any_days,
    st.one_of(st.none(), any_days),
    st.lists(st.text(max_size=20), max_size=3),
    st.lists(st.text(max_size=20), max_size=3),
    st.lists(st.sampled_from(["CIVIL", "CRIMINAL", "civil", ""]), max_size=2),
)
def test_computing_deadlines_never_raises(
    jurisdiction: str,
    incident: IncidentDate,
    today: dt.date,
    birth: dt.date | None,
    areas: list[str],
    forms: list[str],
    tracks: list[str],
) -> None:
    found = deadlines_for(
        jurisdiction=jurisdiction, incident=incident, today=today, birth_date=birth, areas=areas, forms=forms,
        tracks=tracks,
    )  # fmt: skip
    for deadline in found:
        assert (deadline.ends_on is None) == deadline.incident_date_needed


@pytest.mark.parametrize("jurisdiction", ["NO", "SE"])
def test_a_changed_rule_file_changes_the_deadline_so_no_period_is_written_in_code(jurisdiction: str) -> None:
    from dataclasses import replace

    rule_set = load_rules()[jurisdiction]
    longer = replace(rule_set, rules=tuple(replace(r, length=Length(years=7)) for r in rule_set.rules))
    found = deadlines_for(jurisdiction=jurisdiction, incident=on("2026-01-15"), today=TODAY, rule_set=longer)
    assert {d.ends_on for d in found} == {dt.date(2033, 1, 15)}
