"""A person books a call-back or a meeting from an office's page, with or without a report, and
cancels it through their link: as few questions as possible, a slot never given twice."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.actors import ActorKind
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.tests.factories import register
from likeverd.core.once import issue_token
from likeverd.intake.booking.models import Booking, BookingStatus, SlotKind
from likeverd.intake.booking.selectors import report_reference
from likeverd.intake.tests.booking.factories import a_slot, book, live_bookings

pytestmark = pytest.mark.django_db


def form_data(**changes: str) -> dict[str, str]:
    data = {
        "name": "Amira",
        "phone": "+47 912 34 567",
        "email": "",
        "language": "ar",
        "needs_interpreter": "on",
    }
    data.update(changes)
    return data


def book_url(office: Office, slot: object) -> str:
    return reverse("intake:book-slot", args=[office.code.lower(), slot])


def token_of(response: object) -> str:
    location = response["Location"]  # type: ignore[index]
    match = re.search(r"/booking/([^/]+)/$", location)
    assert match, location
    return match.group(1)


def test_the_office_page_offers_booking(client: Client, office: Office) -> None:
    response = client.get(reverse("intake:office", args=["osl"]))
    assert reverse("intake:book", args=["osl"]) in response.content.decode()


def test_only_free_future_slots_of_the_office_are_offered(
    client: Client, office: Office, other_office: Office
) -> None:
    free = a_slot(office, in_hours=30)
    booked = a_slot(office, in_hours=31)
    book(booked)
    withdrawn = a_slot(office, in_hours=32)
    withdrawn.is_withdrawn = True
    withdrawn.save()
    too_soon = a_slot(office, in_hours=0.5)
    elsewhere = a_slot(other_office, in_hours=30)

    page = client.get(reverse("intake:book", args=["osl"])).content.decode()

    assert str(free.public_id) in page
    for hidden in (booked, withdrawn, too_soon, elsewhere):
        assert str(hidden.public_id) not in page


def test_a_person_books_a_call_back_with_a_nickname_and_a_phone(client: Client, office: Office) -> None:
    slot = a_slot(office)

    response = client.post(book_url(office, slot.public_id), form_data())

    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.slot, booking.status, booking.name, booking.language) == (slot, "booked", "Amira", "ar")
    assert booking.needs_interpreter
    assert booking.case is None
    # Encrypted at rest: neither the name nor the phone number is in the row.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, phone FROM intake_booking WHERE id = %s", [booking.pk])
        name, phone = cursor.fetchone()
    assert b"Amira" not in bytes(name)
    assert b"912" not in bytes(phone)
    # The token of the link is not stored, only its hash.
    token = token_of(response)
    assert token not in booking.token_hash
    event = AuditEvent.objects.get(action=AuditAction.CREATE, target_id=str(booking.public_id))
    assert event.actor_kind == ActorKind.REPORTER
    assert event.office == office
    page = client.get(response["Location"]).content.decode()
    assert "Your time is booked" in page


def test_without_a_phone_or_an_e_mail_the_form_asks_for_one_and_keeps_the_name(
    client: Client, office: Office
) -> None:
    slot = a_slot(office)

    response = client.post(book_url(office, slot.public_id), form_data(phone="", email=""))

    assert response.status_code == 200
    assert not Booking.objects.exists()
    page = response.content.decode()
    assert 'value="Amira"' in page
    assert "phone number or an e-mail address" in page


def test_a_slot_taken_meanwhile_gets_a_clear_message_and_the_other_free_times(
    client: Client, office: Office
) -> None:
    slot, other = a_slot(office, in_hours=30), a_slot(office, in_hours=31)
    book(slot, name="First")

    response = client.post(book_url(office, slot.public_id), form_data(name="Second"))

    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else has just booked that time" in page
    assert str(other.public_id) in page
    assert [b.name for b in live_bookings(slot)] == ["First"]


def test_a_double_click_books_once(client: Client, office: Office) -> None:
    slot = a_slot(office)
    get = client.get(book_url(office, slot.public_id))
    once = re.search(r'name="once_token" value="([^"]+)"', get.content.decode())
    assert once

    first = client.post(book_url(office, slot.public_id), {**form_data(), "once_token": once.group(1)})
    second = client.post(book_url(office, slot.public_id), {**form_data(), "once_token": once.group(1)})

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Booking.objects.count() == 1


def test_a_booking_from_a_report_is_filed_on_its_case(client: Client, office: Office, adviser: User) -> None:
    case = register(viewer_of(adviser))
    slot = a_slot(office)
    start = client.get(reverse("intake:book", args=["osl"]), {"report": report_reference(case)})
    assert "report=" in start.content.decode()

    client.post(book_url(office, slot.public_id), {**form_data(), "report": report_reference(case)})

    booking = Booking.objects.get()
    assert booking.case == case
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, case_id=str(case.public_id), target_id=str(booking.public_id)
    ).exists()


def test_a_forged_or_foreign_report_reference_files_nothing_on_a_case(
    client: Client, office: Office, other_office: Office, other_adviser: User
) -> None:
    foreign = register(viewer_of(other_adviser))
    first, second = a_slot(office, in_hours=30), a_slot(office, in_hours=31)

    client.post(book_url(office, first.public_id), {**form_data(), "report": str(foreign.public_id)})
    client.post(book_url(office, second.public_id), {**form_data(), "report": report_reference(foreign)})

    assert list(Booking.objects.values_list("case", flat=True)) == [None, None]


def test_the_person_cancels_through_their_link_and_the_slot_is_free_again(
    client: Client, office: Office
) -> None:
    slot = a_slot(office, kind=SlotKind.MEETING)
    response = client.post(book_url(office, slot.public_id), form_data())
    link = response["Location"]
    page = client.get(link)
    assert page["Referrer-Policy"] == "no-referrer"
    assert "no-store" in page["Cache-Control"]

    cancelled = client.post(link, {"once_token": issue_token(page.wsgi_request)})

    assert cancelled.status_code == 302
    booking = Booking.objects.get()
    assert (booking.status, booking.cancelled_by, booking.sequence) == (BookingStatus.CANCELLED, "person", 1)
    assert "This booking is cancelled" in client.get(link).content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.CHANGE, target_id=str(booking.public_id)).exists()
    # Free again: someone else can book it.
    assert client.post(book_url(office, slot.public_id), form_data(name="Next")).status_code == 302
    # Cancelling twice changes nothing.
    client.post(link)
    assert Booking.objects.get(pk=booking.pk).sequence == 1


def test_a_wrong_or_made_up_link_finds_nothing(client: Client, office: Office) -> None:
    book(a_slot(office))
    assert client.get(reverse("intake:booking", args=["not-the-token"])).status_code == 404
    assert client.post(reverse("intake:booking", args=["x" * 300])).status_code == 404
    assert Booking.objects.get().status == BookingStatus.BOOKED


def test_an_unknown_slot_or_office_is_not_found(client: Client, office: Office, other_office: Office) -> None:
    elsewhere = a_slot(other_office)
    assert client.get(reverse("intake:book", args=["nope"])).status_code == 404
    # Another office's slot through this office's page: not offered.
    assert client.post(book_url(office, elsewhere.public_id), form_data()).status_code == 409
    assert not Booking.objects.exists()


def test_a_time_booked_from_a_reports_confirmation_page_is_filed_on_its_case(
    client: Client, office: Office
) -> None:
    from likeverd.cases.models import Case
    from likeverd.intake.tests.test_report_form import form_url, full_report

    slot = a_slot(office)
    sent = client.post(form_url(office), full_report())
    confirmation = client.get(sent["Location"]).content.decode()
    match = re.search(r'href="(/en/offices/osl/book/\?report=[^"]+)"', confirmation)
    assert match, "the confirmation page offers booking a time for this report"

    listing = client.get(match.group(1).replace("&amp;", "&")).content.decode()
    slot_link = re.search(r'href="([^"]*/book/' + str(slot.public_id) + r'/\?report=[^"]+)"', listing)
    assert slot_link
    form_page = client.get(slot_link.group(1).replace("&amp;", "&"))
    report = re.search(r'name="report" value="([^"]+)"', form_page.content.decode())
    assert report
    client.post(book_url(office, slot.public_id), {**form_data(), "report": report.group(1)})

    assert Booking.objects.get().case == Case.objects.get()


def test_too_many_bookings_from_one_address_get_a_clear_message_and_keep_what_was_typed(
    client: Client, office: Office, settings: object
) -> None:
    from likeverd.intake.models import SubmissionCount

    settings.INTAKE_BOOKINGS_PER_HOUR = 2  # type: ignore[attr-defined]
    slots = [a_slot(office, in_hours=30 + hour) for hour in range(4)]
    for slot in slots[:2]:
        assert client.post(book_url(office, slot.public_id), form_data()).status_code == 302

    refused = client.post(book_url(office, slots[2].public_id), form_data(name="Third <time>"))

    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Many times have been booked from your internet connection" in page
    assert 'value="Third &lt;time&gt;"' in page
    assert 'value="+47 912 34 567"' in page
    assert Booking.objects.count() == 2
    assert all("127.0.0.1" not in row.key for row in SubmissionCount.objects.all())
    # Another address may still book the time.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post(book_url(office, slots[2].public_id), form_data()).status_code == 302


def test_reports_messages_and_bookings_are_counted_apart(
    client: Client, office: Office, settings: object
) -> None:
    from likeverd.intake.services import Counted, RateLimitedError, count_submission

    settings.INTAKE_BOOKINGS_PER_HOUR = 1  # type: ignore[attr-defined]
    settings.INTAKE_REPORTS_PER_HOUR = 1  # type: ignore[attr-defined]
    count_submission("192.0.2.9", Counted.REPORT)
    count_submission("192.0.2.9", Counted.BOOKING)  # a report does not use up the booking
    with pytest.raises(RateLimitedError):
        count_submission("192.0.2.9", Counted.BOOKING)
    with pytest.raises(RateLimitedError):
        count_submission("192.0.2.9", Counted.REPORT)
