"""The bench from referral to follow-up, as services: consent, talks, meetings (and where they
may be held), outcomes, withdrawal at any time, handing back, and who closes the case."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import CaseEvent, CaseStatus, Outcome
from likeverd.core import clock
from likeverd.mediation import selectors, services
from likeverd.mediation.models import BenchOutcome, ConsentManner, PlaceKind, Side, Stage
from likeverd.mediation.tests.helpers import consented, mediator_in, meeting_plan, referred

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]


def test_consent_starts_the_preparation_and_each_party_consents_once(office: Office, adviser: User) -> None:
    mediator = mediator_in(office)
    referral = referred(viewer_of(adviser), mediator=mediator)
    mediating = viewer_of(mediator)
    consent = services.record_consent(
        viewer=mediating,
        referral=referral,
        side=Side.PERSON,
        given_on=clock.today(),
        manner=ConsentManner.IN_PERSON,
    )
    referral.refresh_from_db()
    assert referral.stage == Stage.PREPARING
    assert consent.manner == ConsentManner.IN_PERSON
    with pytest.raises(ValidationError):
        services.record_consent(
            viewer=mediating,
            referral=referral,
            side=Side.PERSON,
            given_on=clock.today(),
            manner=ConsentManner.PHONE,
        )
    with pytest.raises(ValidationError):
        services.record_consent(
            viewer=mediating,
            referral=referral,
            side=Side.COUNTERPART,
            given_on=clock.today() + dt.timedelta(days=1),
            manner=ConsentManner.PHONE,
        )
    with pytest.raises(ValidationError):
        services.record_consent(
            viewer=mediating,
            referral=referral,
            side="neighbour",
            given_on=clock.today(),
            manner=ConsentManner.PHONE,
        )


def test_no_meeting_is_planned_before_both_parties_consent(office: Office, adviser: User) -> None:
    mediator = mediator_in(office)
    referral = referred(viewer_of(adviser), mediator=mediator)
    mediating = viewer_of(mediator)
    services.record_consent(
        viewer=mediating,
        referral=referral,
        side=Side.PERSON,
        given_on=clock.today(),
        manner=ConsentManner.PHONE,
    )
    with pytest.raises(ValidationError) as refused:
        services.schedule_meeting(viewer=mediating, referral=referral, plan=meeting_plan())
    assert refused.value.error_list[0].code == "consent"


def test_a_meeting_at_one_partys_premises_needs_the_others_agreement_and_a_note_on_neutrality(
    office: Office, adviser: User
) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    mediating = viewer_of(mediator)
    plan = meeting_plan()
    at_premises = services.MeetingPlan(**{**plan.__dict__, "place_kind": PlaceKind.PARTY_PREMISES})
    with pytest.raises(ValidationError) as refused:
        services.schedule_meeting(viewer=mediating, referral=referral, plan=at_premises)
    assert {error.code for error in refused.value.error_list} == {
        "premises_of",
        "other_party_agreed_on",
        "neutrality_note",
    }
    agreed = services.MeetingPlan(
        **{
            **at_premises.__dict__,
            "premises_of": Side.COUNTERPART,
            "other_party_agreed_on": clock.today(),
            "neutrality_note": "The shop's back office, after closing; the person chose it.",
        }
    )
    meeting = services.schedule_meeting(viewer=mediating, referral=referral, plan=agreed)
    assert meeting.premises_of == Side.COUNTERPART
    referral.refresh_from_db()
    assert referral.stage == Stage.MEETING


def test_odd_meeting_times_are_refused(office: Office, adviser: User) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    mediating = viewer_of(mediator)
    plan = meeting_plan()
    for odd in (
        {"ends_at": plan.starts_at},
        {"starts_at": clock.now() - dt.timedelta(hours=1), "ends_at": clock.now()},
        {"ends_at": plan.starts_at + dt.timedelta(hours=13)},
        {"invitees": "not an address"},
    ):
        with pytest.raises(ValidationError):
            services.schedule_meeting(
                viewer=mediating, referral=referral, plan=services.MeetingPlan(**{**plan.__dict__, **odd})
            )


def test_from_referral_to_agreement_follow_up_and_back_to_the_adviser_who_closes(
    office: Office, adviser: User
) -> None:
    advising = viewer_of(adviser)
    mediator = mediator_in(office)
    mediating = viewer_of(mediator)
    referral = consented(advising, mediator)
    services.add_talk(
        viewer=mediating, referral=referral, side=Side.PERSON, held_on=clock.today(), note="Wants an apology."
    )
    services.add_talk(
        viewer=mediating, referral=referral, side=Side.COUNTERPART, held_on=clock.today(), note="Regrets it."
    )
    meeting = services.schedule_meeting(viewer=mediating, referral=referral, plan=meeting_plan(days=1))
    with pytest.raises(ValidationError):
        services.record_outcome(viewer=mediating, referral=referral, outcome=BenchOutcome.AGREEMENT)
    with pytest.raises(ValidationError):
        services.mark_meeting_held(viewer=mediating, meeting=meeting)  # not started yet
    with time_machine.travel(meeting.ends_at, tick=False):
        services.mark_meeting_held(viewer=mediating, meeting=meeting)
        follow_up = clock.today() + dt.timedelta(days=30)
        services.record_outcome(
            viewer=mediating, referral=referral, outcome=BenchOutcome.AGREEMENT, follow_up_on=follow_up
        )
        referral.refresh_from_db()
        assert referral.stage == Stage.FOLLOW_UP
        assert referral.case.status == CaseStatus.MEDIATION  # the mediator still sees it until the follow-up
        services.record_follow_up(viewer=mediating, referral=referral, holds=True)
    referral.refresh_from_db()
    assert referral.stage == Stage.RETURNED
    assert referral.agreement_holds is True
    referral.case.refresh_from_db()
    assert referral.case.status == CaseStatus.ASSISTANCE
    # Only advisers close the case (accounts.roles): not the mediator.
    with pytest.raises(PermissionDenied):
        services.close_after_bench(viewer=mediating, referral=referral)
    services.close_after_bench(viewer=advising, referral=referral)
    referral.refresh_from_db()
    referral.case.refresh_from_db()
    assert referral.stage == Stage.CLOSED
    assert referral.case.status == CaseStatus.CLOSED
    assert referral.case.outcome == Outcome.MEDIATED
    steps = [
        e.data["step"] for e in CaseEvent.objects.filter(case=referral.case, kind="bench").order_by("id")
    ]
    assert steps == [
        "referred",
        "consent",
        "consent",
        "meeting_planned",
        "meeting_held",
        "outcome",
        "followed_up",
        "returned",
        "closed",
    ]
    # The timeline carries codes only: no talk's words reach the adviser's timeline.
    assert all(not e.body for e in CaseEvent.objects.filter(case=referral.case, kind="bench"))


def test_resolved_during_preparation_needs_no_meeting(office: Office, adviser: User) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    services.record_outcome(
        viewer=viewer_of(mediator), referral=referral, outcome=BenchOutcome.RESOLVED_IN_PREPARATION
    )
    referral.refresh_from_db()
    assert referral.stage == Stage.OUTCOME
    services.return_to_adviser(viewer=viewer_of(mediator), referral=referral)
    referral.refresh_from_db()
    assert referral.stage == Stage.RETURNED


def test_a_withdrawal_at_any_stage_stops_the_bench(office: Office, adviser: User) -> None:
    mediator = mediator_in(office)
    mediating = viewer_of(mediator)
    referral = consented(viewer_of(adviser), mediator)
    meeting = services.schedule_meeting(viewer=mediating, referral=referral, plan=meeting_plan())
    services.withdraw_consent(viewer=mediating, referral=referral, side=Side.COUNTERPART)
    referral.refresh_from_db()
    meeting.refresh_from_db()
    assert referral.outcome == BenchOutcome.WITHDRAWN
    assert referral.stage == Stage.RETURNED
    assert meeting.is_cancelled
    assert meeting.sequence == 1
    assert referral.case.status == CaseStatus.ASSISTANCE
    assert referral.consents.get(side=Side.COUNTERPART).withdrawn_on == clock.today()
    with pytest.raises(ValidationError) as refused:
        services.add_talk(
            viewer=mediating, referral=referral, side=Side.PERSON, held_on=clock.today(), note=""
        )
    assert refused.value.error_list[0].code == "bench_stopped"


def test_the_adviser_may_record_a_withdrawal_too(office: Office, adviser: User) -> None:
    referral = referred(viewer_of(adviser))
    services.withdraw_consent(viewer=viewer_of(adviser), referral=referral, side=Side.PERSON)
    referral.refresh_from_db()
    assert referral.stage == Stage.RETURNED


def test_a_mediator_takes_an_unassigned_case_and_an_adviser_assigns(office: Office, adviser: User) -> None:
    referral = referred(viewer_of(adviser))
    mediator = mediator_in(office)
    referral = services.assign_mediator(viewer=viewer_of(mediator), referral=referral, mediator=mediator)
    assert referral.mediator == mediator
    other = mediator_in(office)
    with pytest.raises(PermissionDenied):
        services.assign_mediator(viewer=viewer_of(mediator), referral=referral, mediator=other)
    referral = services.assign_mediator(viewer=viewer_of(adviser), referral=referral, mediator=other)
    assert referral.mediator == other


def test_another_offices_mediator_finds_nothing_and_is_recorded(
    office: Office, other_office: Office, adviser: User
) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    meeting = services.schedule_meeting(viewer=viewer_of(mediator), referral=referral, plan=meeting_plan())
    stranger = viewer_of(mediator_in(other_office))
    with pytest.raises(Http404):
        selectors.get_referral(viewer=stranger, public_id=str(referral.public_id))
    with pytest.raises(Http404):
        selectors.get_meeting_for_change(viewer=stranger, public_id=str(meeting.public_id))
    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, office=other_office)
    assert denied.count() == 2
    assert {row.detail["reason"] for row in denied} == {"another_office"}
    for write in (
        lambda: services.add_note(viewer=stranger, referral=referral, body="x"),
        lambda: services.cancel_meeting(viewer=stranger, meeting=meeting),
        lambda: services.record_outcome(
            viewer=stranger, referral=referral, outcome=BenchOutcome.NO_AGREEMENT
        ),
    ):
        with pytest.raises(PermissionDenied):
            write()
    assert selectors.get_workbench(viewer=stranger).unassigned == []


def test_a_coordinator_cannot_work_the_bench(office: Office, adviser: User) -> None:
    referral = referred(viewer_of(adviser))
    coordinator = viewer_of(make_staff(office, Role.COORDINATOR))
    with pytest.raises(PermissionDenied):
        services.record_consent(
            viewer=coordinator,
            referral=referral,
            side=Side.PERSON,
            given_on=clock.today(),
            manner=ConsentManner.PHONE,
        )


def test_a_second_outcome_from_a_stale_form_is_refused(office: Office, adviser: User) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    services.record_outcome(viewer=viewer_of(mediator), referral=referral, outcome=BenchOutcome.NO_AGREEMENT)
    with pytest.raises(ValidationError):
        services.record_outcome(
            viewer=viewer_of(mediator), referral=referral, outcome=BenchOutcome.RESOLVED_IN_PREPARATION
        )
    referral.refresh_from_db()
    assert referral.outcome == BenchOutcome.NO_AGREEMENT


@pytest.mark.parametrize(
    ("role", "may_close"),
    [
        (Role.ADVISER, True),
        (Role.MEDIATOR, False),
        (Role.COORDINATOR, False),
        (Role.OFFICE_ADMIN, False),
        (Role.DATA_PROTECTION_OFFICER, False),
    ],
)
def test_only_an_adviser_closes_the_case_after_the_bench(
    office: Office, adviser: User, role: Role, may_close: bool
) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    services.record_outcome(viewer=viewer_of(mediator), referral=referral, outcome=BenchOutcome.NO_AGREEMENT)
    services.return_to_adviser(viewer=viewer_of(mediator), referral=referral)
    person = viewer_of(make_staff(office, role))
    if may_close:
        services.close_after_bench(viewer=person, referral=referral)
        referral.refresh_from_db()
        assert referral.stage == Stage.CLOSED
    else:
        with pytest.raises(PermissionDenied):
            services.close_after_bench(viewer=person, referral=referral)
        referral.refresh_from_db()
        assert referral.stage == Stage.RETURNED
