from collections.abc import Iterator

import pytest
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff


@pytest.fixture(autouse=True)
def _pages_in_english() -> Iterator[None]:
    """Addresses are reversed under /en/, so pages answer in English and the assertions can read them."""
    with translation.override("en"):
        yield


@pytest.fixture
def office_admin(office: Office) -> User:
    return make_staff(office, Role.OFFICE_ADMIN, first_name="Olga", last_name="Admin", username="olga")


@pytest.fixture
def other_admin(other_office: Office) -> User:
    return make_staff(
        other_office, Role.OFFICE_ADMIN, first_name="Bodil", last_name="Bergen", username="bodil"
    )
