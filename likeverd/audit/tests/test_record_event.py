"""record_event and record_views: what an audit row holds (ids and codes, never personal data)."""

from typing import Any

import pytest

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.audit.services import record_event, record_views
from likeverd.cases import services
from likeverd.cases.tests.factories import register
from likeverd.core import clock

pytestmark = pytest.mark.django_db


def test_an_event_about_a_case_names_the_case_by_its_public_id(office: Office, adviser: User) -> None:
    case = register(viewer_of(adviser))

    event = record_event(actor=StaffActor(adviser), office=office, action=AuditAction.VIEW, target=case)

    event.refresh_from_db()
    assert (event.actor, event.actor_label, event.office) == (adviser, adviser.username, office)
    assert (event.target_type, event.target_id, event.case_id) == (
        "cases.Case",
        str(case.public_id),
        str(case.public_id),
    )
    assert event.detail == {}


def test_an_event_about_part_of_a_case_belongs_to_the_case(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    task = services.add_task(viewer=viewer, case=case, title="Call back", due_date=clock.today())

    event = record_event(
        actor=StaffActor(adviser),
        office=office,
        action=AuditAction.CHANGE,
        target=task,
        case=case,
        detail={"fields": ["x"]},
    )

    assert (event.target_type, event.target_id, event.case_id) == (
        "cases.Task",
        str(task.public_id),
        str(case.public_id),
    )
    assert event.detail == {"fields": ["x"]}


def test_record_views_writes_one_view_per_case_in_one_query(
    office: Office, adviser: User, django_assert_num_queries: Any
) -> None:
    viewer = viewer_of(adviser)
    cases = [register(viewer) for _ in range(3)]
    before = AuditEvent.objects.count()

    with django_assert_num_queries(1):
        record_views(actor=StaffActor(adviser), office=office, cases=cases, detail={"screen": "dashboard"})

    rows = AuditEvent.objects.order_by("id")[before:]
    assert [(row.action, row.case_id, row.detail) for row in rows] == [
        (AuditAction.VIEW, str(case.public_id), {"screen": "dashboard"}) for case in cases
    ]
    assert {row.actor_label for row in rows} == {adviser.username}


def test_recording_nothing_writes_nothing(office: Office, adviser: User) -> None:
    before = AuditEvent.objects.count()
    record_views(actor=StaffActor(adviser), office=office, cases=[])
    assert AuditEvent.objects.count() == before
