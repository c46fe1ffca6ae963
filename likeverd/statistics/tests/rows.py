"""Case rows for the statistics tests, written straight to the table: the tables read only the
columns set here, and the property tests write hundreds of cases per run (services would add a
timeline, audit rows and a search index per case, which no table reads)."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

from likeverd.accounts.models import Office
from likeverd.cases.models import Case, Channel

OSLO = ZoneInfo("Europe/Oslo")
_serials = itertools.count(1)


def add_case(
    office: Office,
    *,
    residence: str = "",
    incident: str = "",
    received: dt.datetime | None = None,
    spam: bool = False,
) -> Case:
    received = received or dt.datetime(2025, 6, 15, 12, tzinfo=OSLO)
    serial = next(_serials)
    return Case.objects.create(
        office=office,
        year=received.year,
        serial=serial,
        number=f"{office.code}-{received.year}-{serial:06d}",
        channel=Channel.PHONE,
        received_at=received,
        narrative="",
        residence_municipality=residence,
        incident_municipality=incident,
        suspected_spam=spam,
    )
