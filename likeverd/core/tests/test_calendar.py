"""Invitations, new times and cancellations, read back as a calendar program reads them, and
received as e-mail attachments through the real worker and a real SMTP server."""

import datetime as dt
import subprocess
import uuid
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django_tasks_db.models import DBTaskResult
from hypothesis import given
from hypothesis import strategies as st

from conftest import SMTPServer, free_port
from likeverd.core.calendar import (
    InvalidMeetingError,
    Meeting,
    Method,
    Participant,
    build_cancellation,
    build_invitation,
    meeting_uid,
    method_of,
    time_zone_for_country,
)
from likeverd.core.mail import CALENDAR_FILENAME, send_mail_task
from likeverd.core.tests.calendar_reading import read_invitation

RunWorker = Callable[..., subprocess.CompletedProcess[str]]
OSLO = ZoneInfo("Europe/Oslo")
OFFICE = Participant(email="post@dime-oslo.example.org", name="DiMe Oslo")
PERSON = Participant(email="amira@example.org", name="Amira")


def a_meeting(**changes: object) -> Meeting:
    values: dict[str, object] = {
        "uid": meeting_uid(uuid.UUID("12345678-1234-5678-1234-567812345678"), domain="likeverd"),
        "sequence": 0,
        "start": dt.datetime(2026, 12, 3, 14, 0, tzinfo=OSLO),
        "end": dt.datetime(2026, 12, 3, 14, 30, tzinfo=OSLO),
        "time_zone": "Europe/Oslo",
        "summary": "Samtale med DiMe Oslo",
        "location": "Storgata 1, Oslo",
        "organizer": OFFICE,
        "attendees": (PERSON,),
    }
    values.update(changes)
    return Meeting(**values)  # type: ignore[arg-type]


def test_an_invitation_is_a_request_a_calendar_program_can_read() -> None:
    event = read_invitation(build_invitation(a_meeting()))

    assert event.method == "REQUEST"
    assert event.uid == "12345678-1234-5678-1234-567812345678@likeverd"
    assert event.sequence == 0
    assert event.status == "CONFIRMED"
    assert event.start == dt.datetime(2026, 12, 3, 14, 0, tzinfo=OSLO)
    assert event.end == dt.datetime(2026, 12, 3, 14, 30, tzinfo=OSLO)
    assert event.start_tzid == "Europe/Oslo"
    assert event.time_zones == ["Europe/Oslo"]
    assert event.summary == "Samtale med DiMe Oslo"
    assert event.location == "Storgata 1, Oslo"
    assert event.organizer == "mailto:post@dime-oslo.example.org"
    assert event.organizer_name == "DiMe Oslo"
    assert event.attendees == ["mailto:amira@example.org"]
    assert event.stamp.tzinfo is not None


def test_a_new_time_keeps_the_uid_with_a_higher_sequence() -> None:
    first = read_invitation(build_invitation(a_meeting()))
    later = dt.datetime(2026, 12, 4, 10, 0, tzinfo=OSLO)
    rescheduled = a_meeting(sequence=1, start=later, end=later + dt.timedelta(hours=1))
    moved = read_invitation(build_invitation(rescheduled))

    assert moved.uid == first.uid
    assert moved.sequence > first.sequence
    assert moved.start == later


def test_a_cancellation_is_a_cancel_with_the_same_uid() -> None:
    event = read_invitation(build_cancellation(a_meeting(sequence=2)))

    assert event.method == "CANCEL"
    assert event.status == "CANCELLED"
    assert event.sequence == 2
    assert event.uid.startswith("12345678-")
    assert method_of(build_cancellation(a_meeting())) is Method.CANCEL


def test_a_swedish_office_writes_stockholm_time() -> None:
    zone = time_zone_for_country("SE")
    start = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)  # 11:00 in Stockholm (summer time)
    event = read_invitation(
        build_invitation(a_meeting(time_zone=zone, start=start, end=start + dt.timedelta(minutes=45)))
    )

    assert zone == "Europe/Stockholm"
    assert event.start_tzid == "Europe/Stockholm"
    assert (event.start.hour, event.start.minute) == (11, 0)
    assert event.start == start
    assert event.time_zones == ["Europe/Stockholm"]


def test_an_office_in_an_unknown_country_gets_no_guessed_time_zone() -> None:
    with pytest.raises(InvalidMeetingError):
        time_zone_for_country("DK")


