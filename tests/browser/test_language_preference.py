"""Each person's language in Chromium: the Swedish adviser logs in from a browser that asks for
English and gets the interface in Swedish, because Swedish is saved on her profile."""

from collections.abc import Callable

from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import PASSWORD, make_staff


def test_the_swedish_adviser_gets_swedish_after_login_from_an_english_browser(
    browser: Browser,
    live_server: LiveServer,
    swedish_office: Office,
    authenticator_code: Callable[[User], str],
) -> None:
    adviser = make_staff(swedish_office, Role.ADVISER, first_name="Sara", preferred_language="sv")
    context = browser.new_context(locale="en-GB", extra_http_headers={"Accept-Language": "en"})
    page = context.new_page()

    page.goto(live_server.url + "/staff/")
    expect(page.get_by_role("button", name="Log in")).to_be_visible()  # the browser's English
    page.get_by_label("Username").fill(adviser.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code from your authenticator app").fill(authenticator_code(adviser))
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", level=1, name="Översikt")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    # Another page, opened by an address without a language, stays Swedish.
    page.goto(live_server.url + "/staff/account/me/")
    expect(page.get_by_role("heading", level=1, name="Ditt konto")).to_be_visible()
    expect(page.get_by_label("Språk i gränssnittet")).to_have_value("sv")
    context.close()
