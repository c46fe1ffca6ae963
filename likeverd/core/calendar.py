"""Calendar invitations: one meeting as an iCalendar file (RFC 5545) with an iTIP method (RFC 5546).

A meeting keeps one UID for its whole life. The first invitation is METHOD:REQUEST with
SEQUENCE 0; a new time or place is another REQUEST with the same UID and a higher SEQUENCE, which
calendar programs apply to the entry they already hold; a cancellation is METHOD:CANCEL with
STATUS:CANCELLED and, again, a higher SEQUENCE. The caller keeps the sequence with the meeting
and raises it on every change it sends.

Times are written in the office's own time zone (a VTIMEZONE from the tz database is included),
so a calendar in another zone still shows the right moment. The summary is chosen per recipient:
a staff member's calendar may be shared or synchronised elsewhere, so it carries no name or case
detail unless the file goes to the person themself.

Use:

    meeting = Meeting(uid=meeting_uid(booking.public_id, domain="likeverd"), sequence=0, ...)
    ics = build_invitation(meeting)            # METHOD:REQUEST
    ics = build_cancellation(meeting)          # METHOD:CANCEL, STATUS:CANCELLED
    transaction.on_commit(lambda: send_mail_task.enqueue(subject=..., body=..., to=[...], calendar=ics))
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, vCalAddress

from likeverd.core import clock

PRODUCT_ID = "-//Likeverd//Likeverd//EN"

# The time zone of each country an office may be in (ISO 3166 codes, as offices store them).
COUNTRY_TIME_ZONES: dict[str, str] = {"NO": "Europe/Oslo", "SE": "Europe/Stockholm"}


class Method(StrEnum):
    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


class InvalidMeetingError(ValueError):
    pass


def time_zone_for_country(code: str) -> str:
    """The time zone name for an office in the country `code` ("NO" -> "Europe/Oslo")."""
    try:
        return COUNTRY_TIME_ZONES[code]
    except KeyError:
        raise InvalidMeetingError(f"no time zone known for the country {code!r}") from None


def meeting_uid(public_id: uuid.UUID, *, domain: str) -> str:
    """A stable, globally unique UID for the meeting whose row has `public_id`."""
    return f"{public_id}@{domain}"


@dataclass(frozen=True)
class Participant:
    email: str
    name: str = ""


@dataclass(frozen=True)
class Meeting:
    """One meeting as one recipient's calendar sees it.

    `start` and `end` are aware datetimes (any zone: they are written in `time_zone`);
    `sequence` is 0 for the first invitation and rises with every change sent.
    """

    uid: str
    sequence: int
    start: dt.datetime
    end: dt.datetime
    time_zone: str
    summary: str
    location: str
    organizer: Participant
    attendees: tuple[Participant, ...] = field(default_factory=tuple)
    description: str = ""

    def __post_init__(self) -> None:
        if not self.uid.strip():
            raise InvalidMeetingError("a meeting needs a UID")
        if self.sequence < 0:
            raise InvalidMeetingError("the sequence starts at 0")
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise InvalidMeetingError("start and end must be aware datetimes")
        if self.end <= self.start:
            raise InvalidMeetingError("a meeting ends after it starts")
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidMeetingError(f"unknown time zone {self.time_zone!r}") from None
        if not self.organizer.email.strip():
            raise InvalidMeetingError("an invitation needs an organizer's e-mail address")


def _address(participant: Participant, *, role: str) -> vCalAddress:
    return vCalAddress.new(
        participant.email,
        cn=participant.name or None,
        role=role,
        partstat="NEEDS-ACTION" if role != "CHAIR" else "ACCEPTED",
        cutype="INDIVIDUAL",
    )


def _build(meeting: Meeting, *, method: Method, stamp: dt.datetime | None) -> str:
    zone = ZoneInfo(meeting.time_zone)
    event = Event.new(
        uid=meeting.uid,
        sequence=meeting.sequence,
        stamp=(stamp or clock.now()).astimezone(dt.UTC),
        start=meeting.start.astimezone(zone),
        end=meeting.end.astimezone(zone),
        summary=meeting.summary,
        location=meeting.location or None,
        description=meeting.description or None,
        organizer=_address(meeting.organizer, role="CHAIR"),
        attendees=[_address(a, role="REQ-PARTICIPANT") for a in meeting.attendees],
    )
    event.add("STATUS", "CANCELLED" if method is Method.CANCEL else "CONFIRMED")
    calendar = Calendar.new(prodid=PRODUCT_ID, method=method.value, subcomponents=[event])
    calendar.add_missing_timezones()
    return str(calendar.to_ical().decode("utf-8"))


def build_invitation(meeting: Meeting, *, stamp: dt.datetime | None = None) -> str:
    """The meeting as METHOD:REQUEST: a first invitation, or (higher sequence) a new time or place."""
    return _build(meeting, method=Method.REQUEST, stamp=stamp)


def build_cancellation(meeting: Meeting, *, stamp: dt.datetime | None = None) -> str:
    """The meeting as METHOD:CANCEL with STATUS:CANCELLED; give it a sequence above the last sent."""
    return _build(meeting, method=Method.CANCEL, stamp=stamp)


def method_of(ics: str) -> Method:
    """The iTIP method of an iCalendar text (for the e-mail's Content-Type)."""
    calendar = Calendar.from_ical(ics)
    value = str(calendar.get("METHOD", "")).upper()
    try:
        return Method(value)
    except ValueError:
        raise InvalidMeetingError(f"not an invitation or cancellation: METHOD {value or 'missing'}") from None
