"""Every form posts once, in Chromium: a real double click (two clicks 50 to 250 ms apart at
the same place) on "Register" opens one case and on "Add" adds one note, with JavaScript (the
button is disabled while sending) and without it (the server's one-time token answers the
second POST with the first one's result)."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import Office, User
from likeverd.cases.models import Case, CaseEvent, EventKind

CASE_NUMBER = re.compile(r"OSL-\d{4}-\d{4}")


def double_click(page: Page, button: Locator, gap_ms: int) -> None:
    """Two presses of the mouse at the button's place, `gap_ms` apart, as a hurried hand does."""
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.wait_for_timeout(gap_ms)
    page.mouse.click(x, y)


@pytest.fixture(params=[True, False], ids=["javascript", "no-javascript"])
def page_for(
    request: pytest.FixtureRequest, browser: Browser, sign_in: Callable[..., None], live_server: LiveServer
) -> Callable[[User], Page]:
    def make(user: User) -> Page:
        context = browser.new_context(java_script_enabled=request.param, locale="en-GB")
        request.addfinalizer(context.close)
        sign_in(context, user)
        return context.new_page()

    return make


@pytest.mark.parametrize("gap_ms", [50, 250])
def test_a_double_click_on_register_opens_one_case(
    page_for: Callable[[User], Page],
    adviser: User,
    office: Office,
    app_url: Callable[[str], str],
    gap_ms: int,
) -> None:
    page = page_for(adviser)
    page.goto(app_url("/cases/register/"))
    page.get_by_label("What happened").fill("Nektet adgang til svømmehallen.")
    page.get_by_label("Name", exact=True).fill("Amina Hassan")

    double_click(page, page.get_by_role("button", name="Register", exact=True), gap_ms)

    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_NUMBER)
    page.wait_for_load_state("networkidle")
    case = Case.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(case.number)


@pytest.mark.parametrize("gap_ms", [50, 250])
def test_a_double_click_on_add_adds_one_note(
    page_for: Callable[[User], Page],
    adviser: User,
    worked_case: Case,
    app_url: Callable[[str], str],
    gap_ms: int,
) -> None:
    notes = CaseEvent.objects.filter(case=worked_case, kind=EventKind.NOTE)
    before = notes.count()
    page = page_for(adviser)
    page.goto(app_url(f"/cases/{worked_case.public_id}/"))
    page.get_by_label("Text", exact=True).fill("Ringte igjen: sender klagen i morgen.")

    double_click(page, page.get_by_role("button", name="Add", exact=True), gap_ms)

    expect(page.get_by_text("Ringte igjen: sender klagen i morgen.")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    assert notes.count() == before + 1
