"""The case pages in the reader's language: languages by name, dates and times day first in
24-hour time, whatever the interface language."""

import datetime as dt
from collections.abc import Callable
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.models import Case, Channel, DatePrecision, EventKind, PartyRole, Task
from likeverd.cases.services import PersonDetails
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


# A Saturday afternoon in Oslo.
AFTERNOON = dt.datetime(2026, 11, 14, 13, 5, tzinfo=ZoneInfo("Europe/Oslo"))


def address(name: str, public_id: UUID, language: str) -> str:
    with translation.override(language):
        return reverse(f"cases:{name}", args=[public_id])


def case_page(client: Client, public_id: UUID, language: str) -> str:
    return client.get(address("case_detail", public_id, language)).content.decode()


@pytest.mark.parametrize(
    ("language", "arabic", "somali"),
    [("nb", "arabisk", "somali"), ("sv", "arabiska", "somaliska"), ("en", "Arabic", "Somali")],
)
def test_a_partys_language_is_named_not_coded_on_the_case_page(
    office: Office, adviser: User, client_for: ClientFor, language: str, arabic: str, somali: str
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer, person_name="Amina Hassan")
    for name, code, needs_interpreter in (("Samir", "ar", True), ("Hodan", "so", False)):
        services.add_party(
            viewer=viewer,
            case=case,
            role=PartyRole.WITNESS,
            details=PersonDetails(name=name, language=code, needs_interpreter=needs_interpreter),
        )

    page = case_page(client_for(adviser), case.public_id, language)

    assert f"({arabic})" in page
    assert f": {somali}</li>" in page
    assert "(ar)" not in page


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "14.11.2026 13:05"), ("nb", "14.11.2026 13:05"), ("sv", "2026-11-14 13:05")],
)
def test_a_norwegian_offices_page_writes_dates_day_first_on_the_24_hour_clock_in_every_language(
    office: Office, adviser: User, client_for: ClientFor, language: str, shown: str
) -> None:
    viewer = viewer_of(adviser)
    with time_machine.travel(AFTERNOON, tick=False):
        case = register(viewer, person_name="Amina Hassan")
        services.add_timeline_entry(viewer=viewer, case=case, kind=EventKind.CALL, body="Called back")
        page = case_page(client_for(adviser), case.public_id, language)

    assert f">{shown}</time>" in page
    for american in ("Nov. 14", "11/14/2026", "p.m.", "1:05"):
        assert american not in page


@pytest.mark.parametrize(
    ("language", "typed", "example"),
    [
        ("en", "14.11.2026", "For example 14.11.2026."),
        ("en", "14/11/26", "For example 14.11.2026."),
        ("nb", "14.11.26", "For eksempel 14.11.2026."),
        ("sv", "2026-11-14", "Till exempel 2026-11-14."),
        ("sv", "14.11.2026", "Till exempel 2026-11-14."),
    ],
)
def test_a_due_date_is_typed_as_text_day_first_whatever_the_browser(
    office: Office, adviser: User, client_for: ClientFor, language: str, typed: str, example: str
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)
    with time_machine.travel(AFTERNOON, tick=False):
        page = case_page(client, case.public_id, language)
        client.post(
            address("case_add_task", case.public_id, language),
            {"task-title": "Send the complaint", "task-due_date": typed},
        )

    assert 'type="date"' not in page
    assert "datetime-local" not in page
    assert example in page
    assert Task.objects.get(case=case).due_date == dt.date(2026, 11, 14)


@pytest.mark.parametrize("language", ["en", "nb", "sv"])
def test_a_date_typed_month_first_is_refused_in_every_language(
    office: Office, adviser: User, client_for: ClientFor, language: str
) -> None:
    case = register(viewer_of(adviser))

    response = client_for(adviser).post(
        address("case_add_task", case.public_id, language),
        {"task-title": "Send the complaint", "task-due_date": "11/14/2026"},
    )

    assert response.status_code == 200
    assert not Task.objects.filter(case=case).exists()
    assert 'value="11/14/2026"' in response.content.decode()


@pytest.mark.parametrize(("language", "typed"), [("en", "14.11.2026 09:30"), ("nb", "14.11.2026 09.30")])
def test_a_timeline_moment_is_typed_day_first_on_the_24_hour_clock(
    office: Office, adviser: User, client_for: ClientFor, language: str, typed: str, settings: Any
) -> None:
    case = register(viewer_of(adviser))

    client_for(adviser).post(
        address("case_add_entry", case.public_id, language),
        {"entry-kind": EventKind.CALL, "entry-body": "Called the club", "entry-occurred_at": typed},
    )

    entry = case.events.get(kind=EventKind.CALL)
    assert entry.occurred_at == dt.datetime(2026, 11, 14, 9, 30, tzinfo=ZoneInfo(settings.TIME_ZONE))


@pytest.mark.parametrize(
    ("language", "said", "label"),
    [("nb", "forrige uke", "(Uke)"), ("sv", "förra veckan", "(Vecka)"), ("en", "last week", "(Week)")],
)
def test_last_week_said_on_the_phone_is_the_monday_to_sunday_before_on_the_case(
    office: Office, adviser: User, client_for: ClientFor, language: str, said: str, label: str
) -> None:
    client = client_for(adviser)
    with translation.override(language):
        register_address = reverse("cases:register_call")
    form = {"channel": Channel.PHONE, "name": "Amina Hassan", "narrative": "Refused at the door"}
    with time_machine.travel(AFTERNOON, tick=False):
        client.post(register_address, {**form, "incident_date": said})
        case = Case.objects.get()
        page = case_page(client, case.public_id, language)

    assert (case.incident_date_from, case.incident_date_to) == (dt.date(2026, 11, 2), dt.date(2026, 11, 8))
    assert case.incident_date_precision == DatePrecision.WEEK
    assert f"“{said}”" in page
    assert label in page
