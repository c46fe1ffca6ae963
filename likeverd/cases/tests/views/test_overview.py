from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases import services
from likeverd.cases.models import Channel
from likeverd.cases.services import Classification
from likeverd.cases.tests.factories import register, term
from likeverd.cases.tests.pages import ClientFor, search, url
from likeverd.core import clock
from likeverd.taxonomy.models import TermKind

pytestmark = pytest.mark.django_db


def test_the_list_filters_and_keeps_its_filters_in_page_links(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    for _ in range(26):
        register(viewer, channel=Channel.EMAIL)
    phoned = register(viewer, channel=Channel.PHONE)

    page = client_for(adviser).get(url("case_list"), {"channel": "email"}).content.decode()
    assert phoned.number not in page
    assert "26 cases" in page
    assert "?channel=email&amp;page=2" in page
    assert 'aria-current="page"' in page


def test_the_list_answers_htmx_with_the_table_alone(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    response = client_for(adviser).get(
        url("case_list"), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="case-results"
    )

    page = response.content.decode()
    assert case.number in page
    assert "<html" not in page
    assert "HX-Request" in response["Vary"]


def test_the_list_needs_the_same_number_of_queries_for_many_cases(
    office: Office, adviser: User, client_for: ClientFor, django_assert_max_num_queries: Any
) -> None:
    viewer = viewer_of(adviser)
    grounds = [term(TermKind.GROUND, "ETHNICITY"), term(TermKind.GROUND, "RELIGION")]

    def add_cases(count: int) -> None:
        for _ in range(count):
            case = register(viewer)
            services.classify_case(viewer=viewer, case=case, classification=Classification(grounds=grounds))
            services.assign_case(viewer=viewer, case=case, assignee=adviser)

    client = client_for(adviser)
    add_cases(2)
    address = search(client, q="nightclub").redirect_chain[-1][0]
    with CaptureQueriesContext(connection) as few:
        client.get(address)
    add_cases(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(address)
    assert "32 cases" in response.content.decode()


def test_the_dashboard_shows_my_tasks_and_new_cases(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    services.add_task(viewer=viewer, case=case, title="Call the person back", due_date=clock.today())

    page = client_for(adviser).get(url("dashboard")).content.decode()
    assert "Call the person back" in page
    assert case.number in page


def test_the_csv_export_downloads_the_filtered_list_of_the_own_office_only(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    ours = register(viewer_of(adviser), person_name="Amina Hassan")
    theirs = register(viewer_of(other_adviser))
    response = client_for(adviser).get(url("case_list_export"), {"status": "new"})
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert response["Content-Type"].startswith("text/csv")
    assert ours.number in body
    assert theirs.number not in body
    assert "Amina" not in body


def test_a_search_with_more_matches_than_the_cap_says_so(
    office: Office, adviser: User, client_for: ClientFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from likeverd.core.pagination import CappedPaginator

    monkeypatch.setattr(CappedPaginator.__init__, "__kwdefaults__", {"cap": 3})
    for _ in range(5):
        register(viewer_of(adviser), narrative="Refused at the door")
    page = search(client_for(adviser), q="door").content.decode()
    assert "More than 3 cases" in page
    few = search(client_for(adviser), q="door", status="closed").content.decode()
    assert "0 cases" in few


def test_the_navigation_offers_only_what_the_role_may_do(office: Office, client_for: ClientFor) -> None:
    coordinator = make_staff(office, Role.COORDINATOR)
    page = client_for(coordinator).get(url("dashboard")).content.decode()
    assert f'href="{url("register_call")}"' in page
    assert f'href="{url("case_list")}"' not in page
    assert f'href="{url("privacy:office_audit_log")}"' not in page
