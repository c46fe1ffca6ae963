"""The sorting conversation's screen: filled in any order across saves, resumed, completed only
when what must be there is there, a stale form refused with both versions kept, office-bound,
posted once, and every read and write audited."""

from typing import Any

import pytest

from likeverd.accounts.models import User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import Case
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, url
from likeverd.core.once import FIELD_NAME
from likeverd.triage import services
from likeverd.triage.models import SortingEvidence, SortingRecord
from likeverd.triage.services import SortingAnswers

pytestmark = pytest.mark.django_db

EMPTY = {
    "what_happened": "",
    "when": "",
    "where": "",
    "who_was_present": "",
    "evidence": "",
    "wants": "",
    "other_problems_notes": "",
    "birth_date": "",
}


def version(case: Case) -> str:
    record = SortingRecord.objects.filter(case=case).first()
    return record.updated_at.isoformat() if record is not None else ""


def post(client: Any, case: Case, **answers: Any) -> Any:
    return client.post(
        url("triage:conversation", case.public_id), {**EMPTY, "updated_at": version(case), **answers}
    )


def audit(case: Case, action: AuditAction, target_type: str) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(case_id=str(case.public_id), action=action, target_type=target_type)
    )


def test_answers_given_in_any_order_across_two_saves_are_kept_and_resumed(
    adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)

    first = post(client, case, wants="An apology from the club", section="wants")
    assert first.status_code == 302
    assert first["Location"].endswith("#wants")
    page = client.get(url("triage:conversation", case.public_id))
    assert "An apology from the club" in page.content.decode()
    second = post(
        client,
        case,
        wants="An apology from the club",
        where="Club Nova, Oslo",
        other_problems=["housing", "residence_permit"],
        section="problems",
    )
    assert second.status_code == 302

    record = SortingRecord.objects.get(case=case)
    assert (record.wants, record.where) == ("An apology from the club", "Club Nova, Oslo")
    assert record.problems == ["housing", "residence_permit"]
    assert not record.is_complete


def test_marking_complete_says_what_is_missing_and_keeps_what_was_saved(
    adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)

    response = post(client, case, what_happened="Refused at the door", complete="1")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Still missing" in page
    assert "who was present" in page
    record = SortingRecord.objects.get(case=case)
    assert record.what_happened == "Refused at the door"
    assert not record.is_complete

    done = post(
        client,
        case,
        what_happened="Refused at the door",
        when="Saturday 14 November, 23:30",
        where="Club Nova, Oslo",
        who_was_present="Two friends and the door staff",
        evidence="A friend filmed it",
        wants="An apology",
        complete="1",
    )
    assert done.status_code == 302
    assert done["Location"] == url("triage:assessment", case.public_id)
    assert SortingRecord.objects.get(case=case).is_complete


