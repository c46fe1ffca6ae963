"""The bureau checklist and the decision: steps ticked with who and when (and unticked), a
decision with reasons (encrypted, on the timeline, never overwritten unseen), and
`assessment_state`, the summary the mediation bench reads for its gate."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from likeverd.accounts.models import User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import Case, CaseEvent
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, url
from likeverd.triage import assessment_services, selectors, services
from likeverd.triage.assessment_services import DECISION_EVENT
from likeverd.triage.models import AssessmentDecision, AssessmentStep, BureauStep, DecisionAction
from likeverd.triage.services import SortingAnswers

pytestmark = pytest.mark.django_db

FULL = SortingAnswers(
    what_happened="Refused at the door",
    when="Saturday night",
    where="Club Nova",
    who_was_present="Two friends",
    evidence="A video",
    wants="An apology",
)


def decide(
    user: User, case: Case, *actions: str, reasons: str = "The facts are clear."
) -> AssessmentDecision:
    current = AssessmentDecision.objects.filter(case=case).first()
    return assessment_services.record_decision(
        viewer=viewer_of(user),
        case=case,
        actions=actions,
        reasons=reasons,
        expected_updated_at=current.updated_at if current else None,
    )


def test_a_new_case_misses_everything_in_the_bureaus_order(adviser: User) -> None:
    case = register(viewer_of(adviser))
    state = selectors.assessment_state(case)
    assert not state.sorting_complete
    assert state.decision is None
    assert state.missing == ["sorting", *[f"step:{step}" for step in BureauStep.values], "decision"]
    assert not state.is_ready


def test_the_state_is_ready_once_sorted_every_step_ticked_and_decided(adviser: User) -> None:
    case = register(viewer_of(adviser))
    viewer = viewer_of(adviser)
    services.save_sorting(viewer=viewer, case=case, answers=FULL)
    services.complete_sorting(viewer=viewer, case=case)
    for step in BureauStep.values:
        assessment_services.tick_step(viewer=viewer, case=case, step=step)
    decide(adviser, case, DecisionAction.MEDIATION, DecisionAction.REFER)

    state = selectors.assessment_state(case)
    assert state.is_ready
    assert state.missing == []
    assert state.mediation_decided
    assert state.decision is not None
    assert state.decision.actions == ("mediation", "refer")


def test_a_tick_says_who_and_when_and_an_untick_is_audited(adviser: User) -> None:
    case = register(viewer_of(adviser))
    viewer = viewer_of(adviser)
    first = assessment_services.tick_step(viewer=viewer, case=case, step=BureauStep.LIMITATION)
    again = assessment_services.tick_step(viewer=viewer, case=case, step=BureauStep.LIMITATION)
    assert first.pk == again.pk
    assert first.done_by == adviser
    assert "step:limitation" not in selectors.assessment_state(case).missing

    assessment_services.untick_step(viewer=viewer, case=case, step=BureauStep.LIMITATION)
    assert not AssessmentStep.objects.filter(case=case).exists()
    assert "step:limitation" in selectors.assessment_state(case).missing
    ticks = AuditEvent.objects.filter(target_type="triage.AssessmentStep", actor=adviser)
    assert [(e.action, e.detail) for e in ticks] == [(AuditAction.CREATE, {"step": "limitation"})]
    untick = AuditEvent.objects.filter(case_id=str(case.public_id), detail__has_key="unticked").get()
    assert untick.action == AuditAction.CHANGE
    assert untick.detail["unticked"]["step"] == "limitation"


def test_an_unknown_step_is_refused(adviser: User) -> None:
    case = register(viewer_of(adviser))
    with pytest.raises(ValidationError):
        assessment_services.tick_step(viewer=viewer_of(adviser), case=case, step="vibes")


def test_a_decision_needs_an_action_and_reasons_and_advice_only_stands_alone(adviser: User) -> None:
    case = register(viewer_of(adviser))
    for actions, reasons, code in [
        ((), "Reasons", "no_action"),
        (("court",), "   ", "no_reasons"),
        (("advice_only", "police_report"), "Reasons", "advice_only_alone"),
        (("appeal_to_the_king",), "Reasons", "unknown_action"),
    ]:
        with pytest.raises(ValidationError) as refused:
            decide(adviser, case, *actions, reasons=reasons)
        assert refused.value.code == code
    assert not AssessmentDecision.objects.exists()


def test_a_decision_is_on_the_timeline_with_its_reasons_encrypted(adviser: User) -> None:
    case = register(viewer_of(adviser))
    decide(adviser, case, "police_report", "help_to_complain", reasons="Slur caught on video")
    entry = CaseEvent.objects.get(case=case, kind=DECISION_EVENT)
    assert entry.data == {"actions": ["help_to_complain", "police_report"]}
    assert entry.body == "Slur caught on video"
    with connection.cursor() as cursor:
        cursor.execute("SELECT reasons FROM triage_assessmentdecision")
        [(stored,)] = cursor.fetchall()
    assert b"Slur" not in bytes(stored)
    [audited] = AuditEvent.objects.filter(target_type="triage.AssessmentDecision", action=AuditAction.CREATE)
    assert audited.detail == {"actions": ["help_to_complain", "police_report"]}


def test_a_decision_changed_by_someone_else_meanwhile_is_refused(adviser: User) -> None:
    case = register(viewer_of(adviser))
    first = decide(adviser, case, "advice_only")
    opened = first.updated_at
    decide(adviser, case, "court")
    with pytest.raises(ValidationError) as refused:
        assessment_services.record_decision(
            viewer=viewer_of(adviser),
            case=case,
            actions=["negotiate"],
            reasons="x",
            expected_updated_at=opened,
        )
    assert refused.value.code == "stale"
    assert AssessmentDecision.objects.get(case=case).action_codes == ["court"]
    assert CaseEvent.objects.filter(case=case, kind=DECISION_EVENT).count() == 2


def test_another_office_cannot_tick_or_decide(adviser: User, other_adviser: User) -> None:
    case = register(viewer_of(adviser))
    with pytest.raises(PermissionDenied):
        assessment_services.tick_step(viewer=viewer_of(other_adviser), case=case, step="ground")
    with pytest.raises(PermissionDenied):
        assessment_services.untick_step(viewer=viewer_of(other_adviser), case=case, step="ground")
    with pytest.raises(PermissionDenied):
        decide(other_adviser, case, "court")


def test_the_page_ticks_unticks_and_records_a_decision(adviser: User, client_for: ClientFor) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)
    ticked = client.post(url("triage:assessment_step", case.public_id, "evidence"), {"action": "tick"})
    assert ticked.status_code == 302
    assert ticked["Location"].endswith("#step-evidence")
    page = client.get(url("triage:assessment", case.public_id)).content.decode()
    assert "done by" in page
    client.post(url("triage:assessment_step", case.public_id, "evidence"), {"action": "untick"})
    assert not AssessmentStep.objects.filter(case=case).exists()

    refused = client.post(
        url("triage:assessment_decision", case.public_id),
        {"updated_at": "", "actions": ["advice_only", "court"], "reasons": "Because"},
    )
    assert refused.status_code == 200
    assert "cannot be combined" in refused.content.decode()
    decided = client.post(
        url("triage:assessment_decision", case.public_id),
        {"updated_at": "", "actions": ["police_report", "refer"], "reasons": "Threats; needs housing help"},
    )
    assert decided.status_code == 302
    timeline = client.get(url("case_detail", case.public_id)).content.decode()
    assert "Decided: Police report, Refer to another service" in timeline
    assert "Threats; needs housing help" in timeline


def test_a_stale_decision_form_keeps_both_versions(adviser: User, client_for: ClientFor) -> None:
    case = register(viewer_of(adviser))
    decide(adviser, case, "court", reasons="Saved reasons")
    response = client_for(adviser).post(
        url("triage:assessment_decision", case.public_id),
        {"updated_at": "", "actions": ["negotiate"], "reasons": "My new reasons"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else recorded a decision" in page
    assert "Saved reasons" in page
    assert "My new reasons" in page
    assert AssessmentDecision.objects.get(case=case).reasons == "Saved reasons"


def test_an_unknown_step_address_is_a_404(adviser: User, client_for: ClientFor) -> None:
    case = register(viewer_of(adviser))
    response = client_for(adviser).post(url("triage:assessment_step", case.public_id, "vibes"), {})
    assert response.status_code == 404
