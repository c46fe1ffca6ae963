"""Search words (often names) never travel in an address: the form is posted, the text stays in
the session, and the list's address carries an opaque token (`?s=`) that pages and exports keep."""

from urllib.parse import parse_qs, urlsplit

import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, search, url
from likeverd.cases.views import CASES_PER_PAGE

pytestmark = pytest.mark.django_db


def _query(address: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(address).query)


def test_a_search_leaves_only_a_token_in_the_address(adviser: User, client_for: ClientFor) -> None:
    found = register(viewer_of(adviser), person_name="Samir Nasser")
    other = register(viewer_of(adviser), person_name="Ola Nordmann")
    client = client_for(adviser)

    response = search(client, q="Nasser", status="new")

    address = response.redirect_chain[-1][0]
    assert "Nasser" not in address
    assert _query(address).keys() == {"s", "status"}
    page = response.content.decode()
    assert url("case_detail", found.public_id) in page
    assert url("case_detail", other.public_id) not in page
    # Opening the address again (the browser's back button, a reload) repeats the search.
    assert url("case_detail", other.public_id) not in client.get(address).content.decode()


def test_the_pages_and_the_export_of_a_search_keep_it_by_its_token(
    adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    for _ in range(CASES_PER_PAGE + 1):
        register(viewer, narrative="Refused at the door of the club")
    outside = register(viewer, narrative="Harassed on the tram")
    client = client_for(adviser)

    first = search(client, q="club")
    token = _query(first.redirect_chain[-1][0])["s"][0]
    page = first.content.decode()
    assert f"?s={token}&amp;page=2" in page
    assert "q=" not in page  # the page links and the export link carry the token only

    second = client.get(url("case_list"), {"s": token, "page": "2"}).content.decode()
    assert f"{CASES_PER_PAGE + 1} cases" in second
    assert 'aria-current="page">2<' in second
    export = client.get(url("case_list_export"), {"s": token})
    body = b"".join(export.streaming_content).decode()  # type: ignore[attr-defined]
    assert outside.number not in body
    assert len(body.strip().splitlines()) == CASES_PER_PAGE + 2


def test_a_search_text_written_into_the_address_is_not_believed(adviser: User, client_for: ClientFor) -> None:
    register(viewer_of(adviser), person_name="Samir Nasser")
    register(viewer_of(adviser), person_name="Ola Nordmann")

    page = client_for(adviser).get(url("case_list"), {"q": "Nasser"}).content.decode()

    assert "2 cases" in page


def test_a_token_means_nothing_in_another_session(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    register(viewer_of(adviser), person_name="Samir Nasser")
    register(viewer_of(adviser), person_name="Ola Nordmann")
    address = search(client_for(adviser), q="Nasser").redirect_chain[-1][0]

    page = client_for(adviser).get(address).content.decode()

    assert "2 cases" in page
    assert "Nasser" not in page


def test_the_live_search_answers_with_the_table_and_an_address_without_the_words(
    adviser: User, client_for: ClientFor
) -> None:
    found = register(viewer_of(adviser), person_name="Samir Nasser")

    response = client_for(adviser).post(
        url("case_list"), {"q": "Nasser"}, headers={"HX-Request": "true", "HX-Target": "case-results"}
    )

    assert response.status_code == 200
    assert url("case_detail", found.public_id) in response.content.decode()
    assert "<h1>" not in response.content.decode()
    pushed = response["HX-Push-Url"]
    assert "Nasser" not in pushed
    assert "s" in _query(pushed)
