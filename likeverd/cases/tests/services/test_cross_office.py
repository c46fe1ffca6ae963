"""Every write service refuses a case of another office (PermissionDenied) and writes nothing:
no change, no timeline event, no audit row. One test per service, all from one table."""

import inspect
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from likeverd.accounts.models import User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditEvent
from likeverd.cases import services
from likeverd.cases.models import Case, CaseStatus, Channel, EventKind, PartyRole, Task
from likeverd.cases.services import CaseDetails, Classification, PersonDetails
from likeverd.cases.tests.factories import register
from likeverd.core import clock

pytestmark = pytest.mark.django_db

Write = Callable[[Viewer, Case, Task], Any]

WRITES: dict[str, Write] = {
    "update_case_details": lambda v, c, t: services.update_case_details(
        viewer=v, case=c, details=CaseDetails(channel=Channel.EMAIL, narrative="Overwritten")
    ),
    "classify_case": lambda v, c, t: services.classify_case(
        viewer=v, case=c, classification=Classification()
    ),
    "assign_case": lambda v, c, t: services.assign_case(viewer=v, case=c, assignee=None),
    "change_case_status": lambda v, c, t: services.change_case_status(
        viewer=v, case=c, to_status=CaseStatus.SORTING
    ),
    "add_timeline_entry": lambda v, c, t: services.add_timeline_entry(
        viewer=v, case=c, kind=EventKind.NOTE, body="Written from elsewhere"
    ),
    "add_task": lambda v, c, t: services.add_task(viewer=v, case=c, title="x", due_date=clock.today()),
    "complete_task": lambda v, c, t: services.complete_task(viewer=v, task=t),
    "add_party": lambda v, c, t: services.add_party(
        viewer=v, case=c, role=PartyRole.WITNESS, details=PersonDetails(name="Someone")
    ),
    "upload_document": lambda v, c, t: services.upload_document(
        viewer=v, case=c, upload=SimpleUploadedFile("n.txt", b"hello", "text/plain"), kind="evidence"
    ),
    "mark_not_spam": lambda v, c, t: services.mark_not_spam(viewer=v, case=c),
}


def test_the_table_names_every_write_service_on_a_case() -> None:
    # A new write service taking a case (or a task) must be added to WRITES above.
    reads = {"read_document", "document_path"}
    takes_a_case = {
        name
        for name in services.__all__
        if name not in reads
        and inspect.isfunction(getattr(services, name))
        and {"case", "task"} & set(inspect.signature(getattr(services, name)).parameters)
    }
    # create_party and add_document take an actor, not a viewer: their callers (open_case, the
    # public form) have chosen the case's office themselves; so do the import's history writes
    # (classify_case_as refuses a case of another office than the one given: tested in
    # likeverd/setup/imports/tests/test_import.py).
    actor_writes = {"create_party", "add_document", "classify_case_as", "record_past_status"}
    assert takes_a_case - actor_writes == set(WRITES)


@pytest.mark.parametrize("write", list(WRITES.values()), ids=list(WRITES))
def test_a_write_service_refuses_another_offices_case(
    adviser: User, other_adviser: User, write: Write
) -> None:
    owner = viewer_of(adviser)
    case = register(owner, narrative="Original")
    task = services.add_task(viewer=owner, case=case, title="Open task", due_date=clock.today())
    case.refresh_from_db()

    def state() -> tuple[object, ...]:
        counts = (case.events.count(), case.tasks.count(), case.parties.count(), case.documents.count())
        return (case.updated_at, AuditEvent.objects.count(), *counts)

    before = state()

    with pytest.raises(PermissionDenied):
        write(viewer_of(other_adviser), case, task)

    case.refresh_from_db()
    task.refresh_from_db()
    assert state() == before
    assert (case.narrative, case.status, case.channel) == ("Original", CaseStatus.NEW, Channel.PHONE)
    assert task.done_at is None
