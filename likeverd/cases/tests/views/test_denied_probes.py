"""A refused probe (another office's case, task or document; a case the role may not read)
answers 404 like a missing page, and leaves a DENIED row for the data-protection officer of
the prober's office: ids and a reason, nothing personal."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, url
from likeverd.core import clock

pytestmark = pytest.mark.django_db

CASE_PAGES = [
    ("get", "case_detail"),
    ("get", "case_edit"),
    ("post", "case_edit"),
    ("get", "case_classify"),
    ("post", "case_classify"),
    ("get", "case_assign"),
    ("get", "case_status"),
    ("post", "case_status"),
    ("get", "case_add_entry"),
    ("get", "case_add_task"),
    ("get", "case_upload"),
    ("get", "case_add_party"),
    ("get", "case_access_history"),
    ("get", "privacy:case_export"),
]


def _denials(user: User) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(actor=user, action=AuditAction.DENIED))


@pytest.mark.parametrize(("method", "page"), CASE_PAGES)
def test_a_probe_of_another_offices_case_is_a_404_recorded_for_the_dpo(
    adviser: User, other_adviser: User, other_office: Office, client_for: ClientFor, method: str, page: str
) -> None:
    case = register(viewer_of(adviser), person_name="Amina Hassan")

    response = getattr(client_for(other_adviser), method)(url(page, case.public_id))

    assert response.status_code == 404
    [denied] = _denials(other_adviser)
    assert denied.office == other_office
    assert (denied.target_type, denied.target_id, denied.case_id) == ("", "", "")
    assert denied.detail == {
        "reason": "another_office",
        "target_type": "cases.Case",
        "target_id": str(case.public_id),
    }


def test_probes_of_another_offices_task_and_document_are_recorded(
    adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    task = services.add_task(viewer=viewer, case=case, title="Call back", due_date=clock.today())
    document = services.upload_document(
        viewer=viewer,
        case=case,
        upload=SimpleUploadedFile("note.txt", b"hello", "text/plain"),
        kind="evidence",
    )
    prober = client_for(other_adviser)

    assert prober.post(url("task_done", task.public_id)).status_code == 404
    assert prober.get(url("document_download", document.public_id)).status_code == 404

    assert {
        (event.detail["target_type"], event.detail["target_id"]) for event in _denials(other_adviser)
    } == {
        ("cases.Task", str(task.public_id)),
        ("cases.Document", str(document.public_id)),
    }


def test_a_mediators_probe_of_a_case_off_the_bench_is_recorded_as_not_permitted(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    mediator = make_staff(office, Role.MEDIATOR)

    assert client_for(mediator).get(url("case_detail", case.public_id)).status_code == 404

    [denied] = _denials(mediator)
    assert denied.office == office
    assert denied.detail["reason"] == "not_permitted"


def test_an_address_that_names_nothing_is_a_plain_404(adviser: User, client_for: ClientFor) -> None:
    missing = "00000000-0000-4000-8000-000000000000"
    assert client_for(adviser).get(url("case_detail", missing)).status_code == 404
    assert _denials(adviser) == []


def test_a_form_body_over_the_documented_limit_is_refused(adviser: User, client_for: ClientFor) -> None:
    from django.conf import settings as django_settings

    case = register(viewer_of(adviser), narrative="First version")
    too_big = "x" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client_for(adviser).post(url("case_edit", case.public_id), {"narrative": too_big})

    assert response.status_code == 400
    case.refresh_from_db()
    assert case.narrative == "First version"
