"""Which cases a report counts: received within a period, in each office's own time zone.

A period is two inclusive calendar dates. An office in Norway counts from 00:00 Oslo time on the
first day to 24:00 on the last; an office in Sweden the same in Stockholm time. Reports over
several offices OR one such window per office, so each office's cases are judged by its own
clock. Suspected spam (the intake honeypot) is never counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from likeverd.accounts.models import Office
from likeverd.cases.models import Case
from likeverd.core.calendar import COUNTRY_TIME_ZONES


def office_window(office: Office, start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[first moment, moment after the last) of the inclusive dates, in the office's time zone."""
    zone = ZoneInfo(COUNTRY_TIME_ZONES.get(office.jurisdiction, "UTC"))
    first = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return first, after


def received_between(*, offices: Sequence[Office], start: dt.date, end: dt.date) -> QuerySet[Case]:
    """The counted cases of `offices` received from `start` to `end` (inclusive)."""
    if not offices or end < start:
        return Case.objects.none()
    window = Q()
    for office in offices:
        first, after = office_window(office, start, end)
        window |= Q(office=office, received_at__gte=first, received_at__lt=after)
    return Case.objects.filter(window, suspected_spam=False)
