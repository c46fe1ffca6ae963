from typing import Any

import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import selectors, services
from likeverd.cases.models import PartyRole
from likeverd.cases.services import PersonDetails
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import url

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
    assert [c.other_case_numbers for c in conflicts] == [(earlier.number,)]
    assert selectors.list_conflicts(viewer=viewer, case=earlier)[0].other_case_numbers == (case.number,)


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

    (seen,) = selectors.list_conflicts(viewer=mediator, case=case)

    assert (seen.other_case_numbers, seen.other_cases) == ((on_bench.number,), 1)
    (advised,) = selectors.list_conflicts(viewer=advising, case=case)
    assert set(advised.other_case_numbers) == {on_bench.number, off_bench.number}
    assert advised.other_cases == 2


def test_a_common_name_names_the_first_five_cases_and_counts_the_rest(
    office: Office, other_office: Office, adviser: User, other_adviser: User, client_for: Any
) -> None:
    """A name that is a client in eight other cases gives one warning, not eight lines."""
    viewer = viewer_of(adviser)
    earlier = [register(viewer, person_name="Ali Hassan") for _ in range(8)]
    register(viewer_of(other_adviser), person_name="Ali Hassan")  # another office's: never counted
    case = register(viewer, person_name="Fatima Ali")
    services.add_party(
        viewer=viewer,
        case=case,
        role=PartyRole.COUNTERPART,
        details=PersonDetails(name="Ali Hassan"),
        counterpart_kind="private_person",
    )

    (conflict,) = selectors.list_conflicts(viewer=viewer, case=case)

    first_five = sorted(c.number for c in earlier)[:5]
    assert conflict.other_case_numbers == tuple(first_five)
    assert (conflict.other_cases, conflict.more) == (8, 3)
    page = client_for(adviser).get(url("case_detail", case.public_id)).content.decode()
    assert "in 8 other cases: " + ", ".join(first_five) + "." in page
    assert "And 3 more." in page
    assert sorted(c.number for c in earlier)[5] not in page
