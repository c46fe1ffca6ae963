"""The login page loads in a real browser, passes axe's serious checks and calls no other host."""

from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Request
from pytest_django.live_server_helper import LiveServer

SERIOUS_IMPACTS = {"serious", "critical"}


def test_login_page_is_accessible_and_loads_nothing_from_other_hosts(
    live_server: LiveServer, page: Page
) -> None:
    requested_hosts: set[str] = set()

    def remember_host(request: Request) -> None:
        url = urlsplit(request.url)
        if url.scheme in {"http", "https", "ws", "wss"}:
            requested_hosts.add(url.netloc)

    page.on("request", remember_host)
    response = page.goto(f"{live_server.url}/nb/staff/account/login/")

    assert response is not None
    assert response.status == 200
    violations = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in SERIOUS_IMPACTS
    ]
    assert violations == []
    assert requested_hosts == {urlsplit(live_server.url).netloc}
