"""Another office's adviser cannot reach a case, not by its address, the list or search."""

import re
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, expect

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.models import Case, Channel

AppUrl = Callable[[str], str]


def test_another_office_cannot_open_the_case_by_url(
    page: Page,
    new_context: Callable[..., BrowserContext],
    sign_in: Callable[[BrowserContext, User], None],
    log_in_with_form: Callable[[Page, User], None],
    app_url: AppUrl,
    adviser: User,
    worked_case: Case,
    other_adviser: User,
    other_office: Office,
) -> None:
    own_case = services.register_case(
        viewer=viewer_of(other_adviser, other_office),
        details=services.CaseDetails(channel=Channel.PHONE, narrative="Avvist på utestedet."),
        person=services.PersonDetails(name="Ola Nordmann"),
    )
    case_url = app_url(f"/cases/{worked_case.public_id}/")
    document = worked_case.documents.get()

    # In Oslo the address opens the case.
    sign_in(page.context, adviser)
    page.goto(case_url)
    expect(page.get_by_role("heading", level=1, name=worked_case.number)).to_be_visible()

    # In Bergen, in a browser of its own, the same address is a page that is not there.
    bergen = new_context().new_page()
    log_in_with_form(bergen, other_adviser)
    for path in (
        f"/cases/{worked_case.public_id}/",
        f"/cases/{worked_case.public_id}/classify/",
        f"/cases/{worked_case.public_id}/access-history/",
        f"/documents/{document.public_id}/download/",
    ):
        response = bergen.goto(app_url(path))
        assert response is not None
        assert response.status == 404, path
        expect(bergen.get_by_role("heading", level=1)).to_have_text("Not found")
        expect(bergen.get_by_text("sparkesykkel")).to_have_count(0)
        expect(bergen.get_by_text(worked_case.number)).to_have_count(0)

    # Bergen's list holds Bergen's case only, and searching does not find Oslo's.
    bergen.get_by_role("navigation", name="Main").get_by_role("link", name="Cases").click()
    results = bergen.locator("#case-results")
    expect(results.locator(".result-count")).to_have_text("1 case")
    expect(results.get_by_role("link", name=own_case.number)).to_be_visible()
    search = bergen.get_by_label("Search", exact=True)
    # "Nordmann" is in both offices' cases: Bergen finds only its own.
    search.fill("Nordmann")
    search.press("Enter")
    expect(bergen).to_have_url(re.compile(r"[?&]s=[\w-]+"))
    assert "Nordmann" not in bergen.url
    expect(results.locator(".result-count")).to_have_text("1 case")
    expect(results.get_by_role("link", name=own_case.number)).to_be_visible()
    for query in ("sparkesykkel", worked_case.number):
        before = bergen.url
        search.fill(query)
        search.press("Enter")
        expect(bergen).not_to_have_url(before)
        expect(results.locator(".result-count")).to_have_text("0 cases")
        assert query not in bergen.url
    expect(results.get_by_role("link", name=worked_case.number)).to_have_count(0)