def test_a_stale_form_is_refused_and_shows_both_versions(adviser: User, client_for: ClientFor) -> None:
    case = register(viewer_of(adviser))
    colleague = make_staff(adviser.memberships.get().office, Role.ADVISER, username="colleague")
    services.save_sorting(viewer=viewer_of(adviser), case=case, answers=SortingAnswers(where="Tram 11"))
    opened = version(case)
    services.save_sorting(
        viewer=viewer_of(colleague), case=case, answers=SortingAnswers(where="Tram 11, Grünerløkka")
    )

    response = client_for(adviser).post(
        url("triage:conversation", case.public_id),
        {**EMPTY, "updated_at": opened, "where": "Tram 12", "what_happened": "Shouted at"},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this conversation" in page
    assert "Tram 12" in page
    assert "Tram 11, Grünerløkka" in page
    record = SortingRecord.objects.get(case=case)
    assert (record.where, record.what_happened) == ("Tram 11, Grünerløkka", "")
    # Saving again from the refused form goes through: it now carries the current version.
    assert response.context["form"]["updated_at"].value() == record.updated_at.isoformat()


def test_a_bad_birth_date_is_refused_next_to_its_field_and_the_text_is_kept(
    adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    response = post(client_for(adviser), case, birth_date="31.02.2010", what_happened="At school")
    assert response.status_code == 200
    assert response.context["form"].errors["birth_date"]
    assert "At school" in response.content.decode()
    assert not SortingRecord.objects.filter(case=case).exists()


def test_the_same_form_posted_twice_saves_once(adviser: User, client_for: ClientFor) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)
    page = client.get(url("triage:conversation", case.public_id))
    token = page.content.decode().split(f'name="{FIELD_NAME}" value="')[1].split('"')[0]
    data = {**EMPTY, "updated_at": "", "what_happened": "Called a slur", FIELD_NAME: token}
    first = client.post(url("triage:conversation", case.public_id), data)
    second = client.post(url("triage:conversation", case.public_id), data)
    assert first.status_code == second.status_code == 302
    assert len(audit(case, AuditAction.CREATE, "triage.SortingRecord")) == 1
    assert not audit(case, AuditAction.CHANGE, "triage.SortingRecord")


def test_reading_the_conversation_is_audited(adviser: User, client_for: ClientFor) -> None:
    case = register(viewer_of(adviser))
    services.save_sorting(viewer=viewer_of(adviser), case=case, answers=SortingAnswers(where="Tram 11"))
    client_for(adviser).get(url("triage:conversation", case.public_id))
    assert len(audit(case, AuditAction.VIEW, "triage.SortingRecord")) == 1


def test_evidence_is_added_with_the_answers_typed_so_far_then_secured_and_removed(
    adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)
    added = post(
        client,
        case,
        wants="An apology",
        add_evidence="1",
        **{"ev-item": "", "ev-description": "Screenshot of the post", "ev-held_by": "The person"},
    )
    assert added.status_code == 302
    assert added["Location"].endswith("#evidence-list")
    assert SortingRecord.objects.get(case=case).wants == "An apology"  # nothing typed is lost
    piece = SortingEvidence.objects.get(record__case=case)
    assert (piece.description, piece.held_by, piece.is_secured) == (
        "Screenshot of the post",
        "The person",
        False,
    )

    post(client, case, wants="An apology", evidence_action=f"secured:{piece.public_id}")
    piece.refresh_from_db()
    assert piece.is_secured
    post(client, case, wants="An apology", evidence_action=f"remove:{piece.public_id}")
    assert not SortingEvidence.objects.filter(record__case=case).exists()


def test_evidence_typed_but_not_added_is_added_by_any_save(adviser: User, client_for: ClientFor) -> None:
    case = register(viewer_of(adviser))
    post(client_for(adviser), case, section="what", **{"ev-description": "Receipt from the bar"})
    assert SortingEvidence.objects.get(record__case=case).description == "Receipt from the bar"


def test_an_empty_piece_of_evidence_is_refused_and_the_answers_are_kept(
    adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    response = post(
        client_for(adviser), case, what_happened="Refused", add_evidence="1", **{"ev-description": "  "}
    )
    assert response.status_code == 200
    assert "Choose an item from the checklist or say what the evidence is." in response.content.decode()
    assert not SortingEvidence.objects.exists()
    assert SortingRecord.objects.get(case=case).what_happened == "Refused"


@pytest.mark.parametrize(
    ("method", "page"),
    [
        ("get", "triage:conversation"),
        ("post", "triage:conversation"),
        ("get", "triage:assessment"),
        ("post", "triage:assessment_decision"),
    ],
)
def test_another_offices_case_is_a_404_with_a_denied_row(
    adviser: User, other_adviser: User, client_for: ClientFor, method: str, page: str
) -> None:
    case = register(viewer_of(adviser), person_name="Amina Hassan")
    services.save_sorting(viewer=viewer_of(adviser), case=case, answers=SortingAnswers(where="Tram 11"))

    response = getattr(client_for(other_adviser), method)(
        url(page, case.public_id),
        {**EMPTY, "where": "Overwritten", "actions": ["advice_only"], "reasons": "x"},
    )

    assert response.status_code == 404
    assert AuditEvent.objects.filter(actor=other_adviser, action=AuditAction.DENIED).count() == 1
    assert SortingRecord.objects.get(case=case).where == "Tram 11"


def test_another_offices_evidence_is_a_404_with_a_denied_row(
    adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    piece = services.add_evidence(viewer=viewer_of(adviser), case=case, description="Receipt")
    own = register(viewer_of(other_adviser))
    response = post(client_for(other_adviser), own, evidence_action=f"remove:{piece.public_id}")
    assert response.status_code == 404
    assert SortingEvidence.objects.filter(pk=piece.pk).exists()
    [denied] = AuditEvent.objects.filter(actor=other_adviser, action=AuditAction.DENIED)
    assert denied.detail["target_id"] == str(piece.public_id)
    assert denied.detail["reason"] == "another_office"


def test_evidence_of_another_case_cannot_be_changed_through_this_one(
    adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    other = register(viewer_of(adviser))
    piece = services.add_evidence(viewer=viewer_of(adviser), case=other, description="Receipt")
    response = post(client_for(adviser), case, evidence_action=f"remove:{piece.public_id}")
    assert response.status_code == 404
    assert SortingEvidence.objects.filter(pk=piece.pk).exists()
