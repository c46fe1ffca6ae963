import pytest
from django.core.exceptions import ValidationError

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.models import Party, PartyRole
from likeverd.cases.services import PersonDetails
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_parties_of_other_cases_are_not_representable(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    one, two = register(viewer, person_name="A Person"), register(viewer)
    with pytest.raises(ValidationError):
        services.add_party(
            viewer=viewer,
            case=two,
            role=PartyRole.REPRESENTATIVE,
            details=PersonDetails(name="Rep"),
            represents=Party.objects.get(case=one),
        )