@pytest.mark.parametrize(
    "changes",
    [
        {"start": dt.datetime(2026, 12, 3, 14, 0, tzinfo=OSLO).replace(tzinfo=None)},  # naive: which 14:00?
        {"end": dt.datetime(2026, 12, 3, 13, 0, tzinfo=OSLO)},  # ends before it starts
        {"sequence": -1},
        {"uid": " "},
        {"time_zone": "Europe/Atlantis"},
        {"organizer": Participant(email="")},
    ],
)
def test_a_meeting_that_cannot_be_sent_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidMeetingError):
        a_meeting(**changes)


@given(
    start=st.datetimes(
        min_value=dt.datetime(2000, 1, 1, tzinfo=dt.UTC).replace(tzinfo=None),
        max_value=dt.datetime(2090, 12, 31, tzinfo=dt.UTC).replace(tzinfo=None),
        timezones=st.just(dt.UTC),
    ),
    minutes=st.integers(min_value=1, max_value=24 * 60),
    zone=st.sampled_from(["Europe/Oslo", "Europe/Stockholm"]),
)
def test_every_moment_reads_back_as_the_same_moment(start: dt.datetime, minutes: int, zone: str) -> None:
    # Across summer-time changes too: the VTIMEZONE in the file must agree with the tz database.
    start = start.replace(microsecond=0)
    end = start + dt.timedelta(minutes=minutes)
    event = read_invitation(build_invitation(a_meeting(start=start, end=end, time_zone=zone)))

    assert event.start == start
    assert event.end == end


def test_a_calendar_without_a_method_is_not_an_invitation() -> None:
    with pytest.raises(InvalidMeetingError):
        method_of("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nEND:VCALENDAR\r\n")


def test_an_invitation_arrives_as_a_text_calendar_attachment(
    smtp_server: SMTPServer, run_task_worker: RunWorker
) -> None:
    ics = build_invitation(a_meeting())
    send_mail_task.enqueue(
        subject="Timen din er bestilt", body="Se vedlagt invitasjon.", to=[PERSON.email], calendar=ics
    )
    cancellation = build_cancellation(a_meeting(sequence=1))
    send_mail_task.enqueue(
        subject="Timen din er avlyst", body="Timen er avlyst.", to=[PERSON.email], calendar=cancellation
    )

    run_task_worker(env=smtp_server.env)

    by_subject = {mail.message["Subject"]: mail.message for mail in smtp_server.received}
    invitation = by_subject["Timen din er bestilt"]
    assert invitation.get_body(preferencelist=("plain",)).get_content().strip() == "Se vedlagt invitasjon."  # type: ignore[union-attr]
    [attachment] = list(invitation.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "REQUEST"
    assert attachment.get_filename() == CALENDAR_FILENAME
    event = read_invitation(attachment.get_content())
    assert event.method == "REQUEST"
    assert event.start == dt.datetime(2026, 12, 3, 14, 0, tzinfo=OSLO)

    [cancelled] = list(by_subject["Timen din er avlyst"].iter_attachments())
    assert cancelled.get_param("method") == "CANCEL"
    event = read_invitation(cancelled.get_content())
    assert event.status == "CANCELLED"
    assert event.sequence == 1


def test_a_message_without_a_calendar_has_no_attachment(
    smtp_server: SMTPServer, run_task_worker: RunWorker
) -> None:
    send_mail_task.enqueue(subject="Ny melding", body="Les den på nettsiden.", to=[PERSON.email])

    run_task_worker(env=smtp_server.env)

    [mail] = smtp_server.received
    assert list(mail.message.iter_attachments()) == []
    assert mail.message.get_content_type() == "text/plain"


def test_a_retried_invitation_keeps_its_calendar(run_task_worker: RunWorker) -> None:
    nobody_listens = {"LIKEVERD_EMAIL_HOST": "127.0.0.1", "LIKEVERD_EMAIL_PORT": str(free_port())}
    ics = build_invitation(a_meeting())
    first = send_mail_task.enqueue(subject="Timen din", body="Se vedlegg.", to=[PERSON.email], calendar=ics)

    run_task_worker(env=nobody_listens)

    retry = DBTaskResult.objects.exclude(id=first.id).get()
    assert retry.args_kwargs["kwargs"]["calendar"] == ics
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
