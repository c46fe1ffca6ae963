"""The case page, the dashboard and the CSV export cost the same number of queries however much
a case or an office holds: a later panel or column that queries per row (N+1) fails here."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.cases import services
from likeverd.cases.models import Case, EventKind, PartyRole
from likeverd.cases.services import Classification, PersonDetails
from likeverd.cases.tests.factories import register, term
from likeverd.cases.tests.pages import ClientFor, url
from likeverd.core import clock
from likeverd.taxonomy.models import TermKind

pytestmark = pytest.mark.django_db


def _count(request: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as queries:
        request()
    return len(queries.captured_queries)


def _work_on(viewer: Viewer, case: Case, n: int) -> None:
    """n of everything a case page shows: parties, tasks, documents, timeline entries, terms."""
    grounds = [term(TermKind.GROUND, code) for code in ("ETHNICITY", "RELIGION")]
    services.classify_case(
        viewer=viewer, case=case, classification=Classification(grounds=grounds[: min(n, 2)])
    )
    for index in range(n):
        services.add_party(
            viewer=viewer,
            case=case,
            role=PartyRole.COUNTERPART,
            details=PersonDetails(name=f"Counterpart {index}"),
            counterpart_kind="landlord",
        )
        task = services.add_task(viewer=viewer, case=case, title=f"Task {index}", due_date=clock.today())
        if index % 2:
            services.complete_task(viewer=viewer, task=task)
        services.upload_document(
            viewer=viewer, case=case, upload=SimpleUploadedFile(f"n{index}.txt", b"hello", "text/plain")
        )
        services.add_timeline_entry(viewer=viewer, case=case, kind=EventKind.NOTE, body=f"Note {index}")


def test_the_case_page_costs_the_same_queries_for_a_small_and_a_busy_case(
    office: Office, adviser: User, client_for: ClientFor, django_assert_num_queries: Any
) -> None:
    viewer = viewer_of(adviser)
    small, busy = register(viewer, person_name="Amina Hassan"), register(viewer, person_name="Ola Nordmann")
    _work_on(viewer, small, 1)
    _work_on(viewer, busy, 6)
    # The busy case's counterparts are clients elsewhere: its conflict box is full too.
    for index in range(6):
        register(viewer, person_name=f"Counterpart {index}")
    client = client_for(adviser)
    client.get(url("case_detail", small.public_id))  # the session and language settle first

    few = _count(lambda: client.get(url("case_detail", small.public_id)))
    with django_assert_num_queries(few):
        page = client.get(url("case_detail", busy.public_id)).content.decode()
    assert "Counterpart 5" in page
    assert "Possible conflict of interest" in page


def test_the_dashboard_costs_the_same_queries_for_few_and_many_tasks(
    office: Office, adviser: User, client_for: ClientFor, django_assert_num_queries: Any
) -> None:
    viewer = viewer_of(adviser)
    client = client_for(adviser)

    def add_cases(n: int) -> None:
        for index in range(n):
            case = register(viewer)
            services.assign_case(viewer=viewer, case=case, assignee=adviser)
            services.add_task(viewer=viewer, case=case, title=f"Task {index}", due_date=clock.today())

    add_cases(1)
    client.get(url("dashboard"))
    few = _count(lambda: client.get(url("dashboard")))
    add_cases(12)
    with django_assert_num_queries(few):
        page = client.get(url("dashboard")).content.decode()
    assert "Task 11" in page


def test_the_csv_export_costs_the_same_queries_for_few_and_many_cases(
    office: Office, adviser: User, client_for: ClientFor, django_assert_num_queries: Any
) -> None:
    viewer = viewer_of(adviser)
    client = client_for(adviser)
    grounds = [term(TermKind.GROUND, "ETHNICITY")]

    def add_cases(n: int) -> None:
        for _ in range(n):
            case = register(viewer)
            services.classify_case(viewer=viewer, case=case, classification=Classification(grounds=grounds))
            services.assign_case(viewer=viewer, case=case, assignee=adviser)

    def export() -> str:
        response = client.get(url("case_list_export"))
        return b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]

    add_cases(2)
    export()
    few = _count(export)
    add_cases(20)
    with django_assert_num_queries(few):
        body = export()
    assert len(body.strip().splitlines()) == 23
