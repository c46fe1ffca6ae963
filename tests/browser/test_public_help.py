"""The public help directory and knowledge base on a phone (390 by 844) in Chromium: accessible in
nb, en and ar, loading nothing from other hosts, with the quick exit, and usable without JavaScript."""

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, Request, expect
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.directory.models import Service
from likeverd.directory.seed import load_seed
from likeverd.directory.sync import apply_directory, live_model
from likeverd.knowledge.services import load_network_articles
from tests.browser.test_public_site import PHONE, SERIOUS_IMPACTS


@pytest.fixture
def network(transactional_db: None) -> Office:
    if not Service.objects.filter(office__isnull=True).exists():
        apply_directory(load_seed(), office_id=None, get_model=live_model, update_need_labels=True)
    load_network_articles()
    return OfficeFactory.create(name="DiMe Oslo", code="OSL", jurisdiction=Jurisdiction.NORWAY)


@pytest.fixture
def phone(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context(**PHONE).new_page()


def walk(page: Page, base: str) -> Iterator[str]:
    """The help and knowledge pages as a visitor meets them, one name each."""
    page.goto(f"{base}/help/")
    yield "help, first visit"
    page.locator("#id_need").select_option("hate_crime")
    page.locator("#id_place").select_option("NO:Oslo")
    page.locator("form[role=search] button[type=submit]").click()
    expect(page.locator("#results-heading")).to_be_visible()
    yield "help, results"
    page.goto(f"{base}/offices/osl/help/?need=&place=SE%3AUppsala&language=ti")
    yield "help, nothing found"
    page.goto(f"{base}/knowledge/")
    yield "knowledge, list"
    page.locator("#id_q").fill("skjermbilder")
    page.locator("form[role=search] button[type=submit]").click()
    page.locator("ul.office-cards h3 a").first.click()
    expect(page.locator("article h1")).to_be_visible()
    yield "knowledge, article"


@pytest.mark.parametrize("language", ["nb", "en", "ar"])
def test_help_and_knowledge_pages_pass_axe_on_a_phone_and_load_only_from_their_own_host(
    phone: Page, live_server: LiveServer, network: Office, language: str
) -> None:
    requested: list[str] = []

    def remember(request: Request) -> None:
        if urlsplit(request.url).scheme not in {"data", "blob", "about"}:
            requested.append(request.url)

    phone.context.on("request", remember)
    axe = Axe()
    found: dict[str, list[str]] = {}
    screens = []
    for screen in walk(phone, f"{live_server.url}/{language}"):
        screens.append(screen)
        expect(phone.locator("html")).to_have_attribute("lang", language)
        expect(phone.locator("#quick-exit")).to_be_visible()
        widths = phone.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth,"
            " client: document.documentElement.clientWidth})"
        )
        assert widths["scroll"] <= widths["client"], f"{screen} scrolls sideways on a phone: {widths}"
        for violation in axe.run(phone).response["violations"]:
            if violation["impact"] in SERIOUS_IMPACTS:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                found.setdefault(screen, []).append(f"{violation['id']}: {violation['help']} — {targets}")
    assert len(screens) == 5
    assert not found, f"serious accessibility violations in {language}: {found}"
    server = urlsplit(live_server.url)[:2]
    assert [url for url in requested if urlsplit(url)[:2] != server] == []


def test_the_help_search_works_without_javascript(
    new_context: Callable[..., BrowserContext], live_server: LiveServer, network: Office
) -> None:
    page = new_context(java_script_enabled=False, **PHONE).new_page()
    page.goto(f"{live_server.url}/en/help/")
    page.locator("#id_need").select_option("violence_at_home")
    page.locator("#id_place").select_option("NO:")
    page.locator("form[role=search] button[type=submit]").click()
    results = page.locator("ul.office-cards > li")
    expect(results.first).to_contain_text("112")
    assert results.count() >= 2
    assert "need=violence_at_home" in page.url
