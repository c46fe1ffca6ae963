"""Two people press "Book" for the same time at the same moment: exactly one gets it, the other is
told at once and offered the other free times. Run on SQLite and on PostgreSQL (DATABASE_URL)."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from likeverd.accounts.models import Office
from likeverd.intake.booking.models import Booking
from likeverd.intake.tests.booking.factories import a_slot

ROUNDS = 3
PEOPLE = 4


def press_book_at_once(url: str, people: int) -> list[tuple[int, str]]:
    """`people` browsers post the booking form for one slot at the same instant (a barrier)."""
    barrier = threading.Barrier(people, timeout=60)
    results: list[tuple[int, str]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def press_book(person: int) -> None:
        try:
            client = Client()
            barrier.wait()
            response = client.post(
                url, {"name": f"Person {person}", "phone": "+47 900 00 000", "language": "nb"}
            )
            with lock:
                results.append((response.status_code, response.content.decode()))
        except BaseException as error:  # reported below, with the thread's traceback lost otherwise
            errors.append(error)
            barrier.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=press_book, args=(n,)) for n in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    return results


@pytest.mark.django_db(transaction=True)
def test_of_people_booking_one_slot_at_once_exactly_one_wins(office: Office, settings: Settings) -> None:
    # Twelve bookings from one test address: the per-address limit (its own tests) stays out of it.
    settings.INTAKE_BOOKINGS_PER_HOUR = 0
    for round_number in range(ROUNDS):
        slot = a_slot(office, in_hours=30 + round_number)
        spare = a_slot(office, in_hours=60 + round_number)
        url = reverse("intake:book-slot", args=[office.code.lower(), slot.public_id])

        results = press_book_at_once(url, PEOPLE)

        assert sorted(status for status, _ in results) == [302] + [409] * (PEOPLE - 1)
        for status, page in results:
            if status == 409:
                assert "Someone else has just booked that time" in page
                assert str(spare.public_id) in page
        assert Booking.objects.filter(slot=slot, status="booked").count() == 1
