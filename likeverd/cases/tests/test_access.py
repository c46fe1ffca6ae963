import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases import selectors, services
from likeverd.cases.models import CaseStatus
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_a_mediator_sees_only_cases_at_the_bench(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    mediator = viewer_of(make_staff(office, Role.MEDIATOR))
    at_bench, elsewhere = register(viewer), register(viewer)
    services.change_case_status(viewer=viewer, case=at_bench, to_status=CaseStatus.SORTING)
    services.change_case_status(viewer=viewer, case=at_bench, to_status=CaseStatus.MEDIATION)
    assert list(selectors.list_cases(viewer=mediator)) == [at_bench]
    assert elsewhere not in selectors.list_cases(viewer=mediator)
