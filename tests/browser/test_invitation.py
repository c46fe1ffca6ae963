"""A new colleague invited by e-mail, in a real browser on a phone: the administrator sends the
invitation, the mail arrives at a real SMTP server, and the colleague opens its link on a
390x844 screen, chooses a password, sets up their app from the key shown and is logged in. The
link then says it has been used. The pages pass axe's serious checks."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import SMTPServer
from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff
from likeverd.audit.models import AuditAction, AuditEvent
from tests.browser.test_office_admin import code_from_secret, serious_violations

AppUrl = Callable[[str], str]
PHONE = {"width": 390, "height": 844}
PASSWORD = "lilac tram umbrella harbour"


def fits_the_screen(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.usefixtures("immediate_tasks")
def test_an_invited_colleague_sets_up_their_account_from_the_mail_on_a_phone(
    page: Page,
    context: BrowserContext,
    browser: Browser,
    office: Office,
    app_url: AppUrl,
    smtp_server: SMTPServer,
    sign_in: Callable[[BrowserContext, User], None],
) -> None:
    admin = make_staff(office, Role.OFFICE_ADMIN, first_name="Olga", last_name="Admin")
    sign_in(context, admin)
    page.goto(app_url("/office/staff/add/"))
    page.get_by_label("First name").fill("Nina")
    page.get_by_label("Last name").fill("Ny")
    page.get_by_label("Username").fill("nina")
    page.get_by_role("textbox", name="E-mail").fill("nina@example.org")
    page.get_by_role("group", name="Roles").get_by_label("Legal adviser").check()
    expect(page.get_by_label("Send an invitation by e-mail", exact=False)).to_be_checked()
    page.get_by_role("button", name="Add the person").click()
    expect(page.get_by_role("heading", level=1, name="Nina Ny")).to_be_visible()
    expect(page.get_by_text("An invitation is on its way to nina@example.org.")).to_be_visible()
    expect(page.get_by_role("button", name="Send the invitation again")).to_be_visible()

    [mail] = smtp_server.received
    [link] = re.findall(r"http://\S+/staff/account/welcome/\S+/", mail.message.get_content())
    assert "/nb/" in link  # the office's language

    phone = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    nina_page = phone.new_page()
    nina_page.goto(link)
    expect(nina_page.get_by_role("heading", level=1, name="Velkommen til DiMe Oslo")).to_be_visible()
    expect(nina_page.locator("#invited-username")).to_have_text("nina")
    expect(nina_page.get_by_role("img", name="QR-kode", exact=False)).to_be_visible()
    assert fits_the_screen(nina_page)
    assert not serious_violations(nina_page)
    secret = nina_page.locator("#invited-secret").get_attribute("data-secret") or ""
    nina_page.get_by_label("Nytt passord", exact=True).fill(PASSWORD)
    nina_page.get_by_label("Nytt passord en gang til").fill(PASSWORD)
    nina_page.get_by_label("Kode fra autentiseringsappen").fill(code_from_secret(secret))
    nina_page.get_by_role("button", name="Lagre og logg inn").click()
    expect(nina_page.get_by_text("Velkommen til DiMe Oslo. Du er logget inn.")).to_be_visible()
    expect(nina_page.locator(".site-person")).to_have_text("Nina Ny")

    # The link has done its work.
    nina_page.goto(link)
    expect(nina_page.get_by_role("heading", level=1, name="Denne lenken virker ikke lenger")).to_be_visible()
    expect(nina_page.locator("#whom-to-ask")).to_contain_text("Olga Admin")
    assert fits_the_screen(nina_page)
    assert not serious_violations(nina_page)
    phone.close()

    nina = User.objects.get(username="nina")
    assert AuditEvent.objects.filter(action=AuditAction.ACCEPT_INVITATION, actor=nina).count() == 1
    page.reload()
    expect(page.get_by_role("button", name="Send the invitation again")).to_have_count(0)
