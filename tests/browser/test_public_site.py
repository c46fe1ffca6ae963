"""The public site on a phone (390 by 844) in Chromium: accessible in nb, en and ar, loading nothing
from other hosts under a strict Content-Security-Policy, with a quick exit that leaves no page to
go Back to, and a guide that works with JavaScript turned off.
"""

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Route, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.intake.models import OfficePageText

SERIOUS_IMPACTS = {"serious", "critical"}
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
NEUTRAL_SITE = "https://weather.example/"


@pytest.fixture
def oslo() -> Office:
    office = OfficeFactory.create(
        name="DiMe Oslo",
        code="OSL",
        jurisdiction=Jurisdiction.NORWAY,
        municipalities=["Oslo", "Bærum"],
        phone="+47 22 00 00 00",
        email="kontakt.oslo.med.langt.navn@dime-eksempel.example.org",
        address="Storgata 1\n0155 Oslo",
        opening_hours="Mandag–fredag 10–15",
        languages=["nb", "en", "ar", "so"],
    )
    OfficePageText.objects.create(
        office=office,
        language="nb",
        introduction="Vi gir gratis råd og hjelp mot diskriminering i Oslo.",
        directions="Inngang fra gata, uten trapper.",
    )
    return office


@pytest.fixture
def phone(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context(**PHONE).new_page()


@pytest.fixture
def neutral_site(settings: Settings) -> str:
    settings.QUICK_EXIT_URL = NEUTRAL_SITE
    return NEUTRAL_SITE


def walk_the_public_pages(page: Page, base: str) -> Iterator[str]:
    """Every public page and state a visitor meets, reached as a visitor would, one name each."""
    page.goto(f"{base}/")
    yield "start page"
    page.locator("#id_municipality").select_option("Bærum")
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator(".result")).to_be_visible()
    yield "start page, office found"
    page.locator("#id_municipality").select_option("-")
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator(".result")).to_be_visible()
    yield "start page, no office"
    page.locator(".office-card a").first.click()
    expect(page.locator("#contact")).to_be_visible()
    yield "office page"
    page.goto(f"{base}/offices/osl/guide/")
    yield "guide, step 1"
    page.locator("form.guide-step button[type=submit]").click()  # nothing chosen: the browser refuses
    page.goto(f"{base}/offices/osl/guide/?step=1")
    yield "guide, step 1 with an error"
    page.locator("#what-harassed").check()
    page.locator("form.guide-step button[type=submit]").click()
    # Each step is a new page: wait for it before the caller reads the document.
    expect(page.locator("#where-GOODS_SERVICES")).to_be_visible()
    yield "guide, step 2"
    page.locator("#where-GOODS_SERVICES").check()
    page.locator("form.guide-step button[type=submit]").click()
    expect(page.locator("#why-RELIGION")).to_be_visible()
    yield "guide, step 3"
    page.locator("#why-RELIGION").check()
    page.locator("#why-ETHNICITY").check()
    page.locator("form.guide-step button[type=submit]").click()
    expect(page.locator(".suggestion-report_here")).to_be_visible()
    yield "guide, report here"
    page.goto(f"{base}/offices/osl/guide/?step=3&what=threatened&where=EMPLOYMENT&why=AGE")
    expect(page.locator(".suggestion-urgent")).to_be_visible()
    yield "guide, urgent help first"
    page.goto(f"{base}/offices/osl/guide/?step=3&what=worse&where=PRIVATE_LIFE&why=unknown")
    expect(page.locator(".suggestion-other_service")).to_be_visible()
    yield "guide, another service"


@pytest.mark.parametrize("language", ["nb", "en", "ar"])
def test_every_public_page_passes_axe_on_a_phone(
    phone: Page, live_server: LiveServer, oslo: Office, language: str
) -> None:
    axe = Axe()
    found: dict[str, list[str]] = {}
    screens = []
    for screen in walk_the_public_pages(phone, f"{live_server.url}/{language}"):
        screens.append(screen)
        expect(phone.locator("html")).to_have_attribute("lang", language)
        for violation in axe.run(phone).response["violations"]:
            if violation["impact"] in SERIOUS_IMPACTS:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                found.setdefault(screen, []).append(
                    f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}"
                )
    assert len(screens) == 11
    report = "\n".join(f"{screen}:\n  " + "\n  ".join(lines) for screen, lines in found.items())
    assert not found, f"serious accessibility violations in {language}:\n{report}"


