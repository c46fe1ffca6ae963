"""The public help directory and knowledge base: found without JavaScript, urgent help first, in
the visitor's language, public entries only, and strict about what they load."""

import re

import pytest
from django.test import Client

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.directory.models import Service
from likeverd.directory.seed import load_seed
from likeverd.directory.sync import apply_directory, live_model
from likeverd.directory.tests.factories import AreaFactory, ServiceFactory
from likeverd.knowledge.models import Article
from likeverd.knowledge.services import load_network_articles
from likeverd.knowledge.tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _network_directory_and_articles() -> None:
    if not Service.objects.filter(office__isnull=True).exists():
        apply_directory(load_seed(), office_id=None, get_model=live_model, update_need_labels=True)
    load_network_articles()


@pytest.fixture
def oslo() -> Office:
    return OfficeFactory.create(name="DiMe Oslo", code="OSL", jurisdiction=Jurisdiction.NORWAY)


@pytest.fixture
def bergen() -> Office:
    return OfficeFactory.create(name="DiMe Bergen", code="BGO", jurisdiction=Jurisdiction.NORWAY)


def text_of(response: object) -> str:
    content: bytes = response.content  # type: ignore[attr-defined]
    return re.sub(r"\s+", " ", content.decode())


def results(page: str) -> str:
    return page.split('id="results-heading"')[1]


def test_help_by_need_and_place_shows_urgent_help_first(client: Client) -> None:
    page = text_of(client.get("/en/help/", {"need": "hate_crime", "place": "NO:Oslo", "language": ""}))
    found = results(page)
    assert found.index("Nødnummer 112 (politi)") < found.index(
        "Rettshjelp og megling ved rasisme og diskriminering"
    )
    assert 'href="tel:112"' in found
    assert "Polisanmäla hatbrott" not in found
    assert 'lang="nb"' in found


def test_help_in_sweden_and_in_a_language(client: Client) -> None:
    found = results(text_of(client.get("/en/help/", {"place": "SE:", "language": "sv"})))
    assert "114 14" in found
    assert "Nødnummer 112" not in found
    nothing = results(text_of(client.get("/en/help/", {"place": "SE:Uppsala", "language": "ti"})))
    assert "Places to get help: 0" in nothing
    assert "We found nothing for this search" in nothing


def test_the_first_visit_shows_the_form_and_emergency_numbers_but_no_results(client: Client) -> None:
    page = text_of(client.get("/en/help/"))
    assert 'id="results-heading"' not in page
    assert "In danger right now?" in page
    assert '<form method="get"' in page
    assert "<script>" not in page


def test_nonsense_in_the_address_is_refused_quietly(client: Client) -> None:
    response = client.get("/en/help/", {"need": "<script>", "place": "XX:Nowhere", "language": "zz"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main")[1]


def test_an_offices_own_entries_show_on_its_address_only(
    client: Client, oslo: Office, bergen: Office
) -> None:
    own = ServiceFactory.create(office=oslo, name="Oslo-kontorets kafékveld", is_urgent=False)
    AreaFactory.create(service=own, kind="municipality", country="NO", name="Oslo")
    theirs = ServiceFactory.create(office=bergen, name="Bergen-kontorets eget tilbud")
    AreaFactory.create(service=theirs, kind="municipality", country="NO", name="Oslo")
    query = {"need": "", "place": "NO:Oslo", "language": ""}
    network = text_of(client.get("/en/help/", query))
    assert "Oslo-kontorets kafékveld" not in network
    office_page = text_of(client.get("/en/offices/osl/help/", query))
    assert "Oslo-kontorets kafékveld" in office_page
    assert "Bergen-kontorets eget tilbud" not in office_page
    assert client.get("/en/offices/nowhere/help/").status_code == 404


def test_the_help_page_speaks_every_public_language(client: Client) -> None:
    arabic = client.get("/ar/help/", {"need": "housing", "place": "", "language": ""}).content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "Find other help" not in arabic
    assert "What do you need help with?" not in arabic


def test_public_articles_only_in_the_visitors_language_or_the_nearest(client: Client, oslo: Office) -> None:
    make_article(office=oslo, title="Intern rutine for kafékvelder", is_public=False)
    english = text_of(client.get("/en/knowledge/"))
    assert "How to secure evidence of online hate" in english
    assert "Sorteringssamtalen" not in english
    assert "The sorting conversation" not in english
    assert "Intern rutine" not in english
    internal = Article.objects.get(code="sorting-conversation-checklist")
    assert client.get(f"/en/knowledge/{internal.public_id}/").status_code == 404
    online = Article.objects.get(code="online-hate-evidence")
    swedish = text_of(client.get(f"/sv/knowledge/{online.public_id}/"))
    assert "Så säkrar du bevis om hat på nätet" in swedish
    somali = text_of(client.get(f"/so/knowledge/{online.public_id}/"))
    assert '<article lang="en" dir="auto">' in somali
    assert "How to secure evidence of online hate" in somali


def test_public_knowledge_search_finds_words_in_any_language(client: Client) -> None:
    page = text_of(client.get("/en/knowledge/", {"q": "dørvakt", "sector": "", "topic": ""}))
    assert "Refused entry to a nightclub: what to secure" in page
    assert "Articles: 1" in page
    police = text_of(client.get("/nb/knowledge/", {"q": "", "sector": "police", "topic": ""}))
    assert "Slik anmelder du hatkriminalitet" in police
    assert "Slik sikrer du bevis for hat på nett" in police
    assert "Bolig: nektet leie" not in police


def test_an_authors_html_never_reaches_the_public_page(client: Client) -> None:
    article = make_article(
        title="Test", body="<img src=x onerror=alert(1)> [lenke](javascript:alert(2))", is_public=True
    )
    page = client.get(f"/nb/knowledge/{article.public_id}/").content.decode()
    assert "<img" not in page
    assert "javascript:" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize("path", ["/nb/help/", "/nb/knowledge/"])
def test_the_pages_load_nothing_from_elsewhere_and_keep_the_quick_exit(client: Client, path: str) -> None:
    response = client.get(path)
    page = response.content.decode()
    assert 'id="quick-exit"' in page
    assert "no-store" in response["Cache-Control"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    loaded = re.findall(r'<(?:script|img|iframe)[^>]*\ssrc="([^"]+)"', page)
    loaded += re.findall(r'<link[^>]*\shref="([^"]+)"', page)
    assert loaded
    assert all(source.startswith("/") and not source.startswith("//") for source in loaded)
    assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", page) == []
    assert " style=" not in page
