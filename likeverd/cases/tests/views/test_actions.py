from typing import Any

import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.models import CaseStatus, Party, PartyRole, Task
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, upload, url
from likeverd.core import clock

pytestmark = pytest.mark.django_db


def test_closing_without_an_outcome_is_refused_next_to_the_outcome(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)

    response = client.post(
        url("case_status", case.public_id), {"status-to_status": "closed", "status-outcome": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose the outcome before closing the case." in page
    assert 'id="id_status-outcome_error"' in page
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW

    client.post(
        url("case_status", case.public_id), {"status-to_status": "closed", "status-outcome": "advice_given"}
    )
    case.refresh_from_db()
    assert (case.status, case.outcome) == (CaseStatus.CLOSED, "advice_given")


def test_only_the_moves_the_workflow_allows_are_offered(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    page = client_for(adviser).get(url("case_detail", case.public_id)).content.decode()
    assert 'value="sorting"' in page
    assert 'value="closed"' in page
    assert 'value="mediation"' not in page


def test_a_task_is_marked_done_in_place_with_htmx(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    task = services.add_task(
        viewer=viewer_of(adviser), case=case, title="Send the complaint", due_date=clock.today()
    )

    response = client_for(adviser).post(url("task_done", task.public_id), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="task-{task.public_id}"' in response.content.decode()
    assert "Done" in response.content.decode()
    assert Task.objects.get(pk=task.pk).done_at is not None


def test_a_task_and_a_party_are_added_from_their_forms(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)

    client.post(
        url("case_add_task", case.public_id),
        {"task-title": "Ask for the CCTV", "task-due_date": clock.today().isoformat()},
    )
    client.post(
        url("case_add_party", case.public_id),
        {"role": "counterpart", "counterpart_kind": "nightlife", "name": "Club Nord", "language": ""},
    )

    assert case.tasks.get().title == "Ask for the CCTV"
    assert Party.objects.get(case=case, role=PartyRole.COUNTERPART).name == "Club Nord"


def test_an_oversize_file_is_refused_with_a_message_and_the_kind_is_kept(
    office: Office, adviser: User, client_for: ClientFor, settings: Any
) -> None:
    settings.DOCUMENT_MAX_BYTES = 10
    case = register(viewer_of(adviser))

    response = upload(client_for(adviser), case, b"x" * 2000, kind="police_report")
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file is too large" in page
    assert '<option value="police_report" selected>' in page
    assert not case.documents.exists()


def test_a_download_returns_the_original_bytes_as_an_attachment(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)
    original = "Skjermbilde av meldingen: «du hører ikke hjemme her»\n".encode()
    upload(client, case, original, name="melding.txt")

    document = case.documents.get()
    response = client.get(url("document_download", document.public_id))
    assert response.content == original
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
