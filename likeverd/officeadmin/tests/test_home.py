"""Every role lands on a page with something on it after logging in."""

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases.tests.factories import register
from likeverd.officeadmin import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_of(client_for: Callable[[User], Client]) -> Callable[[User], str]:
    def page(user: User) -> str:
        return client_for(user).get(reverse("home")).content.decode()

    return page


def test_after_logging_in_everyone_goes_home() -> None:
    assert settings.LOGIN_REDIRECT_URL == "home"


def test_an_adviser_lands_on_the_case_overview(
    office: Office, adviser: User, home_of: Callable[[User], str]
) -> None:
    page = home_of(adviser)
    assert "My open tasks" in page
    assert reverse("home") == reverse("cases:dashboard")


def test_an_office_admin_lands_on_staff_and_set_up_tasks(
    office: Office, office_admin: User, home_of: Callable[[User], str]
) -> None:
    page = home_of(office_admin)
    assert "Left to set up" in page
    assert "Olga Admin" in page
    assert "Add a person" in page


def test_a_coordinator_lands_on_what_they_registered_and_the_open_intake(
    office: Office, other_office: Office, adviser: User, other_adviser: User, home_of: Callable[[User], str]
) -> None:
    coordinator = make_staff(office, Role.COORDINATOR, first_name="Cora")
    mine = register(viewer_of(coordinator), narrative="Nektet leilighet.")
    someone_elses = register(viewer_of(adviser))
    register(viewer_of(other_adviser))  # another office's intake is not counted

    board = selectors.get_coordinator_home(viewer=viewer_of(coordinator))
    assert board.registered == [mine]
    assert (board.intake.new, board.intake.unassigned, board.intake.registered_today) == (2, 2, 2)

    page = home_of(coordinator)
    assert mine.number in page
    assert someone_elses.number not in page
    assert "Nektet leilighet" not in page  # a coordinator does not read cases
    assert "Open intake in the office" in page
    assert "Register a contact" in page


def test_a_network_statistician_lands_on_the_network_figures(
    office: Office, client_for: Callable[[User], Client]
) -> None:
    client = client_for(make_staff(office, Role.NETWORK_STATISTICIAN))
    landing = client.get(reverse("home"))
    assert landing.status_code == 302
    assert landing["Location"] == reverse("statistics:network")
    assert "Cases by ground" in client.get(landing["Location"]).content.decode()


def test_someone_without_a_role_is_told_whom_to_ask(
    office: Office, adviser: User, home_of: Callable[[User], str]
) -> None:
    Membership.objects.filter(user=adviser).update(is_active=False)
    assert "Ask your office administrator" in home_of(adviser)
