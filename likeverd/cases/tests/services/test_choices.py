"""Services take plain values from forms, imports and other apps: every choice they receive is
checked, and a code no form would offer is refused with a ValidationError, not stored."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from likeverd.accounts.models import User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.dates import IncidentDate
from likeverd.cases.models import Case, CaseStatus, Channel, DatePrecision, EventKind, PartyRole
from likeverd.cases.services import CaseDetails, PersonDetails
from likeverd.cases.tests.factories import register
from likeverd.core import clock

pytestmark = pytest.mark.django_db

Call = Callable[[Any, Case], object]

INVALID: list[tuple[str, Call]] = [
    (
        "channel on registering",
        lambda v, c: services.register_case(viewer=v, details=CaseDetails(channel="pigeon")),  # type: ignore[arg-type]
    ),
    (
        "place kind on registering",
        lambda v, c: services.register_case(
            viewer=v, details=CaseDetails(channel=Channel.PHONE, place_kind="moon")
        ),
    ),
    (
        "wish on registering",
        lambda v, c: services.register_case(
            viewer=v, details=CaseDetails(channel=Channel.PHONE, wishes=["revenge"])
        ),
    ),
    (
        "date precision on registering",
        lambda v, c: services.register_case(
            viewer=v,
            details=CaseDetails(
                channel=Channel.PHONE,
                incident_date=IncidentDate(None, None, "fortnight", ""),  # type: ignore[arg-type]
            ),
        ),
    ),
    (
        "party role of the first person",
        lambda v, c: services.register_case(
            viewer=v,
            details=CaseDetails(channel=Channel.PHONE),
            person=PersonDetails(role="judge"),  # type: ignore[arg-type]
        ),
    ),
    (
        "channel on editing",
        lambda v, c: services.update_case_details(viewer=v, case=c, details=CaseDetails(channel="fax")),  # type: ignore[arg-type]
    ),
    (
        "place kind on editing",
        lambda v, c: services.update_case_details(
            viewer=v, case=c, details=CaseDetails(channel=Channel.PHONE, place_kind="moon")
        ),
    ),
    (
        "wish on editing",
        lambda v, c: services.update_case_details(
            viewer=v, case=c, details=CaseDetails(channel=Channel.PHONE, wishes=["revenge"])
        ),
    ),
    ("status", lambda v, c: services.change_case_status(viewer=v, case=c, to_status="archived")),  # type: ignore[arg-type]
    (
        "outcome",
        lambda v, c: services.change_case_status(
            viewer=v, case=c, to_status=CaseStatus.CLOSED, outcome="won"
        ),
    ),
    (
        "party role",
        lambda v, c: services.add_party(viewer=v, case=c, role="judge", details=PersonDetails(name="X")),  # type: ignore[arg-type]
    ),
    (
        "counterpart kind",
        lambda v, c: services.add_party(
            viewer=v,
            case=c,
            role=PartyRole.COUNTERPART,
            details=PersonDetails(name="X"),
            counterpart_kind="alien",
        ),
    ),
    (
        "timeline entry kind",
        lambda v, c: services.add_timeline_entry(viewer=v, case=c, kind=EventKind.CREATED, body="x"),
    ),
    (
        "document kind",
        lambda v, c: services.upload_document(viewer=v, case=c, upload=_upload(), kind="poem"),
    ),
]


def _upload() -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("note.txt", b"hello", content_type="text/plain")


@pytest.mark.parametrize("call", [call for _, call in INVALID], ids=[name for name, _ in INVALID])
def test_a_service_refuses_a_choice_no_form_offers(adviser: User, call: Call) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    cases_before, events_before = Case.objects.count(), case.events.count()

    with pytest.raises(ValidationError):
        call(viewer, case)

    assert Case.objects.count() == cases_before
    assert case.events.count() == events_before
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW
    assert case.channel == Channel.PHONE


def test_valid_choices_still_go_through(adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = services.register_case(
        viewer=viewer,
        details=CaseDetails(
            channel=Channel.EMAIL,
            place_kind="",
            incident_date=IncidentDate(clock.today(), clock.today(), DatePrecision.DAY, "today"),
        ),
    )
    assert case.channel == Channel.EMAIL
