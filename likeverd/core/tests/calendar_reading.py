"""Reads an invitation back as a calendar program would, into plain typed values, for tests of
the apps that send invitations (booking, mediation meetings)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from icalendar import Calendar


@dataclass(frozen=True)
class ReadEvent:
    method: str
    uid: str
    sequence: int
    status: str
    start: dt.datetime
    end: dt.datetime
    start_tzid: str
    summary: str
    location: str
    organizer: str
    organizer_name: str
    attendees: list[str]
    stamp: dt.datetime
    time_zones: list[str]


def read_invitation(ics: str | bytes) -> ReadEvent:
    """The one event of an iCalendar text; fails the test if there is not exactly one."""
    calendar: Any = Calendar.from_ical(ics)
    [event] = calendar.events
    event_any: Any = event
    start, end = event_any.start, event_any.end
    assert isinstance(start, dt.datetime)
    assert isinstance(end, dt.datetime)
    organizer = event_any.get("ORGANIZER")
    return ReadEvent(
        method=str(calendar.get("METHOD", "")),
        uid=str(event_any["UID"]),
        sequence=int(event_any.get("SEQUENCE", 0)),
        status=str(event_any.get("STATUS", "")),
        start=start,
        end=end,
        start_tzid=str(event_any["DTSTART"].params.get("TZID", "")),
        summary=str(event_any.get("SUMMARY", "")),
        location=str(event_any.get("LOCATION", "")),
        organizer=str(organizer or ""),
        organizer_name=str(organizer.params.get("CN", "")) if organizer is not None else "",
        attendees=[str(a) for a in event_any.attendees],
        stamp=event_any["DTSTAMP"].dt,
        time_zones=[str(tz.tz_name) for tz in calendar.timezones],
    )
