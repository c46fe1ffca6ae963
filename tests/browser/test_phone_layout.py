"""The case list on a phone (390x844): a compact header, the results before the filters (folded
into "Filters"), and the filters open on a laptop.

Before issue 6 the header took 257 px of the phone's 844 (now about 200 with the full staff
menu) and seven filters came before the first result."""

from collections.abc import Callable

from playwright.sync_api import Page, expect

from likeverd.accounts.models import Office, User
from likeverd.cases.models import Case

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}


def test_on_a_phone_the_results_come_before_the_filters(
    page: Page,
    adviser: User,
    office: Office,
    worked_case: Case,
    app_url: Callable[[str], str],
    sign_in: Callable[..., None],
) -> None:
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    sign_in(page.context, adviser)
    page.goto(app_url("/cases/"))

    header = page.locator(".site-header").bounding_box()
    assert header is not None
    assert header["height"] <= PHONE["height"] * 0.25, f"the header takes {header['height']} px"
    first_result = page.get_by_role("link", name=worked_case.number)
    expect(first_result).to_be_in_viewport()
    expect(page.get_by_label("Status")).to_be_hidden()

    page.locator("summary", has_text="Filters").click()
    expect(page.get_by_label("Status")).to_be_visible()


def test_on_a_laptop_the_filters_are_open(
    page: Page,
    adviser: User,
    office: Office,
    worked_case: Case,
    app_url: Callable[[str], str],
    sign_in: Callable[..., None],
) -> None:
    page.set_viewport_size(LAPTOP)  # type: ignore[arg-type]
    sign_in(page.context, adviser)
    page.goto(app_url("/cases/"))

    expect(page.get_by_label("Status")).to_be_visible()
