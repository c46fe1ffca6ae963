"""Staff publish times, see the day's bookings of their own office only, and cancel; a booking
made from a report shows on its case. Every read and write audited; other offices' ids are 404."""

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import Channel
from likeverd.cases.tests.factories import register
from likeverd.core import clock
from likeverd.core.once import issue_token
from likeverd.intake.booking.models import Booking, BookingStatus, Slot, SlotKind
from likeverd.intake.booking.services import SlotSeries, slot_times
from likeverd.intake.tests.booking.factories import a_slot, book

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
OSLO = ZoneInfo("Europe/Oslo")


def staff_url(name: str, *args: object) -> str:
    """Staff screens in English, so the tests read the words of this code."""
    with translation.override("en"):
        return reverse(name, args=args)


def day_of(slot: Slot) -> str:
    return slot.starts_at.astimezone(OSLO).date().isoformat()


def next_monday() -> dt.date:
    today = clock.now().astimezone(OSLO).date()
    return today + dt.timedelta(days=7 - today.weekday())


def series_data(**changes: object) -> dict[str, object]:
    monday = next_monday()
    data: dict[str, object] = {
        "kind": "meeting",
        "first_day": monday.strftime("%d.%m.%Y"),
        "last_day": (monday + dt.timedelta(days=13)).strftime("%d.%m.%Y"),
        "weekdays": ["1", "3"],  # Tuesdays and Thursdays
        "start": "10:00",
        "end": "12:00",
        "length_minutes": "45",
        "place": "Storgata 1, Oslo",
    }
    data.update(changes)
    return data


def test_an_adviser_publishes_a_series_of_meeting_times(
    client_for: ClientFor, adviser: User, office: Office
) -> None:
    client = client_for(adviser)

    response = client.post(staff_url("booking_staff:add-slots"), series_data())

    assert response.status_code == 302
    slots = list(Slot.objects.filter(office=office).order_by("starts_at"))
    # Two weeks x two days x two 45-minute slots between 10:00 and 12:00 (the third would end 12:15).
    assert len(slots) == 8
    local = [s.starts_at.astimezone(OSLO) for s in slots]
    assert {t.weekday() for t in local} == {1, 3}
    assert sorted({t.strftime("%H:%M") for t in local}) == ["10:00", "10:45"]
    assert {s.place for s in slots} == {"Storgata 1, Oslo"}
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, actor=adviser, detail__slots=8).exists()
    # The same series again adds nothing.
    client.post(staff_url("booking_staff:add-slots"), series_data())
    assert Slot.objects.count() == 8


@pytest.mark.parametrize(
    ("changes", "field_error"),
    [
        ({"place": ""}, "A meeting needs a place."),
        ({"weekdays": []}, "This field is required."),
        ({"start": "12:00", "end": "10:00"}, "must end after the first begins"),
        ({"last_day": "01.01.2020"}, "The last day comes before the first."),
        ({"length_minutes": "5"}, "greater than or equal to 10"),
    ],
)
def test_a_series_that_makes_no_sense_is_refused_with_what_was_typed(
    client_for: ClientFor, adviser: User, changes: dict[str, object], field_error: str
) -> None:
    response = client_for(adviser).post(staff_url("booking_staff:add-slots"), series_data(**changes))

    assert response.status_code == 200
    assert field_error in response.content.decode()
    assert not Slot.objects.exists()


