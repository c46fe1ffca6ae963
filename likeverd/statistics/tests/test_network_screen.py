"""The network statistician's screen: offices and a period in, disclosure-controlled figures out,
never a case; and a statistician reaches no case, case list or search anywhere."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import Case
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor
from likeverd.core import clock
from likeverd.statistics.selectors import report_offices
from likeverd.statistics.tests.rows import OSLO

pytestmark = pytest.mark.django_db


def network_url(**query: str | list[str]) -> str:
    with translation.override("en"):
        address = reverse("statistics:network")
    if not query:
        return address
    parts = []
    for name, value in query.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(f"{name}={item}")
    return f"{address}?{'&'.join(parts)}"


@pytest.fixture
def statistician(office: Office) -> User:
    return make_staff(office, Role.NETWORK_STATISTICIAN, first_name="Henrik", last_name="Statistician")


@pytest.fixture
def a_case(office: Office, adviser: User) -> Case:
    last_year = clock.now().year - 1
    return register(
        viewer_of(adviser),
        narrative="Refused a flat because of her name",
        person_name="Amina Hassan",
        received_at=dt.datetime(last_year, 3, 14, 10, tzinfo=OSLO),
        incident_municipality="Oslo",
        residence_municipality="Oslo",
    )


def test_a_statistician_sees_every_office_and_last_year_with_small_counts_hidden(
    office: Office, other_office: Office, statistician: User, a_case: Case, client_for: ClientFor
) -> None:
    response = client_for(statistician).get(network_url())
    page = response.content.decode()

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    # Both offices ticked, though the statistician's membership is in one of them.
    for chosen in (office, other_office):
        assert re.search(rf'value="{chosen.public_id}"[^>]* checked', page)
    assert f"Figures from 01.01.{clock.now().year - 1}" in page
    for table_id in ("cases_by_ground", "cases_by_municipality", "hate_crimes_by_odihr_category"):
        assert f'data-table-id="{table_id}"' in page
    # The one case of the year is a count of one: hidden, in every table it would show in.
    oslo_row = re.search(r'<tr data-key="oslo">(.*?)</tr>', page, re.DOTALL)
    assert oslo_row is not None
    assert ">1<" not in oslo_row.group(1)
    assert 'visually-hidden">hidden</span>' in oslo_row.group(1)
    # Never a case: no number, name, words of the narrative or link to a case screen.
    for secret in (a_case.number, "Amina", "Refused a flat", str(a_case.public_id), "/staff/cases/"):
        assert secret not in page


def test_the_read_is_audited_with_the_offices_and_period(
    office: Office, other_office: Office, statistician: User, client_for: ClientFor
) -> None:
    query: dict[str, str | list[str]] = {
        "offices": [str(other_office.public_id)],
        "start": "01/01/2025",
        "end": "31/12/2025",
    }
    assert client_for(statistician).get(network_url(**query)).status_code == 200
    event = AuditEvent.objects.filter(action=AuditAction.VIEW, actor=statistician).latest("id")
    assert event.detail["read"] == "statistics"
    assert event.detail["offices"] == [other_office.code]
    assert event.detail["controlled"] is True


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "01/01/2025", "end": "31/12/2025"}, "Choose at least one office."),
        ({"start": "31/12/2025", "end": "01/01/2025"}, "The period ends before it starts."),
        ({"start": "01/01/1990", "end": "31/12/2025"}, "Choose a period of at most 20 years."),
        ({"start": "02/01/2025", "end": "31/12/2025"}, "cover whole months only: start on the first"),
        ({"start": "01/01/2025", "end": "30/12/2025"}, "(for example 2025-01-01 to 2025-12-31)"),
        ({"start": "32/01/2025", "end": "31/12/2025"}, "Enter a valid date."),
        ({"offices": ["00000000-0000-0000-0000-000000000000"], "start": "01/01/2025", "end": "31/12/2025"},
         "Select a valid choice."),
    ],
)  # fmt: skip
def test_a_bad_choice_is_explained_and_shows_no_figures(
    office: Office, statistician: User, client_for: ClientFor, query: dict[str, str | list[str]], message: str
) -> None:
    if "offices" not in query and "Choose at least" not in message:
        query = {**query, "offices": [str(office.public_id)]}
    page = client_for(statistician).get(network_url(**query)).content.decode()
    assert message in page
    assert "data-table-id" not in page
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW, actor=statistician).exists()


@pytest.mark.parametrize(
    "role", [Role.ADVISER, Role.COORDINATOR, Role.OFFICE_ADMIN, Role.DATA_PROTECTION_OFFICER]
)
def test_office_staff_do_not_get_the_networks_figures(
    office: Office, role: Role, client_for: ClientFor
) -> None:
    client = client_for(make_staff(office, role))
    assert client.get(network_url()).status_code == 403
    assert (
        'href="/en/staff/statistics/network/"' not in client.get("/en/staff/", follow=True).content.decode()
    )


def test_someone_not_logged_in_is_sent_to_the_login() -> None:
    response = Client().get(network_url())
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_statisticians_navigation_leads_to_the_figures(statistician: User, client_for: ClientFor) -> None:
    page = client_for(statistician).get(network_url()).content.decode()
    assert 'href="/en/staff/statistics/network/" aria-current="page">Network statistics</a>' in page
    assert ">Cases</a>" not in page


# --- never a case -----------------------------------------------------------------------------------

# Staff screens a statistician may open: their own account, the shared help directory and
# knowledge base (no case data), and the statistics.
ALLOWED_NAMESPACES = {"accounts", "directory", "knowledge", "statistics", "admin"}


def _staff_patterns(
    patterns: list[URLPattern | URLResolver] | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    """(route, namespaced name) of every staff screen, with converters left in the route."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            yield from _staff_patterns(list(pattern.url_patterns), prefix + route, inner)
        elif (prefix + route).startswith("staff/") or "staff/" in prefix:
            yield prefix + route, f"{namespace}:{pattern.name}" if namespace else str(pattern.name)


