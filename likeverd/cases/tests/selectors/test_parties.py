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
