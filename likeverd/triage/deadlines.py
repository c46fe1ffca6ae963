"""Deadline arithmetic: which deadlines run for an incident, when each ends, how many days are left.

Pure functions over the rules in `data/deadlines_<jurisdiction>.toml` (see rules.py) and an
incident date as `likeverd.cases.dates.parse_incident_date` reads it (an exact day or a range).

How a period is counted (method SAME_DAY_OR_MONTH_END, cited in each data file's [counting]
table): a period of years or months ends on the day of the last month with the same number as
the day it started; if that month is shorter, on its last day (31 January + 1 month = 28 or 29
February; 29 February 2024 + 1 year = 28 February 2025). Weeks and days are added as days. This
is the Norwegian (domstolloven § 148) and Swedish (lag 1930:173, 1 §) rule as the authors know
it; the legal reference says nothing about it, so the files mark it UNVERIFIED. A deadline
that falls on a weekend or public holiday is never moved to the next working day here, so the
date shown is never later than the law's.

Uncertainty always moves a deadline earlier, never later:
- an approximate incident date (a month, season or year) counts from the first possible day for
  `ends_on` (the earliest possible expiry) and from the last for `latest_ends_on`;
- a period that runs from a later event (knowledge, a notice, a final decision) counts from the
  incident as its earliest possible start, and its latest expiry is unknown;
- a minors' rule without a birth date counts from the incident (an 18th birthday can only start
  the period later) and says that the birth date is needed; a birthday on 29 February falls on
  28 February in a common year, the earlier of the two possible readings.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from likeverd.cases.dates import IncidentDate
from likeverd.triage.rules import DeadlineRule, Length, RuleSet, rules_for


# Remembered: the deadline box and page count a handful of lengths from the same few hundred
# incident days, twice per rule (earliest and latest expiry).
@functools.lru_cache(maxsize=8192)
def add_period(start: dt.date, length: Length) -> dt.date:
    """`start` plus `length`, counted as the data files' [counting] method says; never raises
    (a date past the end of the calendar is the calendar's last day)."""
    months = length.years * 12 + length.months
    try:
        if months:
            year, month_index = divmod(start.year * 12 + start.month - 1 + months, 12)
            if year > dt.MAXYEAR:
                return dt.date.max
            start = dt.date(
                year, month_index + 1, min(start.day, calendar.monthrange(year, month_index + 1)[1])
            )
        return start + dt.timedelta(days=length.weeks * 7 + length.days)
    except OverflowError:
        return dt.date.max


def birthday(birth_date: dt.date, age: int) -> dt.date:
    """The day someone born on `birth_date` turns `age` (29 February -> 28 February in a common year)."""
    return add_period(birth_date, Length(years=age))


@dataclass(frozen=True)
class Deadline:
    rule: DeadlineRule
    # The earliest possible expiry: the date to act by. None when the incident date is unknown.
    ends_on: dt.date | None
    # The latest possible expiry; None when it cannot be known (unknown incident date, a period
    # from a later event, a minors' rule without a birth date). Equal to ends_on when certain.
    latest_ends_on: dt.date | None
    # The incident date is a range (a month, a season, a year), not one day.
    approximate: bool
    incident_date_needed: bool
    birth_date_needed: bool
    # The period runs from an event after the incident (knowledge, notice, decision).
    start_may_be_later: bool
    # Days from today to ends_on: 0 on the last day, negative once it has passed.
    days_left: int | None

    @property
    def is_certain(self) -> bool:
        return self.ends_on is not None and self.ends_on == self.latest_ends_on

    @property
    def has_expired(self) -> bool:
        """Certainly over: even the latest possible expiry has passed."""
        return self.days_left is not None and self.days_left < 0 and self.is_certain

    @property
    def may_have_expired(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def status(self) -> str:
        return self.rule.status

    @property
    def verification(self) -> str:
        return self.rule.verification


def _overlaps(rule: DeadlineRule, first: dt.date, last: dt.date) -> bool:
    return rule.valid_from <= last and (rule.valid_to is None or first <= rule.valid_to)


def _matches(wanted: Collection[str], only: frozenset[str], excepted: frozenset[str]) -> bool:
    """Unknown (empty) classification matches every rule: a deadline is never hidden for want
    of a classification. Otherwise one of the case's codes must be covered by the rule."""
    if not wanted:
        return True
    return any((not only or code in only) and code not in excepted for code in wanted)


def applicable_rules(
    rule_set: RuleSet,
    *,
    incident: IncidentDate,
    today: dt.date,
    areas: Collection[str] = (),
    forms: Collection[str] = (),
    tracks: Collection[str] = (),
) -> list[DeadlineRule]:
    """The rule versions that may apply: in force for some day the incident may have happened on
    (for an unknown date: today), on a wanted track, covering one of the areas and forms."""
    first = incident.date_from or today
    last = incident.date_to or first
    return [
        rule
        for rule in rule_set.rules
        if _overlaps(rule, first, last)
        and (not tracks or rule.track in tracks)
        and _matches(areas, rule.areas, rule.except_areas)
        and _matches(forms, rule.forms, rule.except_forms)
    ]


def _start(day: dt.date, rule: DeadlineRule, birth_date: dt.date | None) -> dt.date:
    if rule.minor_until_age is not None and birth_date is not None:
        return max(day, birthday(birth_date, rule.minor_until_age))
    return day


def compute_deadline(
    rule: DeadlineRule, *, incident: IncidentDate, today: dt.date, birth_date: dt.date | None = None
) -> Deadline:
    """When one rule's period ends for this incident; never raises."""
    birth_date_needed = rule.minor_until_age is not None and birth_date is None
    start_may_be_later = not rule.runs_from.from_incident
    first = incident.date_from
    if first is None:
        return Deadline(rule, None, None, False, True, birth_date_needed, start_may_be_later, None)
    last = max(incident.date_to or first, first)
    ends_on = add_period(_start(first, rule, birth_date), rule.length)
    latest: dt.date | None = add_period(_start(last, rule, birth_date), rule.length)
    if birth_date_needed or start_may_be_later:
        latest = None
    return Deadline(
        rule=rule,
        ends_on=ends_on,
        latest_ends_on=latest,
        approximate=last != first,
        incident_date_needed=False,
        birth_date_needed=birth_date_needed,
        start_may_be_later=start_may_be_later,
        days_left=(ends_on - today).days,
    )


def _order(deadline: Deadline) -> tuple[bool, dt.date, str]:
    return (deadline.ends_on is None, deadline.ends_on or dt.date.max, deadline.rule.id)


def deadlines_for(
    *,
    jurisdiction: str,
    incident: IncidentDate,
    today: dt.date,
    birth_date: dt.date | None = None,
    areas: Collection[str] = (),
    forms: Collection[str] = (),
    tracks: Collection[str] = (),
    rule_set: RuleSet | None = None,
) -> list[Deadline]:
    """Every deadline that may run for the incident, soonest first (expired ones included, with
    negative days_left). Area, form and track codes are the taxonomy's (e.g. GOODS_SERVICES,
    HARASSMENT, CIVIL); leaving one out keeps every rule whatever its value."""
    rules = rule_set or rules_for(jurisdiction)
    found = [
        compute_deadline(rule, incident=incident, today=today, birth_date=birth_date)
        for rule in applicable_rules(
            rules, incident=incident, today=today, areas=areas, forms=forms, tracks=tracks
        )
    ]
    return sorted(found, key=_order)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def deadline_as_dict(deadline: Deadline, *, language: str | None = None) -> dict[str, Any]:
    """A JSON-ready description of one deadline, texts in `language` (default: the active one)."""
    rule = deadline.rule
    return {
        "rule_id": rule.id,
        "label": rule.label.in_language(language),
        "body": rule.body.code,
        "body_name": rule.body.name.in_language(language),
        "track": rule.track,
        "runs_from": rule.runs_from.code,
        "runs_from_label": rule.runs_from.label.in_language(language),
        "length": str(rule.length),
        "ends_on": _iso(deadline.ends_on),
        "earliest_ends_on": _iso(deadline.ends_on),
        "latest_ends_on": _iso(deadline.latest_ends_on),
        "approximate": deadline.approximate,
        "days_left": deadline.days_left,
        "may_have_expired": deadline.may_have_expired,
        "has_expired": deadline.has_expired,
        "incident_date_needed": deadline.incident_date_needed,
        "birth_date_needed": deadline.birth_date_needed,
        "start_may_be_later": deadline.start_may_be_later,
        "condition": rule.condition.in_language(language) if rule.condition else None,
        "consequence": rule.consequence.in_language(language),
        "areas": sorted(rule.areas),
        "except_areas": sorted(rule.except_areas),
        "forms": sorted(rule.forms),
        "except_forms": sorted(rule.except_forms),
        "valid_from": rule.valid_from.isoformat(),
        "status": rule.status,
        "verification": rule.verification,
        "citations": [
            {
                "law": c.law,
                "section": c.section,
                "url": c.url,
                "status": c.status,
                "verification": c.verification,
            }
            for c in rule.citations
        ],
    }
