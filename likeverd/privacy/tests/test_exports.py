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


def test_a_case_record_export_holds_the_mediation_bench(office: Office, adviser: User) -> None:
    """The person's right of access reaches the bench: the referral, consents, talks and notes,
    meetings with times and place, and the agreement, decrypted; the signed copy is listed only."""
    import datetime as dt

    import time_machine
    from django.core.files.uploadedfile import SimpleUploadedFile

    from likeverd.core import clock
    from likeverd.mediation import services as bench
    from likeverd.mediation.tests.helpers import consented, mediator_in, meeting_plan
    from likeverd.privacy import exports

    adviser_viewer = viewer_of(adviser)
    mediator = mediator_in(office)
    mediating = viewer_of(mediator)
    referral = consented(adviser_viewer, mediator)
    bench.add_talk(
        viewer=mediating, referral=referral, side="person", held_on=clock.today(), note="Afraid of him"
    )
    bench.add_note(viewer=mediating, referral=referral, body="Both calm on the phone")
    meeting = bench.schedule_meeting(viewer=mediating, referral=referral, plan=meeting_plan())
    with time_machine.travel(meeting.ends_at, tick=False):
        bench.mark_meeting_held(viewer=mediating, meeting=meeting)
        bench.save_agreement(viewer=mediating, referral=referral, text="He greets her; she greets him.")
        bench.upload_signed(
            viewer=mediating,
            referral=referral,
            upload=SimpleUploadedFile("signed.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        )
        follow_up_on = clock.today() + dt.timedelta(days=30)
        bench.record_outcome(
            viewer=mediating, referral=referral, outcome="agreement", follow_up_on=follow_up_on
        )
    other_case = register(adviser_viewer, person_name="Someone else")

    officer = viewer_of(make_staff(office, Role.DATA_PROTECTION_OFFICER))
    record = exports.export_case_record(viewer=officer, public_id=str(referral.case.public_id))
    [exported] = record["mediation"]
    assert exported["kind"] == referral.kind
    assert exported["stage"] == "follow_up"
    assert exported["outcome"] == "agreement"
    assert exported["follow_up_on"] == follow_up_on.isoformat()
    assert exported["reasons"] == "The facts are clear and both want a meeting."
    assert exported["mediator"] == mediator.get_username()
    assert sorted(c["side"] for c in exported["consents"]) == ["counterpart", "person"]
    assert exported["preparatory_talks"] == [
        {"side": "person", "held_on": clock.today().isoformat(), "note": "Afraid of him"}
    ]
    assert [n["text"] for n in exported["mediator_notes"]] == ["Both calm on the phone"]
    [exported_meeting] = exported["meetings"]
    assert exported_meeting["starts_at"] == meeting.starts_at.isoformat()
    assert exported_meeting["place"] == "Meeting room 2"
    assert exported_meeting["held_at"] != ""
    assert exported["agreement"]["text"] == "He greets her; she greets him."
    assert exported["agreement"]["signed_copy_content_type"] == "application/pdf"
    assert "%PDF" not in str(record)  # the signed copy is listed, not included
    # Another case of the same person's office carries none of it.
    assert exports.export_case_record(viewer=officer, public_id=str(other_case.public_id))["mediation"] == []