def _concrete(route: str, case: Case) -> str:
    def value(match: re.Match[str]) -> str:
        converter = match.group(1) or "str"
        return {"uuid": str(case.public_id), "int": "1", "slug": "x", "path": "x"}.get(converter, case.number)

    return "/" + re.sub(r"<(?:(\w+):)?\w+>", value, route)


def test_a_statistician_reaches_no_case_no_case_list_and_no_search(
    office: Office, statistician: User, a_case: Case, client_for: ClientFor
) -> None:
    client = client_for(statistician)
    checked: list[str] = []
    for route, name in _staff_patterns():
        if name.split(":")[0] in ALLOWED_NAMESPACES:
            continue
        address = _concrete(route, a_case)
        for method in ("get", "post"):
            response = getattr(client, method)(address)
            if name in {"home", "cases:dashboard"} and method == "get":
                # The landing page (and the case overview at the same address) sends them to the figures.
                assert response["Location"] == reverse("statistics:network")
                continue
            assert response.status_code in {403, 404, 405}, f"{method.upper()} {address} ({name})"
            content = response.content.decode()
            assert "Amina" not in content
            assert "Refused a flat" not in content
        checked.append(name)
    assert {
        "cases:case_list",
        "cases:case_detail",
        "cases:case_list_export",
        "cases:document_download",
    } <= set(checked)
    assert len(checked) > 40


# --- how an installation gets a statistician ---------------------------------------------------------


def test_the_installer_adds_a_statistician_at_the_command_line(
    office: Office, other_office: Office, client_for: ClientFor
) -> None:
    call_command(
        "createstaff",
        "--office",
        office.code,
        "--username",
        "stat",
        "--first-name",
        "Siri",
        "--last-name",
        "Tall",
        "--role",
        "network_statistician",
        "--password",
        "a long and unusual passphrase",
        "--no-qr",
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    statistician = User.objects.get(username="stat")
    assert set(report_offices(viewer_of(statistician))) == {office, other_office}
    landing = client_for(statistician).get("/en/staff/")
    assert landing["Location"] == reverse("statistics:network")


def test_a_period_that_splits_a_month_is_explained_in_the_statisticians_language_with_the_form_kept(
    office: Office, other_office: Office, statistician: User, client_for: ClientFor
) -> None:
    """Two published periods a day apart would give away that day's hidden counts by subtraction."""
    with translation.override("nb"):
        address = reverse("statistics:network")
    page = (
        client_for(statistician)
        .get(address, {"offices": [str(other_office.public_id)], "start": "02.01.2025", "end": "31.12.2025"})
        .content.decode()
    )
    assert "Tall med små tall skjult gjelder bare hele måneder" in page
    assert 'value="02.01.2025"' in page
    assert 'value="31.12.2025"' in page
    assert re.search(rf'value="{other_office.public_id}"[^>]* checked', page)
    assert not re.search(rf'value="{office.public_id}"[^>]* checked', page)
    assert "data-table-id" not in page
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW, actor=statistician).exists()
