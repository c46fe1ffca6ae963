import pytest
from django.core.exceptions import PermissionDenied

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_a_case_record_export_is_complete_and_refused_to_other_offices(
    office: Office, adviser: User, other_adviser: User
) -> None:
    from django.http import Http404

    from likeverd.privacy import exports

    case = register(viewer_of(adviser), person_name="Amina Hassan", narrative="hijab on the tram")
    record = exports.export_case_record(viewer=viewer_of(adviser), public_id=str(case.public_id))
    assert record["narrative"] == "hijab on the tram"
    assert record["parties"][0]["name"] == "Amina Hassan"
    with pytest.raises(Http404):
        exports.export_case_record(viewer=viewer_of(other_adviser), public_id=str(case.public_id))
    coordinator = viewer_of(make_staff(office, Role.COORDINATOR))
    with pytest.raises(PermissionDenied):
        exports.export_case_record(viewer=coordinator, public_id=str(case.public_id))


def test_a_case_record_export_holds_the_sorting_conversation_checklist_and_decision(adviser: User) -> None:
    from likeverd.privacy import exports
    from likeverd.triage import assessment_services, services
    from likeverd.triage.services import SortingAnswers

    viewer = viewer_of(adviser)
    case = register(viewer)
    services.save_sorting(
        viewer=viewer,
        case=case,
        answers=SortingAnswers(what_happened="Spat at", other_problems=["no_papers"]),
    )
    services.add_evidence(viewer=viewer, case=case, description="Video", held_by="A friend")
    assessment_services.tick_step(viewer=viewer, case=case, step="ground")
    assessment_services.record_decision(
        viewer=viewer, case=case, actions=["police_report"], reasons="Assault"
    )

    record = exports.export_case_record(viewer=viewer, public_id=str(case.public_id))
    assert record["sorting_conversation"]["what_happened"] == "Spat at"
    assert record["sorting_conversation"]["other_problems"] == ["no_papers"]
    assert record["sorting_conversation"]["evidence_items"][0]["held_by"] == "A friend"
    assert [step["step"] for step in record["checklist"]] == ["ground"]
    assert record["decision"]["reasons"] == "Assault"
