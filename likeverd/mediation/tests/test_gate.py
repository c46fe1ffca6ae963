"""The gate: the bench never mediates discrimination away (ADR 0011). Refused, with every missing
fact listed, until the facts are established and the person knows the legal routes."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services as case_services
from likeverd.cases.models import Case, CaseStatus
from likeverd.cases.tests.factories import register
from likeverd.core import clock
from likeverd.mediation import services
from likeverd.mediation.models import BenchKind, BenchReferral, Stage
from likeverd.mediation.tests.helpers import case_in_sorting, establish_facts, mediator_in, ready_case

pytestmark = pytest.mark.django_db


def _refer(viewer: Viewer, case: Case, **overrides: Any) -> BenchReferral:
    arguments = {
        "kind": BenchKind.DISCRIMINATION,
        "reasons": "Both want to meet.",
        "routes_told_on": clock.today(),
        **overrides,
    }
    return services.refer_to_bench(viewer=viewer, case=case, **arguments)


def test_a_case_whose_facts_are_not_established_is_refused_with_everything_missing_listed(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = case_in_sorting(viewer)
    with pytest.raises(services.GateClosedError) as refused:
        _refer(viewer, case, routes_told_on=None)
    codes = [item.code for item in refused.value.missing]
    assert codes[0] == "sorting"
    assert "decision" in codes
    assert "step:ground" in codes
    assert "step:questions_both_sides" in codes
    assert codes[-1] == "routes"
    assert "The sorting conversation is not complete." in refused.value.messages[0]
    case.refresh_from_db()
    assert case.status == CaseStatus.SORTING
    assert not BenchReferral.objects.exists()


def test_once_the_facts_are_established_only_the_legal_routes_are_missing(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = ready_case(viewer)
    with pytest.raises(services.GateClosedError) as refused:
        _refer(viewer, case, routes_told_on=None)
    assert [item.code for item in refused.value.missing] == ["routes"]
    referral = _refer(viewer, case)
    case.refresh_from_db()
    assert case.status == CaseStatus.MEDIATION
    assert referral.stage == Stage.REFERRED
    assert referral.reasons == "Both want to meet."
    assert (
        AuditEvent.objects.filter(action=AuditAction.CREATE, target_id=str(referral.public_id)).count() == 1
    )


def test_the_adviser_may_record_why_the_assessment_is_not_needed(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = case_in_sorting(viewer)
    referral = _refer(
        viewer,
        case,
        kind=BenchKind.NEIGHBOURS,
        facts_waiver="A quarrel over the laundry room; nobody claims discrimination.",
    )
    assert referral.kind == BenchKind.NEIGHBOURS
    assert referral.facts_waiver.startswith("A quarrel")


def test_a_waiver_of_blank_space_does_not_open_the_gate(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    with pytest.raises(services.GateClosedError) as refused:
        _refer(viewer, case_in_sorting(viewer), facts_waiver="   \n ")
    assert "sorting" in [item.code for item in refused.value.missing]


def test_the_day_the_person_was_told_cannot_be_in_the_future(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    with pytest.raises(services.GateClosedError) as refused:
        _refer(viewer, ready_case(viewer), routes_told_on=clock.today() + dt.timedelta(days=1))
    assert [item.code for item in refused.value.missing] == ["routes_future"]


def test_reasons_are_required_and_a_new_case_cannot_go_straight_to_the_bench(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    new_case = register(viewer)
    with pytest.raises(services.GateClosedError) as refused:
        _refer(viewer, new_case, reasons=" ", facts_waiver="not needed")
    assert [item.code for item in refused.value.missing] == ["reasons", "status"]


def test_a_case_goes_to_the_bench_once_at_a_time(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = ready_case(viewer)
    _refer(viewer, case)
    case.refresh_from_db()
    with pytest.raises(services.GateClosedError) as refused:
        _refer(viewer, case)
    assert "open_referral" in [item.code for item in refused.value.missing]


def test_the_status_form_cannot_move_a_case_into_mediation_past_the_gate(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = case_in_sorting(viewer)
    with pytest.raises(ValidationError) as refused:
        case_services.change_case_status(viewer=viewer, case=case, to_status=CaseStatus.MEDIATION)
    assert refused.value.error_list[0].code == "bench_only"


@pytest.mark.parametrize(
    "role", [Role.MEDIATOR, Role.COORDINATOR, Role.OFFICE_ADMIN, Role.DATA_PROTECTION_OFFICER]
)
def test_only_an_adviser_sends_a_case_to_the_bench(office: Office, adviser: User, role: Role) -> None:
    case = ready_case(viewer_of(adviser))
    with pytest.raises(PermissionDenied):
        _refer(viewer_of(make_staff(office, role)), case)


def test_another_offices_adviser_cannot_send_the_case(
    office: Office, adviser: User, other_adviser: User
) -> None:
    case = ready_case(viewer_of(adviser))
    with pytest.raises(PermissionDenied):
        _refer(viewer_of(other_adviser), case)
    assert not BenchReferral.objects.exists()


def test_the_mediator_chosen_must_be_a_mediator_of_the_office(
    office: Office, other_office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    with pytest.raises(ValidationError):
        _refer(viewer, ready_case(viewer), mediator=mediator_in(other_office))
    referral = _refer(viewer, ready_case(viewer), mediator=mediator_in(office))
    assert referral.mediator is not None


def test_reopened_facts_close_the_gate_again(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = case_in_sorting(viewer)
    establish_facts(viewer, case)
    from likeverd.triage import assessment_services

    assessment_services.untick_step(viewer=viewer, case=case, step="evidence")
    with pytest.raises(services.GateClosedError) as refused:
        _refer(viewer, case)
    assert [item.code for item in refused.value.missing] == ["step:evidence"]
