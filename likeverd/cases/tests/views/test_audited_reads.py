"""Every screen that shows decrypted personal data leaves a VIEW row in the audit log, not
only the case page: the saved narrative beside a stale edit, the parties' names on the
add-party page, task titles on the dashboard and in the answer to a repeated "done"."""

import datetime as dt

import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services
from likeverd.cases.models import Case, EventKind
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, url
from likeverd.core import clock

pytestmark = pytest.mark.django_db


def _views(user: User, case: Case) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(actor=user, action=AuditAction.VIEW, case_id=str(case.public_id)))


def test_a_stale_edit_that_shows_the_saved_narrative_is_recorded(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    author = make_staff(office, Role.ADVISER)
    case = register(viewer_of(author), narrative="Saved version with a name in it")
    opened_at = case.updated_at.isoformat()
    services.add_timeline_entry(viewer=viewer_of(author), case=case, kind=EventKind.NOTE, body="Later")
    form = {"channel": "phone", "narrative": "My rewrite", "incident_date": "2025", "updated_at": opened_at}

    page = client_for(adviser).post(url("case_edit", case.public_id), form).content.decode()

    assert "Saved version with a name in it" in page
    assert [event.detail for event in _views(adviser, case)] == [{"screen": "edit_stale"}]


def test_the_add_party_page_that_lists_the_parties_names_is_recorded(
    adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser), person_name="Amina Hassan")
    reader = client_for(adviser)

    page = reader.get(url("case_add_party", case.public_id)).content.decode()

    assert "Amina Hassan" in page
    assert [event.detail for event in _views(adviser, case)] == [{"screen": "add_party"}]


def test_the_dashboard_records_a_read_of_each_case_whose_task_titles_it_shows(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    with_task, without_task = register(viewer), register(viewer)
    services.add_task(
        viewer=viewer, case=with_task, title="Call Amina back", due_date=clock.today() + dt.timedelta(days=2)
    )

    page = client_for(adviser).get(url("dashboard")).content.decode()

    assert "Call Amina back" in page
    assert [event.detail for event in _views(adviser, with_task)] == [{"screen": "dashboard"}]
    assert _views(adviser, without_task) == []


def test_a_repeated_task_done_that_shows_the_title_again_is_recorded(
    adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    task = services.add_task(viewer=viewer, case=case, title="Send the letter", due_date=clock.today())
    client = client_for(adviser)
    client.post(url("task_done", task.public_id), headers={"HX-Request": "true"})
    assert _views(adviser, case) == []  # the first "done" is a change, audited as one

    again = client.post(url("task_done", task.public_id), headers={"HX-Request": "true"})

    assert "Send the letter" in again.content.decode()
    assert [event.detail for event in _views(adviser, case)] == [{"screen": "task_done"}]
