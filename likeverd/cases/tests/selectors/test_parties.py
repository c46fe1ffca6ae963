import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import selectors, services
from likeverd.cases.models import PartyRole
from likeverd.cases.services import PersonDetails
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_conflict_of_interest_when_a_counterpart_is_a_client_elsewhere(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    earlier = register(viewer, person_name="Ola Nordmann")
    case = register(viewer, person_name="Fatima Ali")
    services.add_party(
        viewer=viewer,
        case=case,
        role=PartyRole.COUNTERPART,
        details=PersonDetails(name="ola  NORDMANN"),
        counterpart_kind="landlord",
    )
    conflicts = selectors.list_conflicts(viewer=viewer, case=case)
    assert [c.other_case_number for c in conflicts] == [earlier.number]
    assert selectors.list_conflicts(viewer=viewer, case=earlier)[0].other_case_number == case.number


def test_a_mediator_is_shown_only_conflicts_in_cases_the_mediator_may_open(
    office: Office, adviser: User
) -> None:
    from likeverd.accounts.roles import Role
    from likeverd.accounts.tests.factories import make_staff
    from likeverd.cases.models import Case, CaseStatus

    advising = viewer_of(adviser)

    def to_bench(case: Case) -> None:
        services.change_case_status(viewer=advising, case=case, to_status=CaseStatus.SORTING)
        services.change_case_status(
            viewer=advising, case=case, to_status=CaseStatus.MEDIATION, via_bench=True
        )

    off_bench = register(advising, person_name="Ola Nordmann")
    on_bench = register(advising, person_name="Ola Nordmann")
    to_bench(on_bench)
    case = register(advising, person_name="Fatima Ali")
    services.add_party(
        viewer=advising,
        case=case,
        role=PartyRole.COUNTERPART,
        details=PersonDetails(name="Ola Nordmann"),
        counterpart_kind="landlord",
    )
    to_bench(case)
    mediator = viewer_of(make_staff(office, Role.MEDIATOR))

    numbers = {c.other_case_number for c in selectors.list_conflicts(viewer=mediator, case=case)}

    assert numbers == {on_bench.number}
    assert {c.other_case_number for c in selectors.list_conflicts(viewer=advising, case=case)} == {
        on_bench.number,
        off_bench.number,
    }
