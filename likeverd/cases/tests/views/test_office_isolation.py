import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, search, upload, url
from likeverd.core import clock

pytestmark = pytest.mark.django_db


def test_another_office_cannot_open_a_case_its_document_or_its_task(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser), narrative="Refused a flat")
    upload(client_for(adviser), case, b"the landlord's message")
    document = case.documents.get()
    task = services.add_task(viewer=viewer_of(adviser), case=case, title="Call back", due_date=clock.today())
    bergen = client_for(other_adviser)

    assert bergen.get(url("case_detail", case.public_id)).status_code == 404
    assert bergen.get(url("document_download", document.public_id)).status_code == 404
    assert bergen.post(url("task_done", task.public_id)).status_code == 404
    assert bergen.post(url("case_edit", case.public_id), {"narrative": "x"}).status_code == 404
    task.refresh_from_db()
    assert task.done_at is None


def test_another_offices_cases_are_not_listed_or_found(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser), narrative="Harassed on the tram")
    link = url("case_detail", case.public_id)
    oslo, bergen = client_for(adviser), client_for(other_adviser)

    assert link in oslo.get(url("case_list")).content.decode()
    assert link in search(oslo, q="tram").content.decode()
    assert link not in bergen.get(url("case_list")).content.decode()
    assert link not in search(bergen, q="tram").content.decode()
    assert link not in search(bergen, q=case.number).content.decode()
