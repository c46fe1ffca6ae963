"""The network statistician on a phone (390x844): lands on the network's figures, narrows them to one
office and a period, and sees small counts hidden and no way into a case; the page fits the width
and passes axe's serious checks."""

import datetime as dt
from collections.abc import Callable

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff
from likeverd.statistics.tests.rows import OSLO, add_case

PHONE = {"width": 390, "height": 844}


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a 390 px phone"


def _serious_violations(page: Page) -> list[str]:
    return [
        f"{v['id']}: {v['help']}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_a_statistician_reads_the_networks_figures_on_a_phone(
    page: Page,
    office: Office,
    other_office: Office,
    app_url: Callable[[str], str],
    sign_in: Callable[[BrowserContext, User], None],
) -> None:
    other_office.municipalities = ["Bergen"]
    other_office.save()
    received = dt.datetime(2025, 4, 2, 11, tzinfo=OSLO)
    for _ in range(6):
        add_case(office, residence="Oslo", incident="Oslo", received=received)
    add_case(office, residence="Bærum", incident="Oslo", received=received)  # one of a kind: hidden
    for _ in range(7):
        add_case(other_office, residence="Bergen", incident="Bergen", received=received)
    statistician = make_staff(office, Role.NETWORK_STATISTICIAN, username="henrik")
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    sign_in(page.context, statistician)

    page.goto(app_url("/"))
    expect(page.get_by_role("heading", level=1, name="Network statistics")).to_be_visible()
    expect(page.get_by_role("link", name="Network statistics")).to_have_attribute("aria-current", "page")
    _fits(page)

    page.get_by_label(f"{other_office.name} ({other_office.code})").uncheck()
    page.get_by_role("textbox", name="From").fill("01.01.2025")
    page.get_by_role("textbox", name="To (inclusive)").fill("30.06.2025")
    page.get_by_role("button", name="Show figures").click()

    expect(page.get_by_role("heading", level=2, name="Figures from 01.01.2025 to 30.06.2025")).to_be_visible()
    municipalities = page.locator('table[data-table-id="cases_by_municipality"]')
    expect(municipalities.get_by_role("row", name="Bergen")).to_have_count(0)
    oslo = municipalities.locator('tr[data-key="oslo"]')
    expect(oslo.locator("th")).to_have_text("Oslo")
    # The lone non-resident is hidden, and so is whatever would give it away.
    expect(oslo.get_by_text("hidden")).not_to_have_count(0)
    expect(oslo.locator("td", has_text="1")).to_have_count(0)
    # Figures only: no link leads to a case, and no case number is on the page.
    assert page.locator("a[href*='/cases/']").count() == 0
    assert f"{office.code}-2025-" not in page.content()
    _fits(page)
    assert not _serious_violations(page)
