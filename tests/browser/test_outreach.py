"""A coordinator on a phone (390x844) records a volunteer patrol, registers what it witnessed and
reads the year's finances: every screen fits the width, and the case lands among the office's cases."""

from collections.abc import Callable

from playwright.sync_api import Page, expect

from likeverd.accounts.models import Office
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff
from likeverd.cases.models import Case, Channel

PHONE = {"width": 390, "height": 844}


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a 390 px phone"


def test_a_coordinator_records_a_patrol_and_its_witnessed_case_on_a_phone(
    page: Page, office: Office, app_url: Callable[[str], str], sign_in: Callable[..., None]
) -> None:
    coordinator = make_staff(office, Role.COORDINATOR, username="cato")
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    sign_in(page.context, coordinator)

    page.goto(app_url("/outreach/patrols/"))
    _fits(page)
    page.get_by_label("Date").fill("2026-04-18")
    page.get_by_label("Venue").fill("Club Sentrum")
    page.get_by_label("Volunteers").fill("3")
    page.get_by_role("button", name="Save").click()
    page.locator("table a").first.click()

    _fits(page)
    page.get_by_label("What the patrol witnessed").fill("Two volunteers were refused at the door.")
    page.get_by_role("button", name="Register the case").click()
    case = Case.objects.get()
    assert case.channel == Channel.PATROL
    expect(page.get_by_role("link", name=case.number)).to_be_visible()

    for section in ("courses", "events", "media"):
        page.goto(app_url(f"/outreach/{section}/"))
        _fits(page)
    page.goto(app_url("/outreach/finances/"))
    expect(page.get_by_role("heading", name="Finances", exact=False).first).to_be_visible()
    _fits(page)
