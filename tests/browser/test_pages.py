"""The screens as a whole: accessible to axe's serious checks, loading nothing from other hosts,
and fitting a phone's width.
"""

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, Request, expect
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import User
from likeverd.cases.models import Case

NARRATIVE_WORD = "sparkesykkel"  # in worked_case's narrative
SERIOUS_IMPACTS = {"serious", "critical"}
AppUrl = Callable[[str], str]


def walk_the_screens(
    page: Page, *, app_url: AppUrl, log_in_with_form: Callable[[Page, User], None], adviser: User, case: Case
) -> Iterator[str]:
    """Go through the day's screens as the adviser would, yielding each screen's name once it is shown."""
    page.goto(app_url("/account/login/"))
    yield "login"

    log_in_with_form(page, adviser)
    yield "dashboard"

    page.get_by_role("link", name="All deadlines in the office").click()
    expect(page.get_by_role("heading", level=1, name="Deadlines ending within 30 days")).to_be_visible()
    yield "deadlines page"

    main_nav = page.get_by_role("navigation", name="Main")
    main_nav.get_by_role("link", name="Cases").click()
    expect(page.get_by_role("heading", level=1, name="Cases")).to_be_visible()
    yield "case list"

    search = page.get_by_label("Search", exact=True)
    search.fill(NARRATIVE_WORD)
    search.press("Enter")
    expect(page.locator("#case-results .result-count")).to_have_text("1 case")
    yield "case list, searched"

    main_nav.get_by_role("link", name="Register a contact").click()
    expect(page.get_by_role("heading", level=1, name="Register a contact")).to_be_visible()
    yield "register form"

    page.get_by_label("E-mail", exact=True).fill("not an address")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("alert")).to_contain_text("Please check the form")
    yield "register form with an error"

    page.goto(app_url(f"/cases/{case.public_id}/"))
    expect(page.get_by_role("heading", level=1, name=case.number)).to_be_visible()
    page.get_by_text("Upload a document").click()
    page.get_by_text("Add a task").click()
    yield "case page"

    page.get_by_role("navigation", name="Case actions").get_by_role("link", name="Classify").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Classify {case.number}")
    yield "classify page"


def test_pages_have_no_serious_accessibility_violations(
    page: Page,
    app_url: AppUrl,
    log_in_with_form: Callable[[Page, User], None],
    adviser: User,
    worked_case: Case,
) -> None:
    axe = Axe()
    found: dict[str, list[str]] = {}
    for screen in walk_the_screens(
        page, app_url=app_url, log_in_with_form=log_in_with_form, adviser=adviser, case=worked_case
    ):
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in SERIOUS_IMPACTS:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                found.setdefault(screen, []).append(
                    f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}"
                )

    report = "\n".join(f"{screen}:\n  " + "\n  ".join(lines) for screen, lines in found.items())
    assert not found, f"serious accessibility violations:\n{report}"


def test_no_request_leaves_the_server(
    page: Page,
    live_server: LiveServer,
    app_url: AppUrl,
    log_in_with_form: Callable[[Page, User], None],
    adviser: User,
    worked_case: Case,
) -> None:
    requested: list[str] = []

    def remember(request: Request) -> None:
        if urlsplit(request.url).scheme not in {"data", "blob", "about"}:
            requested.append(request.url)

    page.context.on("request", remember)
    screens = list(
        walk_the_screens(
            page, app_url=app_url, log_in_with_form=log_in_with_form, adviser=adviser, case=worked_case
        )
    )
    page.goto(app_url(f"/cases/{worked_case.public_id}/"))
    with page.expect_download() as download:
        page.get_by_role("link", name="brev-fra-busselskapet.txt").click()
    # Chromium turns the download's request into a download without reporting it as a request.
    requested.append(download.value.url)

    assert len(screens) == 9
    # Stylesheet, htmx, the search's partial page and the download are all among them.
    assert any(url.endswith(".css") for url in requested)
    assert any(url.endswith(".js") for url in requested)
    # The search's partial page was asked for, but no address carries the search word.
    assert any(urlsplit(url).path.endswith("/cases/") for url in requested)
    assert not any(NARRATIVE_WORD in url for url in requested)
    assert any("/download/" in url for url in requested)
    server = urlsplit(live_server.url)[:2]
    elsewhere = [url for url in requested if urlsplit(url)[:2] != server]
    assert elsewhere == []


def test_case_page_fits_a_phone_without_scrolling_sideways(
    new_context: Callable[..., BrowserContext],
    sign_in: Callable[[BrowserContext, User], None],
    app_url: AppUrl,
    adviser: User,
    worked_case: Case,
) -> None:
    context = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    sign_in(context, adviser)
    page = context.new_page()

    for path in ("/", "/cases/", "/cases/register/", f"/cases/{worked_case.public_id}/"):
        page.goto(app_url(path))
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        widths = page.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth,"
            " client: document.documentElement.clientWidth})"
        )
        assert widths["scroll"] <= widths["client"], f"{path} scrolls sideways on a phone: {widths}"

    # The case's own content is there, not an error page that happens to be narrow.
    expect(page.get_by_role("heading", level=1, name=worked_case.number)).to_be_visible()
    expect(page.get_by_text(NARRATIVE_WORD)).to_be_visible()
