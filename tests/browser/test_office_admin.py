"""The office administrator in a real browser: setting up a new colleague, who then logs in with
their own authenticator app; and the administration pages pass axe's serious checks.
"""

import base64
import re
from collections.abc import Callable

from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from playwright.sync_api import BrowserContext, Page, expect

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff
from likeverd.audit.models import AuditAction, AuditEvent

AppUrl = Callable[[str], str]
SERIOUS_IMPACTS = {"serious", "critical"}


def code_from_secret(secret: str) -> str:
    """What an authenticator app that was given `secret` (base32, as shown) displays now."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


def serious_violations(page: Page) -> list[str]:
    return [
        f"{v['id']}: {v['help']}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in SERIOUS_IMPACTS
    ]


def test_an_office_admin_sets_up_a_colleague_who_logs_in_with_their_own_authenticator(
    page: Page,
    context: BrowserContext,
    office: Office,
    app_url: AppUrl,
    sign_in: Callable[[BrowserContext, User], None],
) -> None:
    admin = make_staff(office, Role.OFFICE_ADMIN, first_name="Olga", last_name="Admin")
    sign_in(context, admin)

    # The administrator lands on the office's staff and what is left to set up.
    page.goto(app_url("/"))
    expect(page.get_by_role("heading", level=1, name="Running DiMe Oslo")).to_be_visible()
    tasks = page.get_by_role("region", name="Left to set up")
    expect(tasks).to_contain_text("Opening hours are missing.")
    expect(tasks).to_contain_text("No legal adviser works in the office yet")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Office administration")).to_be_visible()
    expect(nav.get_by_role("link", name="Cases")).to_have_count(0)

    page.get_by_role("link", name="Add a person").first.click()
    expect(page.get_by_role("heading", level=1, name="Add a person")).to_be_visible()
    page.get_by_label("First name").fill("Nina")
    page.get_by_label("Last name").fill("Ny")
    page.get_by_label("Username").fill("nina")
    page.get_by_role("group", name="Roles").get_by_label("Legal adviser").check()
    page.get_by_label("Make a password now and hand it over with the QR code, in person").check()
    page.get_by_role("button", name="Add the person").click()

    expect(page.get_by_role("heading", level=1, name="Nina Ny can now log in")).to_be_visible()
    expect(page.get_by_role("img", name="QR code to scan with the authenticator app")).to_be_visible()
    password = page.locator("#new-password").inner_text()
    secret = page.locator("#new-secret").get_attribute("data-secret") or ""
    # The key as the person would type it: in groups of four, the same letters.
    assert page.locator("#new-secret").inner_text().replace(" ", "") == secret
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)

    page.get_by_role("link", name="Done").click()
    expect(page.get_by_role("heading", level=1, name="Nina Ny")).to_be_visible()
    expect(page.get_by_role("region", name="Roles in this office")).to_contain_text("Legal adviser")
    expect(page.get_by_text(password)).to_have_count(0)

    page.get_by_role("button", name="Log out").click()

    # The colleague logs in with the password and the code their own app computes from the key.
    page.goto(app_url("/account/login/"))
    page.get_by_label("Username").fill("nina")
    page.get_by_label("Password").fill(password)
    page.get_by_label("Code from your authenticator app").fill(code_from_secret(secret))
    page.get_by_role("button", name="Log in").click()

    # The administrator knows that password: Nina chooses her own before anything else opens.
    expect(page.get_by_role("heading", level=1, name="Choose your own password")).to_be_visible()
    expect(page.get_by_role("note")).to_contain_text("set by an administrator")
    page.goto(app_url("/cases/"))
    expect(page.get_by_role("heading", level=1, name="Choose your own password")).to_be_visible()
    assert not serious_violations(page)
    page.get_by_label("Current password").fill(password)
    page.get_by_label("New password", exact=True).fill("lilac tram umbrella harbour")
    page.get_by_label("New password again").fill("lilac tram umbrella harbour")
    page.get_by_role("button", name="Save the new password").click()
    # On to the page she asked for.
    expect(page.get_by_role("heading", level=1, name="Cases")).to_be_visible()
    expect(page.get_by_text("Your new password is saved.")).to_be_visible()
    page.goto(app_url("/"))
    expect(page.get_by_role("heading", level=1, name="Overview")).to_be_visible()
    expect(page.get_by_role("heading", name="My open tasks")).to_be_visible()
    expect(page.locator(".site-person")).to_have_text("Nina Ny")

    nina = User.objects.get(username="nina")
    assert not nina.must_change_password
    assert nina.check_password("lilac tram umbrella harbour")
    created = AuditEvent.objects.get(action=AuditAction.CREATE, target_id=str(nina.public_id))
    assert created.actor == admin
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=nina).count() == 1


def test_office_administration_pages_have_no_serious_accessibility_violations(
    page: Page,
    context: BrowserContext,
    office: Office,
    adviser: User,
    app_url: AppUrl,
    sign_in: Callable[[BrowserContext, User], None],
) -> None:
    admin = make_staff(office, Role.OFFICE_ADMIN, first_name="Olga", last_name="Admin")
    sign_in(context, admin)
    found: dict[str, list[str]] = {}
    for path in (
        "/office/",
        "/office/details/",
        "/office/staff/",
        "/office/staff/add/",
        f"/office/staff/{adviser.public_id}/",
        f"/office/staff/{adviser.public_id}/deactivate/",
        "/office/categories/",
        "/office/categories/add/",
    ):
        page.goto(app_url(path))
        expect(page.get_by_role("navigation", name="Office administration")).to_be_visible()
        if violations := serious_violations(page):
            found[path] = violations
    page.goto(app_url(f"/office/staff/{adviser.public_id}/"))
    page.get_by_role("button", name="Replace the authenticators").click()
    expect(page.get_by_role("img", name="QR code to scan with the authenticator app")).to_be_visible()
    if violations := serious_violations(page):
        found["new authenticator"] = violations
    assert not found, f"serious accessibility violations: {found}"


def test_every_role_lands_on_a_page_with_something_on_it(
    new_context: Callable[..., BrowserContext],
    office: Office,
    app_url: AppUrl,
    sign_in: Callable[[BrowserContext, User], None],
) -> None:
    expected = {
        Role.ADVISER: "My open tasks",
        Role.MEDIATOR: "My open tasks",
        Role.COORDINATOR: "Open intake in the office",
        Role.OFFICE_ADMIN: "Left to set up",
        Role.NETWORK_STATISTICIAN: "Figures from",
        Role.DATA_PROTECTION_OFFICER: "Open cases by status",
    }
    found: dict[str, list[str]] = {}
    for role, heading in expected.items():
        context = new_context()
        sign_in(context, make_staff(office, role))
        page = context.new_page()
        page.goto(app_url("/"))
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
        if violations := serious_violations(page):
            found[role] = violations
        context.close()
    assert not found, f"serious accessibility violations: {found}"
