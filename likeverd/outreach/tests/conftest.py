from collections.abc import Iterator

import pytest
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff


@pytest.fixture(autouse=True)
def _pages_in_english() -> Iterator[None]:
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator(office: Office) -> User:
    return make_staff(office, Role.COORDINATOR, first_name="Cato", last_name="Coordinator", username="cato")


@pytest.fixture
def other_coordinator(other_office: Office) -> User:
    return make_staff(
        other_office, Role.COORDINATOR, first_name="Berit", last_name="Bergen", username="berit"
    )
