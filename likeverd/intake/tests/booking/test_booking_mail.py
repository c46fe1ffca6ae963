"""Both the person (where they gave an e-mail address) and the office get a calendar invitation,
through the real worker and a real SMTP server; cancelling sends a cancellation of the same entry.
The office's copy names nobody: a staff calendar may be shared or synchronised elsewhere."""

import subprocess
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from conftest import ReceivedMail, SMTPServer
from likeverd.accounts.models import Office
from likeverd.core.once import issue_token
from likeverd.core.tests.calendar_reading import ReadEvent, read_invitation
from likeverd.intake.booking.models import Booking, SlotKind
from likeverd.intake.booking.services import cancel_booking_by_person
from likeverd.intake.tests.booking.factories import a_slot, book

RunWorker = Callable[..., subprocess.CompletedProcess[str]]
PERSON = "amira@example.org"
OFFICE_MAIL = "post@dime-oslo.example.org"


def invitation(mail: ReceivedMail) -> tuple[str, ReadEvent]:
    [attachment] = list(mail.message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    return str(attachment.get_param("method")), read_invitation(attachment.get_content())


def body_of(mail: ReceivedMail) -> str:
    body = mail.message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def to(mails: list[ReceivedMail], address: str) -> list[ReceivedMail]:
    return [mail for mail in mails if mail.rcpt_tos == [address]]


def test_the_person_and_the_office_get_an_invitation_and_then_a_cancellation(
    office: Office, smtp_server: SMTPServer, run_task_worker: RunWorker
) -> None:
    office.email = OFFICE_MAIL
    office.save()
    slot = a_slot(office, kind=SlotKind.MEETING, place="Storgata 1, Oslo")
    client = Client()
    response = client.post(
        reverse("intake:book-slot", args=["osl", slot.public_id]),
        {"name": "Amira Hassan", "email": PERSON, "phone": "", "language": "en"},
    )
    assert response.status_code == 302
    assert smtp_server.received == []  # nothing is sent inside the request

    run_task_worker(env=smtp_server.env)

    [to_person] = to(smtp_server.received, PERSON)
    [to_office] = to(smtp_server.received, OFFICE_MAIL)
    method, event = invitation(to_person)
    assert method == "REQUEST"
    assert (event.method, event.sequence, event.status) == ("REQUEST", 0, "CONFIRMED")
    assert event.start == slot.starts_at
    assert event.end == slot.ends_at
    assert event.start_tzid == "Europe/Oslo"
    assert event.location == "Storgata 1, Oslo"
    assert office.name in event.summary
    assert event.attendees == [f"mailto:{PERSON}"]
    assert event.organizer == f"mailto:{OFFICE_MAIL}"
    booking_link = response["Location"]
    assert booking_link in body_of(to_person)

    office_method, office_event = invitation(to_office)
    assert office_method == "REQUEST"
    assert office_event.uid == event.uid
    # No name, no contact details in the office's copy: neither in the file nor in the message.
    office_mail_text = to_office.message.as_string()
    assert "Amira" not in office_mail_text
    assert PERSON not in office_mail_text
    assert "Amira" not in office_event.summary

    page = client.get(booking_link)
    client.post(booking_link, {"once_token": issue_token(page.wsgi_request)})
    run_task_worker(env=smtp_server.env)

    cancellations = [m for m in smtp_server.received if m not in (to_person, to_office)]
    assert sorted(m.rcpt_tos[0] for m in cancellations) == sorted([PERSON, OFFICE_MAIL])
    for mail in cancellations:
        method, cancelled = invitation(mail)
        assert method == "CANCEL"
        assert (cancelled.method, cancelled.status) == ("CANCEL", "CANCELLED")
        assert cancelled.uid == event.uid
        assert cancelled.sequence > event.sequence


def test_without_an_e_mail_only_the_office_is_told(
    office: Office, smtp_server: SMTPServer, run_task_worker: RunWorker
) -> None:
    office.email = OFFICE_MAIL
    office.save()
    book(a_slot(office), email="")

    run_task_worker(env=smtp_server.env)

    assert [m.rcpt_tos for m in smtp_server.received] == [[OFFICE_MAIL]]


def test_a_person_is_written_to_in_the_language_they_chose(
    office: Office, smtp_server: SMTPServer, run_task_worker: RunWorker
) -> None:
    booked = book(a_slot(office), email=PERSON, language="sv")
    cancel_booking_by_person(token=booked.token, site_url="http://testserver/")
    assert Booking.objects.get().status == "cancelled"

    run_task_worker(env=smtp_server.env)

    subjects = sorted(str(m.message["Subject"]) for m in to(smtp_server.received, PERSON))
    assert subjects == sorted([f"Din bokning hos {office.name}", f"Din bokning hos {office.name} är avbokad"])
    [confirmation] = [
        m for m in to(smtp_server.received, PERSON) if "avbokad" not in str(m.message["Subject"])
    ]
    assert f"/sv/booking/{booked.token}/" in body_of(confirmation)
