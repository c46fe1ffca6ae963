"""The help directory in Chromium: an adviser finds help for a person's problem, urgent help first;
an office administrator adds the office's own service. Each screen passes axe's serious checks."""

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff
from likeverd.directory.seed import load_seed
from likeverd.directory.sync import apply_directory, live_model

SERIOUS_IMPACTS = {"serious", "critical"}
AppUrl = Callable[[str], str]


@pytest.fixture(autouse=True)
def _network_directory(transactional_db: None) -> None:
    """The network's directory (a data migration's rows) again: live-server tests empty the database."""
    apply_directory(load_seed(), office_id=None, get_model=live_model, update_need_labels=True)


def serious_violations(page: Page) -> list[str]:
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in SERIOUS_IMPACTS
    ]


def test_an_adviser_finds_help_for_trafficking_with_the_crisis_line_first(
    page: Page,
    context: BrowserContext,
    sign_in: Callable[[BrowserContext, User], None],
    app_url: AppUrl,
    adviser: User,
) -> None:
    sign_in(context, adviser)
    page.goto(app_url("/"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Help directory").click()
    expect(page.get_by_role("heading", level=1, name="Help directory")).to_be_visible()
    assert serious_violations(page) == []

    page.get_by_label("Need").select_option(label="Trafficking")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_role("list").filter(
        has=page.get_by_role("link", name="Refleksjonsperiode for ofre for menneskehandel")
    )
    first = results.get_by_role("listitem").first
    expect(first).to_contain_text("Bistand og beskyttelse for kvinner utsatt for menneskehandel")
    expect(first).to_contain_text("Urgent help")
    expect(first.get_by_role("link", name="22 33 11 60")).to_have_attribute("href", "tel:22331160")

    first.get_by_role("link", name="Bistand og beskyttelse for kvinner utsatt for menneskehandel").click()
    expect(page.get_by_text("24 timer i døgnet.", exact=True)).to_be_visible()
    assert serious_violations(page) == []


def test_an_office_admin_adds_the_offices_own_service(
    page: Page,
    context: BrowserContext,
    sign_in: Callable[[BrowserContext, User], None],
    app_url: AppUrl,
    office: Office,
) -> None:
    admin = make_staff(office, Role.OFFICE_ADMIN, username="office-admin")
    sign_in(context, admin)
    page.goto(app_url("/directory/office/"))
    page.get_by_role("link", name="Add a service").click()
    expect(page.get_by_role("heading", level=1, name="Add a service")).to_be_visible()
    assert serious_violations(page) == []

    page.get_by_label("Organization").select_option(label="Politiet")
    page.get_by_label("Name").fill("Politikontakten i bydelen")
    page.get_by_label("What they do").fill("Kontaktpunkt for hatkriminalitet i bydelen.")
    page.get_by_label("Hate crime and hateful speech").check()
    page.get_by_label("Municipalities").fill("Oslo")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1, name="Politikontakten i bydelen")).to_be_visible()
    expect(page.get_by_text("your office's entry")).to_be_visible()
    page.get_by_role("link", name="Help directory").first.click()
    page.get_by_label("Need").select_option(label="Hate crime and hateful speech")
    page.get_by_label("Municipality", exact=True).fill("Oslo")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="Politikontakten i bydelen")).to_be_visible()