@pytest.mark.parametrize("language", ["nb", "ar", "ur"])
def test_public_pages_load_only_from_their_own_host_under_a_strict_policy_and_fit_a_phone(
    phone: Page, live_server: LiveServer, oslo: Office, language: str
) -> None:
    requested: list[str] = []
    refused: list[str] = []
    policies: list[str] = []

    def remember(request: Request) -> None:
        if urlsplit(request.url).scheme not in {"data", "blob", "about"}:
            requested.append(request.url)

    def remember_refusal(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            refused.append(message.text)

    phone.context.on("request", remember)
    phone.on("console", remember_refusal)
    phone.on(
        "response",
        lambda response: (
            policies.append(response.headers.get("content-security-policy", ""))
            if response.request.resource_type == "document"
            else None
        ),
    )
    for screen in walk_the_public_pages(phone, f"{live_server.url}/{language}"):
        widths = phone.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth,"
            " client: document.documentElement.clientWidth})"
        )
        assert widths["scroll"] <= widths["client"], f"{screen} scrolls sideways on a phone: {widths}"
        expect(phone.locator("#quick-exit")).to_be_visible()

    assert any(url.endswith("public.css") for url in requested)
    assert any(url.endswith("quick-exit.js") for url in requested)
    server = urlsplit(live_server.url)[:2]
    assert [url for url in requested if urlsplit(url)[:2] != server] == []
    assert refused == []
    assert policies, "no page was loaded"
    for policy in policies:
        directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
        assert directives["default-src"] == ["'self'"]
        assert "'unsafe-inline'" not in policy
        assert "'unsafe-eval'" not in policy
        assert directives["style-src"] == ["'self'"]


def fake_neutral_site(context: BrowserContext) -> None:
    """The neutral site answers in the test, so that the quick exit is followed without the internet."""

    def answer(route: Route) -> None:
        route.fulfill(
            status=200, content_type="text/html", body="<!DOCTYPE html><title>Weather</title><h1>Weather</h1>"
        )

    context.route(f"{NEUTRAL_SITE}**", answer)


def test_quick_exit_leaves_at_once_and_back_does_not_return_to_the_page(
    phone: Page, live_server: LiveServer, oslo: Office, neutral_site: str
) -> None:
    fake_neutral_site(phone.context)
    phone.goto(f"{live_server.url}/ar/")
    phone.goto(f"{live_server.url}/ar/offices/osl/guide/?step=1&what=harassed")
    phone.locator("#quick-exit").click()
    expect(phone).to_have_url(neutral_site)
    expect(phone.get_by_role("heading", name="Weather")).to_be_visible()

    phone.go_back()
    # Back goes to the page before: the guide page was replaced in the history, not left in it.
    expect(phone).to_have_url(f"{live_server.url}/ar/")
    phone.go_forward()
    expect(phone).to_have_url(neutral_site)


def test_escape_twice_leaves_too_and_a_first_visit_leaves_nothing_to_go_back_to(
    phone: Page, live_server: LiveServer, oslo: Office, neutral_site: str
) -> None:
    fake_neutral_site(phone.context)
    phone.goto(f"{live_server.url}/en/offices/osl/")
    phone.keyboard.press("Escape")
    phone.keyboard.press("Escape")
    expect(phone).to_have_url(neutral_site)
    phone.go_back()
    assert not phone.url.startswith(live_server.url)


def test_the_guide_works_without_javascript(
    new_context: Callable[..., BrowserContext], live_server: LiveServer, oslo: Office, neutral_site: str
) -> None:
    page = new_context(**PHONE, java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/en/offices/osl/")
    page.get_by_role("link", name="Is this discrimination? Find out in three short steps").click()
    expect(page.get_by_text("Step 1 of 3")).to_be_visible()
    page.get_by_label("I was treated worse than others, or shut out").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Step 2 of 3")).to_be_visible()
    page.get_by_label("At work, or when applying for a job").check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Step 3 of 3")).to_be_visible()
    page.get_by_role("button", name="See what you can do").click()
    expect(page.get_by_role("alert")).to_have_text("Choose at least one answer.")
    page.get_by_label("My age").check()
    page.get_by_label("A disability (for example of body, sight, hearing or mind)").check()
    page.get_by_role("button", name="See what you can do").click()
    expect(page.get_by_role("heading", level=2, name="Tell DiMe Oslo what happened")).to_be_visible()
    page.get_by_role("link", name="Report what happened to DiMe Oslo").click()
    expect(page).to_have_url(f"{live_server.url}/en/offices/osl/report/")
    expect(page.get_by_role("heading", level=1, name="Tell DiMe Oslo what happened")).to_be_visible()
    # Without JavaScript the quick exit is still there, as a plain link to the neutral site.
    expect(page.locator("#quick-exit")).to_have_attribute("href", neutral_site)
