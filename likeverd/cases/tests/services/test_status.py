import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import ROLE_PERMISSIONS, Permission, Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases import services, workflow
from likeverd.cases.models import CaseStatus, EventKind, Outcome
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_the_workflow_allows_only_listed_moves_and_closing_needs_an_outcome(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    with pytest.raises(ValidationError):
        services.change_case_status(viewer=viewer, case=case, to_status=CaseStatus.MEDIATION, via_bench=True)
    services.change_case_status(viewer=viewer, case=case, to_status=CaseStatus.SORTING)
    with pytest.raises(ValidationError):
        services.change_case_status(viewer=viewer, case=case, to_status=CaseStatus.CLOSED)
    services.change_case_status(
        viewer=viewer, case=case, to_status=CaseStatus.CLOSED, outcome=Outcome.ADVICE_GIVEN
    )
    case.refresh_from_db()
    assert case.is_closed
    assert case.outcome == Outcome.ADVICE_GIVEN
    assert case.closed_at is not None
    moves = [(e.data["from"], e.data["to"]) for e in case.events.filter(kind=EventKind.STATUS).order_by("id")]
    assert moves == [("new", "sorting"), ("sorting", "closed")]


@pytest.mark.parametrize(
    ("role", "may_close"),
    [
        (Role.ADVISER, True),
        (Role.MEDIATOR, False),
        (Role.COORDINATOR, False),
        (Role.OFFICE_ADMIN, False),
        (Role.NETWORK_STATISTICIAN, False),
        (Role.DATA_PROTECTION_OFFICER, False),
    ],
)
def test_only_an_adviser_closes_a_case_even_at_the_mediation_bench(
    office: Office, adviser: User, role: Role, may_close: bool
) -> None:
    advising = viewer_of(adviser)
    case = register(advising)
    services.change_case_status(viewer=advising, case=case, to_status=CaseStatus.SORTING)
    services.change_case_status(viewer=advising, case=case, to_status=CaseStatus.MEDIATION, via_bench=True)
    person = viewer_of(make_staff(office, role))

    # The status form offers closing only to those the workflow lets close.
    assert (CaseStatus.CLOSED in workflow.allowed_targets(case.status, person.permissions)) is may_close
    assert (Permission.CLOSE_CASE in ROLE_PERMISSIONS[role]) is may_close
    if may_close:
        services.change_case_status(
            viewer=person, case=case, to_status=CaseStatus.CLOSED, outcome=Outcome.MEDIATED
        )
        case.refresh_from_db()
        assert case.is_closed
    else:
        with pytest.raises(PermissionDenied):
            services.change_case_status(
                viewer=person, case=case, to_status=CaseStatus.CLOSED, outcome=Outcome.MEDIATED
            )
        case.refresh_from_db()
        assert case.status == CaseStatus.MEDIATION


def test_every_move_to_closed_needs_the_close_permission() -> None:
    closing = [needed for (_, to), needed in workflow.TRANSITIONS.items() if to == CaseStatus.CLOSED]
    reopening = [needed for (frm, _), needed in workflow.TRANSITIONS.items() if frm == CaseStatus.CLOSED]
    assert set(closing) == set(reopening) == {Permission.CLOSE_CASE}


def test_an_unknown_status_is_refused_as_invalid(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    with pytest.raises(ValidationError) as refused:
        services.change_case_status(viewer=viewer, case=case, to_status="archived")  # type: ignore[arg-type]
    assert refused.value.code == "invalid_choice"