@given(
    first=st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 12, 31)),
    span=st.integers(min_value=0, max_value=40),
    weekdays=st.frozensets(st.integers(min_value=0, max_value=6), min_size=1),
    start_minute=st.integers(min_value=6 * 60, max_value=12 * 60),
    hours=st.integers(min_value=1, max_value=8),
    length=st.integers(min_value=10, max_value=240),
)
def test_a_series_starts_each_slot_at_the_chosen_wall_clock_time(
    first: dt.date, span: int, weekdays: frozenset[int], start_minute: int, hours: int, length: int
) -> None:
    # Across summer-time changes too: a 10:00 slot is at 10:00 in Oslo on either side.
    start = dt.time(start_minute // 60, start_minute % 60)
    end_minute = start_minute + hours * 60
    end = dt.time(min(end_minute // 60, 23), end_minute % 60 if end_minute // 60 < 24 else 59)
    series = SlotSeries(
        kind="call_back",
        first_day=first,
        last_day=first + dt.timedelta(days=span),
        weekdays=weekdays,
        start=start,
        end=end,
        length_minutes=length,
    )
    times = slot_times(series, zone=OSLO)
    for begin, finish in times:
        assert begin.weekday() in weekdays
        assert first <= begin.date() <= series.last_day
        assert finish - begin == dt.timedelta(minutes=length)
        assert begin.time() >= start
        assert finish.time() <= end or finish.date() > begin.date()
        assert (begin.hour * 60 + begin.minute - start_minute) % length == 0
    assert len(times) == len(set(times))


def test_the_day_view_shows_the_offices_bookings_and_records_the_read(
    client_for: ClientFor, adviser: User, office: Office, other_office: Office
) -> None:
    slot = a_slot(office, in_hours=50)
    book(slot, name="Amira", email="amira@example.org")
    elsewhere = a_slot(other_office, in_hours=50)
    book(elsewhere, name="Bergen person")

    page = client_for(adviser).get(staff_url("booking_staff:day"), {"day": day_of(slot)}).content.decode()

    assert "Amira" in page
    assert "amira@example.org" in page
    assert "needs an interpreter" in page
    assert "Bergen person" not in page
    event = AuditEvent.objects.get(action=AuditAction.LIST, actor=adviser)
    assert event.detail == {"list": "bookings_of_day", "day": day_of(slot), "bookings": 1}
    assert event.office == office


def test_an_odd_day_in_the_address_shows_today(client_for: ClientFor, adviser: User) -> None:
    for odd in ("2026-02-30", "yesterday", "<script>", "9999-99-99"):
        assert client_for(adviser).get(staff_url("booking_staff:day"), {"day": odd}).status_code == 200


def test_a_mediator_without_intake_work_may_not_open_the_bookings(
    client_for: ClientFor, office: Office
) -> None:
    mediator = make_staff(office, Role.MEDIATOR)
    assert client_for(mediator).get(staff_url("booking_staff:day")).status_code == 403
    assert client_for(mediator).post(staff_url("booking_staff:add-slots"), series_data()).status_code == 403


def test_staff_cancel_a_booking_and_the_slot_is_free_again(
    client_for: ClientFor, adviser: User, office: Office
) -> None:
    slot = a_slot(office)
    booked = book(slot)
    client = client_for(adviser)

    response = client.post(staff_url("booking_staff:cancel", booked.booking.public_id))

    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.status, booking.cancelled_by) == (BookingStatus.CANCELLED, "staff")
    assert AuditEvent.objects.filter(
        action=AuditAction.CHANGE, actor=adviser, target_id=str(booking.public_id)
    ).exists()
    book(slot, name="Someone else")
    assert Booking.objects.filter(status=BookingStatus.BOOKED).count() == 1


def test_another_offices_booking_is_not_found_and_the_probe_is_recorded(
    client_for: ClientFor, adviser: User, office: Office, other_office: Office
) -> None:
    theirs = book(a_slot(other_office)).booking
    their_slot = a_slot(other_office, in_hours=70)
    client = client_for(adviser)

    assert client.post(staff_url("booking_staff:cancel", theirs.public_id)).status_code == 404
    assert client.post(staff_url("booking_staff:withdraw", their_slot.public_id)).status_code == 404

    assert Booking.objects.get(pk=theirs.pk).status == BookingStatus.BOOKED
    assert not Slot.objects.get(pk=their_slot.pk).is_withdrawn
    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, actor=adviser).order_by("id")
    assert [e.detail["target_id"] for e in denied] == [str(theirs.public_id), str(their_slot.public_id)]
    assert {e.office for e in denied} == {office}


def test_a_free_slot_is_withdrawn_but_a_booked_one_must_be_cancelled_first(
    client_for: ClientFor, adviser: User, office: Office
) -> None:
    free, booked = a_slot(office, in_hours=30), a_slot(office, in_hours=31)
    book(booked)
    client = client_for(adviser)

    client.post(staff_url("booking_staff:withdraw", free.public_id))
    client.post(staff_url("booking_staff:withdraw", booked.public_id))

    assert Slot.objects.get(pk=free.pk).is_withdrawn
    assert not Slot.objects.get(pk=booked.pk).is_withdrawn
    assert str(free.public_id) not in Client().get(reverse("intake:book", args=["osl"])).content.decode()


def test_a_double_click_on_cancel_cancels_once(client_for: ClientFor, adviser: User, office: Office) -> None:
    booked = book(a_slot(office)).booking
    client = client_for(adviser)
    page = client.get(staff_url("booking_staff:day"), {"day": day_of(booked.slot)})
    token = issue_token(page.wsgi_request)
    url = staff_url("booking_staff:cancel", booked.public_id)

    client.post(url, {"once_token": token})
    client.post(url, {"once_token": token})

    assert Booking.objects.get().sequence == 1
    assert AuditEvent.objects.filter(action=AuditAction.CHANGE, target_id=str(booked.public_id)).count() == 1


def test_the_case_page_shows_the_bookings_made_from_its_report(
    client_for: ClientFor, adviser: User, office: Office
) -> None:
    case = register(viewer_of(adviser), channel=Channel.WEB)
    book(a_slot(office, kind=SlotKind.MEETING), case=case, name="Amira")
    book(a_slot(office, in_hours=80), name="Not this case")

    page = client_for(adviser).get(staff_url("cases:case_detail", case.public_id)).content.decode()

    assert "Amira" in page
    assert "Not this case" not in page
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, case_id=str(case.public_id), detail__section="bookings"
    ).exists()


def test_withdrawing_a_booked_slot_says_why_it_is_refused(
    client_for: ClientFor, adviser: User, office: Office
) -> None:
    booked = a_slot(office, in_hours=31)
    book(booked)
    response = client_for(adviser).post(staff_url("booking_staff:withdraw", booked.public_id), follow=True)
    assert (
        "This slot is booked: cancel the booking first, so the person is told." in response.content.decode()
    )
    assert "The slot is no longer offered." not in response.content.decode()
