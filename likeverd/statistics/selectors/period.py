"""The period of a report in each office's own time zone: day bounds, month buckets, labels.

A report's dates are inclusive days on the office's calendar. A case received at 23:30 on
31 December in Oslo belongs to that year even though it is 22:30 UTC; one received at 00:10 on
1 January belongs to the next. The bounds are aware datetimes, so the database compares
instants, and months are truncated in the office's zone (daylight saving time included).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from django.db.models import Case as When_
from django.db.models import DateField, Expression, Q, When
from django.db.models.functions import TruncMonth
from django.utils import formats
from django.utils.translation import gettext as _

from likeverd.accounts.models import Office
from likeverd.core.calendar import time_zone_for_country


class PeriodError(ValueError):
    """A period a report cannot cover; the message is translated, for the person who asked."""


def last_day_of_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def is_whole_months(start: dt.date, end: dt.date) -> bool:
    """Whether the period starts on the 1st of a month and ends on the last day of a month."""
    return start.day == 1 and end == last_day_of_month(end)


def check_whole_months(start: dt.date, end: dt.date) -> None:
    """Disclosure-controlled figures cover whole calendar months only (ADR 0016, "Periods"): two
    reports whose periods differ by a few days would otherwise give away, by subtraction, the
    counts of those days that each report hides."""
    if not is_whole_months(start, end):
        raise PeriodError(
            _(
                "Figures with small counts hidden cover whole months only: start on the first day of a "
                "month and end on the last day of a month (for example %(start)s to %(end)s)."
            )
            % {
                "start": start.replace(day=1).isoformat(),
                "end": last_day_of_month(max(start, end)).isoformat(),
            }
        )


def zone_of(office: Office) -> ZoneInfo:
    """The office's time zone, from its country (Norway and Sweden: Europe/Oslo, Europe/Stockholm)."""
    return ZoneInfo(time_zone_for_country(office.jurisdiction))


def day_bounds(start: dt.date, end: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """[first instant of `start`, first instant after `end`) on the calendar of `zone`."""
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
    )


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of every month the period touches, in order (empty if `end` < `start`)."""
    found: list[dt.date] = []
    month = start.replace(day=1)
    while month <= end:
        found.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return found


def month_key(month: dt.date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def month_label(month: dt.date) -> str:
    """ "januar 2019" / "januari 2019" / "January 2019", in the active language."""
    return formats.date_format(month, "YEAR_MONTH_FORMAT")


def _by_zone(offices: Sequence[Office]) -> dict[str, list[Office]]:
    grouped: dict[str, list[Office]] = defaultdict(list)
    for office in offices:
        grouped[zone_of(office).key].append(office)
    return grouped


def within(
    offices: Sequence[Office], start: dt.date, end: dt.date, *, field: str, office: str = "office"
) -> Q:
    """Rows of `offices` whose `field` (a datetime) falls on the period's days in the office's zone.
    One condition per time zone, not per office, so fifty offices make a short query."""
    condition = Q(pk__in=[])
    for key, group in sorted(_by_zone(offices).items()):
        since, until = day_bounds(start, end, ZoneInfo(key))
        condition |= Q(**{f"{office}__in": group, f"{field}__gte": since, f"{field}__lt": until})
    return condition


def month_of(offices: Sequence[Office], *, field: str, office: str = "office") -> Expression:
    """The month (its first day) of `field` on each office's own calendar, for a GROUP BY."""
    zones = sorted(_by_zone(offices).items())
    if len(zones) <= 1:
        zone = ZoneInfo(zones[0][0]) if zones else ZoneInfo("UTC")
        return TruncMonth(field, output_field=DateField(), tzinfo=zone)
    return When_(
        *(
            When(
                Q(**{f"{office}__in": group}),
                then=TruncMonth(field, output_field=DateField(), tzinfo=ZoneInfo(key)),
            )
            for key, group in zones
        ),
        output_field=DateField(),
    )
