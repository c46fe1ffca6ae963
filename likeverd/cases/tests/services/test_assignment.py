import pytest
from django.core.exceptions import ValidationError

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases import services
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_assignment_only_to_caseworkers_of_the_office(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    coordinator = make_staff(office, Role.COORDINATOR)
    with pytest.raises(ValidationError):
        services.assign_case(viewer=viewer, case=case, assignee=coordinator)
    services.assign_case(viewer=viewer, case=case, assignee=adviser)
    case.refresh_from_db()
    assert case.assigned_to == adviser
