import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases import selectors, services
from likeverd.cases.access import may_read_case, may_read_cases
from likeverd.cases.models import CaseStatus
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, url

pytestmark = pytest.mark.django_db


def test_a_mediator_sees_only_cases_at_the_bench(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    mediator = viewer_of(make_staff(office, Role.MEDIATOR))
    at_bench, elsewhere = register(viewer), register(viewer)
    services.change_case_status(viewer=viewer, case=at_bench, to_status=CaseStatus.SORTING)
    services.change_case_status(viewer=viewer, case=at_bench, to_status=CaseStatus.MEDIATION, via_bench=True)
    assert list(selectors.list_cases(viewer=mediator)) == [at_bench]
    assert elsewhere not in selectors.list_cases(viewer=mediator)


@pytest.mark.parametrize(
    ("role", "may_read"),
    [
        (Role.ADVISER, True),
        (Role.MEDIATOR, True),
        (Role.DATA_PROTECTION_OFFICER, True),
        (Role.COORDINATOR, False),
        (Role.OFFICE_ADMIN, False),
        (Role.NETWORK_STATISTICIAN, False),
    ],
)
def test_who_may_read_cases_is_one_rule_for_the_list_the_navigation_and_the_cases(
    office: Office, adviser: User, role: Role, may_read: bool, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    services.change_case_status(viewer=viewer_of(adviser), case=case, to_status=CaseStatus.SORTING)
    services.change_case_status(
        viewer=viewer_of(adviser), case=case, to_status=CaseStatus.MEDIATION, via_bench=True
    )
    person = make_staff(office, role)
    viewer = viewer_of(person)

    assert may_read_cases(viewer) is may_read
    assert may_read_case(viewer, case) is may_read
    client = client_for(person)
    page = client.get(url("dashboard")).content.decode()
    assert (f'href="{url("case_list")}"' in page) is may_read
    assert client.get(url("case_list")).status_code == (200 if may_read else 403)


def test_nobody_may_read_another_offices_case(adviser: User, other_adviser: User) -> None:
    theirs = register(viewer_of(other_adviser))
    assert may_read_cases(viewer_of(adviser))
    assert not may_read_case(viewer_of(adviser), theirs)
