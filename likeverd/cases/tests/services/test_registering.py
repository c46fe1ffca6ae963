import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import selectors, services
from likeverd.cases.models import CaseStatus, Channel, EventKind, PartyRole
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.services import Classification, PersonDetails
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_case_numbers_count_up_per_office_and_year(
    office: Office, other_office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    first, second = register(viewer), register(viewer)
    bergen = register(viewer_of(make_staff(other_office)))
    year = first.received_at.year
    assert (first.number, second.number) == (f"OSL-{year}-0001", f"OSL-{year}-0002")
    assert bergen.number == f"BGO-{year}-0001"


@pytest.mark.django_db(transaction=True)
def test_case_numbers_stay_unique_when_registered_at_the_same_time(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    threads_count, rounds = 6, 5
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    # Every round, all threads wait at the barrier and then register at once: they really race
    # for the same next number, whatever the scheduler would otherwise do.
    barrier = threading.Barrier(threads_count, timeout=60)

    def register_in_rounds() -> None:
        try:
            for _ in range(rounds):
                barrier.wait()
                case = register(viewer)
                with lock:
                    numbers.append(case.number)
        except BaseException as error:  # reported below, with the thread's traceback lost otherwise
            errors.append(error)
            barrier.abort()  # release the others rather than leave them waiting
        finally:
            connection.close()

    threads = [threading.Thread(target=register_in_rounds) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    total = threads_count * rounds
    assert len(numbers) == total
    assert len(set(numbers)) == total
    assert sorted(int(n.rsplit("-", 1)[1]) for n in numbers) == list(range(1, total + 1))


def test_registering_records_the_person_encrypted_a_timeline_entry_and_an_audit_event(
    office: Office, adviser: User
) -> None:
    case = register(
        viewer_of(adviser), person_name="Amina Hassan", narrative="Harassed on the tram for her hijab"
    )
    person = case.parties.get()
    assert person.role == PartyRole.PERSON
    assert person.name == "Amina Hassan"
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM cases_party WHERE id = %s", [person.pk])
        assert b"Amina" not in bytes(cursor.fetchone()[0])
    assert case.events.filter(kind=EventKind.CREATED).exists()
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, target_id=str(case.public_id), actor=adviser
    ).exists()


def test_an_anonymous_person_leaves_no_name(office: Office, adviser: User) -> None:
    case = services.register_case(
        viewer=viewer_of(adviser),
        details=services.CaseDetails(channel=Channel.WEB, narrative="x"),
        person=PersonDetails(name="Should not be kept", is_anonymous=True),
    )
    party = case.parties.get()
    assert party.name == ""
    assert party.name_key is None
    with translation.override("en"):
        assert party.display_name == "Anonymous"


def test_a_coordinator_can_register_but_not_see_or_classify_cases(office: Office) -> None:
    coordinator = viewer_of(make_staff(office, Role.COORDINATOR))
    case = register(coordinator)
    assert not selectors.list_cases(viewer=coordinator).exists()
    with pytest.raises(PermissionDenied):
        services.classify_case(viewer=coordinator, case=case, classification=Classification())


def test_an_adviser_cannot_touch_another_offices_case(
    office: Office, adviser: User, other_adviser: User
) -> None:
    case = register(viewer_of(adviser), person_name="Amina Hassan")
    intruder = viewer_of(other_adviser)
    with pytest.raises(PermissionDenied):
        services.add_timeline_entry(viewer=intruder, case=case, kind=EventKind.NOTE, body="sneaky")
    with pytest.raises(PermissionDenied):
        services.change_case_status(viewer=intruder, case=case, to_status=CaseStatus.SORTING)
    assert not selectors.list_cases(viewer=intruder).exists()
    assert not selectors.list_cases(viewer=intruder, filters=CaseFilters(query="Amina")).exists()
    assert not selectors.list_cases(viewer=intruder, filters=CaseFilters(query=case.number)).exists()
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.get_case(viewer=intruder, public_id=str(case.public_id))
