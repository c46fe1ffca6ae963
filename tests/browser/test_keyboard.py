"""Logging in and registering a call with the keyboard alone: focus order and labels work."""

import re
from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

from likeverd.accounts.models import User
from likeverd.accounts.tests.factories import PASSWORD

AppUrl = Callable[[str], str]


def tab_to(page: Page, target: Locator, *, limit: int = 40) -> int:
    """Press Tab until `target` has focus; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return presses
    raise AssertionError(f"{target} never got focus in {limit} presses of Tab")


def test_works_by_keyboard_alone(
    page: Page, app_url: AppUrl, adviser: User, authenticator_code: Callable[[User], str]
) -> None:
    keyboard = page.keyboard
    page.goto(app_url("/account/login/"))
    expect(page.get_by_label("Username")).to_be_focused()
    keyboard.type(adviser.username)
    keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    keyboard.type(PASSWORD)
    keyboard.press("Tab")
    expect(page.get_by_label("Code from your authenticator app")).to_be_focused()
    keyboard.type(authenticator_code(adviser))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Overview")).to_be_visible()

    tab_to(page, page.get_by_role("navigation", name="Main").get_by_role("link", name="Register a contact"))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Register a contact")).to_be_visible()

    # The cursor starts in the first field; the fields that open a case come in the order asked.
    expect(page.get_by_label("Channel")).to_be_focused()
    keyboard.press("Tab")
    expect(page.get_by_label("What happened")).to_be_focused()
    keyboard.type("Bussjåføren ville ikke slippe henne på med sparkesykkel.")
    keyboard.press("Tab")
    expect(page.get_by_label("Name", exact=True)).to_be_focused()
    keyboard.type("Kari Nordmann")
    keyboard.press("Tab")
    expect(page.get_by_label("Anonymous")).to_be_focused()
    keyboard.press("Tab")
    expect(page.get_by_label("Phone", exact=True)).to_be_focused()
    keyboard.type("+47 400 00 000")
    keyboard.press("Tab")
    expect(page.get_by_label("E-mail", exact=True)).to_be_focused()
    keyboard.press("Tab")
    expect(page.get_by_label("Safe to call")).to_be_focused()
    keyboard.press("Space")
    expect(page.get_by_label("Safe to call")).to_be_checked()

    # The folded details open from the keyboard.
    tab_to(page, page.get_by_text("More details"))
    keyboard.press("Enter")
    tab_to(page, page.get_by_label("When", exact=True))
    keyboard.type("våren 2025")

    tab_to(page, page.get_by_role("button", name="Register"))
    keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"OSL-\d{4}-\d{4}"))
    expect(page.get_by_text("sparkesykkel")).to_be_visible()
    parties = page.get_by_role("region", name="Parties")
    expect(parties).to_contain_text("Kari Nordmann")
    expect(parties.get_by_text("Safe to call", exact=True)).to_be_visible()
