"""Browser tests drive Debian's Chromium through Playwright against Django's live server.

Playwright never downloads a browser here: the tests use /usr/bin/chromium (apt package
`chromium`). In CI a missing Chromium fails the run, so browser tests cannot silently vanish;
on a laptop without it they are skipped with the reason.
"""

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import PASSWORD, viewer_of
from likeverd.cases import services
from likeverd.cases.dates import parse_incident_date
from likeverd.cases.models import Case, Channel, DocumentKind, EventKind, Wish
from likeverd.core import clock
from likeverd.taxonomy.apply import apply_taxonomy
from likeverd.taxonomy.loader import load_all
from likeverd.taxonomy.models import LegalSource, Term, TermKind
from likeverd.taxonomy.selectors import get_terms_by_codes

CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"

# Keeps Chromium from calling home, so a test that sees a request to another host has found
# one the page itself made.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found: install Debian's chromium package to run browser tests"
        if IN_CI:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return {
        "headless": True,
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(autouse=True)
def _legal_taxonomy(transactional_db: None) -> None:
    """Load the legal taxonomy (a data migration's rows) again before each test.

    Live-server tests run in a transactional database that is emptied when a test ends, by
    this test's predecessors as by any other transactional test. Django's serialized rollback
    cannot be relied on here: it keeps its copy on the connection object, and once Playwright's
    sync API runs its event loop in this thread, asgiref hands the test a new connection
    object without the copy. The loader is idempotent, so rows already there stay as they are.
    """
    apply_taxonomy(load_all(), term_model=Term, source_model=LegalSource)


# --- logging in ---------------------------------------------------------------------------------

# The screens' English labels are the source strings, and terms show their `label_en` there.
LANGUAGE_PREFIX = "/en"
STAFF_PREFIX = f"{LANGUAGE_PREFIX}/staff"


@pytest.fixture
def app_url(live_server: LiveServer) -> Callable[[str], str]:
    """The live server's address of the staff screen `path` (like "/cases/"), in English."""

    def make(path: str) -> str:
        return f"{live_server.url}{STAFF_PREFIX}{path}"

    return make


def current_code(user: User) -> str:
    """The code the person's authenticator app shows right now (zero-padded, as the app shows it)."""
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def authenticator_code() -> Callable[[User], str]:
    """`current_code`, for tests: what the person's app shows when the test asks."""
    return current_code


@pytest.fixture
def log_in_with_form(app_url: Callable[[str], str]) -> Callable[[Page, User], None]:
    """Log in through the login page as a person would: username, password, the current code.

    Each person can use a code once (django-otp refuses a replayed code), so log a person in
    with this once per test; for more pages or contexts use `sign_in`.
    """

    def log_in(page: Page, user: User) -> None:
        page.goto(app_url("/account/login/"))
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_label("Code from your authenticator app").fill(current_code(user))
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("heading", level=1, name="Overview")).to_be_visible()

    return log_in


@pytest.fixture
def sign_in(live_server: LiveServer) -> Callable[[BrowserContext, User], None]:
    """Give a browser context the session of `user`, logged in with both factors, without the form.

    For tests about what happens after logging in: quicker, and free of the one-use code.
    """

    def give_session(context: BrowserContext, user: User) -> None:
        client = Client()
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user, confirmed=True).persistent_id
        session.save()
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url, "httpOnly": True}]
        )

    return give_session


# --- a case with something on every part of its page ------------------------------------------

NARRATIVE_WORD = "sparkesykkel"


@pytest.fixture
def worked_case(adviser: User, office: Office) -> Case:
    """A case of `office` a few days into its life: a person, classification, a note, a task, a document."""
    viewer = viewer_of(adviser, office)
    case = services.register_case(
        viewer=viewer,
        details=services.CaseDetails(
            channel=Channel.PHONE,
            narrative=f"Bussjåføren ville ikke slippe henne på med {NARRATIVE_WORD}, men slapp på andre.",
            incident_date=parse_incident_date("våren 2025", today=clock.today()),
            incident_municipality="Oslo",
            wishes=[Wish.ADVICE, Wish.COMPLAINT],
        ),
        person=services.PersonDetails(
            name="Kari Nordmann",
            phone="+47 400 00 000",
            # A long address without a place to break: the phone layout must still fit it.
            email="kari.nordmann.med.et.langt.navn@eksempel-kommune.kommune.no",
            safe_to_call=True,
            language="nb",
        ),
        assign_to=adviser,
    )
    grounds = list(
        get_terms_by_codes(jurisdiction="NO", kind=TermKind.GROUND, codes=["ETHNICITY", "RELIGION"])
    )
    # The taxonomy comes from a data migration; _legal_taxonomy puts it back for each test.
    assert len(grounds) == 2, "the Norwegian taxonomy is not in the test database"
    services.classify_case(viewer=viewer, case=case, classification=services.Classification(grounds=grounds))
    services.add_timeline_entry(
        viewer=viewer, case=case, kind=EventKind.NOTE, body="Ringte tilbake: hun vil klage til nemnda."
    )
    services.add_task(
        viewer=viewer, case=case, title="Sende klageskjema", due_date=clock.today() + dt.timedelta(days=3)
    )
    services.upload_document(
        viewer=viewer,
        case=case,
        upload=SimpleUploadedFile("brev-fra-busselskapet.txt", b"Vi beklager hendelsen.\n"),
        kind=DocumentKind.CORRESPONDENCE,
    )
    case.refresh_from_db()
    return case
