"""Test data for the bench, made through the real services (audit, timeline, gate all real)."""

import datetime as dt

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.cases import services as case_services
from likeverd.cases.models import Case, CaseStatus
from likeverd.cases.tests.factories import register
from likeverd.core import clock
from likeverd.mediation import services
from likeverd.mediation.models import BenchKind, BenchReferral, ConsentManner, Side
from likeverd.triage import assessment_services
from likeverd.triage import services as triage_services
from likeverd.triage.assessment_models import BureauStep, DecisionAction
from likeverd.triage.services import SortingAnswers


def mediator_in(office: Office, username: str = "") -> User:
    return make_staff(office, Role.MEDIATOR, **({"username": username} if username else {}))


def case_in_sorting(adviser: Viewer, **details: object) -> Case:
    case = register(adviser, person_name="Amina Hassan", **details)  # type: ignore[arg-type]
    case_services.change_case_status(viewer=adviser, case=case, to_status=CaseStatus.SORTING)
    return case


def establish_facts(adviser: Viewer, case: Case) -> None:
    """The sorting conversation complete, every assessment step ticked, a decision recorded."""
    triage_services.save_sorting(
        viewer=adviser,
        case=case,
        answers=SortingAnswers(
            what_happened="Called names by a neighbour in the stairwell",
            when="last spring",
            where="the housing co-operative",
            who_was_present="two neighbours",
            evidence="messages on the co-operative's board",
            wants="to live in peace; open to a meeting",
        ),
    )
    triage_services.complete_sorting(viewer=adviser, case=case)
    for step in BureauStep.values:
        assessment_services.tick_step(viewer=adviser, case=case, step=step)
    assessment_services.record_decision(
        viewer=adviser, case=case, actions=[DecisionAction.MEDIATION], reasons="Both sides want to talk."
    )


def ready_case(adviser: Viewer) -> Case:
    case = case_in_sorting(adviser)
    establish_facts(adviser, case)
    return case


def referred(
    adviser: Viewer, *, mediator: User | None = None, kind: str = BenchKind.DISCRIMINATION
) -> BenchReferral:
    case = ready_case(adviser)
    return services.refer_to_bench(
        viewer=adviser,
        case=case,
        kind=kind,
        reasons="The facts are clear and both want a meeting.",
        routes_told_on=clock.today(),
        mediator=mediator,
    )


def consented(adviser: Viewer, mediator: User) -> BenchReferral:
    referral = referred(adviser, mediator=mediator)
    mediating = viewer_of(mediator)
    for side in Side.values:
        services.record_consent(
            viewer=mediating, referral=referral, side=side, given_on=clock.today(), manner=ConsentManner.PHONE
        )
    referral.refresh_from_db()
    return referral


def meeting_plan(
    *, days: int = 3, invitees: str = "amina@example.org\nkari@example.org"
) -> services.MeetingPlan:
    start = (clock.now() + dt.timedelta(days=days)).replace(hour=10, minute=0, second=0, microsecond=0)
    return services.MeetingPlan(
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        place_kind="office",
        place="Meeting room 2",
        participants="Both parties, the mediator",
        interpreter="Arabic",
        invitees=invitees,
    )
