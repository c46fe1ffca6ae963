"""The staff screens: every member of an office reads and searches; coordinators write and edit
their office's articles; another office's ids answer 404 and are recorded."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.knowledge.models import Article, ArticleRevision, ArticleText
from likeverd.knowledge.services import ArticleDetails, load_network_articles, write_article
from likeverd.knowledge.tests.factories import make_article

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def url(name: str, *args: Any, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"knowledge:{name}", args=args)


@pytest.fixture
def coordinator(office: Office) -> User:
    return make_staff(office, Role.COORDINATOR, username="nadia")


def test_an_adviser_searches_the_networks_articles_and_reads_one(
    adviser: User, client_for: ClientFor
) -> None:
    load_network_articles()
    client = client_for(adviser)
    page = client.get(url("article_list"), {"q": "skjermbilder"}).content.decode()
    assert "How to secure evidence of online hate" in page
    assert "Write an article" not in page
    article = Article.objects.get(code="online-hate-evidence")
    detail = client.get(url("article_detail", article.public_id)).content.decode()
    assert "<h2>Before you do anything else</h2>" in detail
    assert "<strong>Take screenshots of the whole post</strong>" in detail
    norwegian = client.get(url("article_detail", article.public_id), {"language": "nb"}).content.decode()
    assert 'lang="nb"' in norwegian
    assert "Slik sikrer du bevis for hat på nett" in norwegian


def test_search_by_sector_includes_articles_for_every_sector(adviser: User, client_for: ClientFor) -> None:
    load_network_articles()
    page = client_for(adviser).get(url("article_list"), {"sector": "nightlife"}).content.decode()
    assert "Refused entry to a nightclub: what to secure" in page
    assert "How to secure evidence of online hate" in page
    assert "Bolig: nektet leie" not in page


def test_a_coordinator_writes_an_article_and_it_is_shown_safely(
    coordinator: User, client_for: ClientFor
) -> None:
    client = client_for(coordinator)
    assert client.get(url("article_create")).status_code == 200
    response = client.post(
        url("article_create"),
        {
            "language": "nb",
            "title": "Kafékveld",
            "summary": "",
            "body": "## Rutine\n<script>alert(1)</script>\n- ta med skjema",
            "sector": "municipality",
            "topic": "prevention",
            "seen_revision": "0",
        },
    )
    article = Article.objects.get(office__isnull=False)
    assert response.status_code == 302
    assert response["Location"] == url("article_detail", article.public_id) + "?language=nb"
    page = client.get(response["Location"]).content.decode()
    assert "<h2>Rutine</h2>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert "<ul><li>ta med skjema</li></ul>" in page


def test_an_adviser_may_not_write_articles(adviser: User, client_for: ClientFor) -> None:
    client = client_for(adviser)
    assert client.get(url("article_create")).status_code == 403
    assert client.post(url("article_create"), {"title": "x"}).status_code == 403
    assert not Article.objects.exists()


def test_editing_one_language_and_adding_another_with_the_history_showing_who(
    office: Office, coordinator: User, client_for: ClientFor
) -> None:
    client = client_for(coordinator)
    article = write_article(
        viewer=viewer_of(coordinator),
        details=ArticleDetails(
            language="nb", title="Rutine", body="Gammel tekst.", topic="evidence", sector="school"
        ),
    )
    text = ArticleText.objects.get(article=article)
    form = client.get(url("article_edit", article.public_id), {"language": "nb"}).content.decode()
    assert "Gammel tekst." in form
    data = {"title": "Rutine", "summary": "", "body": "Ny tekst.", "sector": "school", "topic": "evidence"}
    response = client.post(
        url("article_edit", article.public_id) + "?language=nb", {**data, "seen_revision": text.revision}
    )
    assert response.status_code == 302
    assert ArticleText.objects.get(article=article, language="nb").body == "Ny tekst."
    translating = client.get(url("article_edit", article.public_id), {"language": "sv"}).content.decode()
    assert "Translate from the text in Norwegian" in translating
    client.post(
        url("article_edit", article.public_id) + "?language=sv",
        {**data, "title": "Rutin", "body": "Ny text.", "seen_revision": 0},
    )
    assert sorted(article.texts.values_list("language", flat=True)) == ["nb", "sv"]
    history = client.get(url("article_history", article.public_id)).content.decode()
    rows = history.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 3
    assert all("nadia" in row for row in rows)
    assert "Swedish" in rows[0]
    assert "written" in rows[0]
    assert "<td>text</td>" in rows[1]
    assert "written" in rows[2]


def test_a_stale_edit_keeps_the_typed_text_and_a_second_save_goes_through(
    office: Office, coordinator: User, client_for: ClientFor
) -> None:
    client = client_for(coordinator)
    article = make_article(office=office, title="Rutine", body="Start.")
    ArticleText.objects.filter(article=article).update(revision=3)
    data = {"title": "Rutine", "summary": "", "body": "Min versjon.", "topic": "evidence", "sector": ""}
    address = url("article_edit", article.public_id) + "?language=nb"
    page = client.post(address, {**data, "seen_revision": 1}).content.decode()
    assert "Someone else saved this article" in page
    assert "Min versjon." in page
    assert ArticleText.objects.get(article=article).body == "Start."
    assert client.post(address, {**data, "seen_revision": 3}).status_code == 302
    assert ArticleText.objects.get(article=article).body == "Min versjon."


def test_another_offices_article_is_not_found_and_the_probe_is_recorded(
    office: Office, other_office: Office, coordinator: User, client_for: ClientFor
) -> None:
    theirs = make_article(office=other_office, title="Bergens interne rutine")
    client = client_for(coordinator)
    assert client.get(url("article_detail", theirs.public_id)).status_code == 404
    assert client.get(url("article_history", theirs.public_id)).status_code == 404
    assert client.get(url("article_edit", theirs.public_id)).status_code == 404
    assert client.post(url("article_edit", theirs.public_id), {"title": "x"}).status_code == 404
    assert "Bergens interne rutine" not in client.get(url("article_list")).content.decode()
    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, office=office)
    assert denied.count() == 4
    assert {event.detail["target_id"] for event in denied} == {str(theirs.public_id)}
    assert not ArticleRevision.objects.exists()


def test_a_network_article_offers_no_edit_button(coordinator: User, client_for: ClientFor) -> None:
    load_network_articles()
    article = Article.objects.get(code="police-report-hate-crime")
    client = client_for(coordinator)
    page = client.get(url("article_detail", article.public_id)).content.decode()
    assert url("article_edit", article.public_id) not in page
    assert client.get(url("article_edit", article.public_id)).status_code == 404


def test_the_staff_menu_links_the_knowledge_base(adviser: User, client_for: ClientFor) -> None:
    page = client_for(adviser).get(url("article_list")).content.decode()
    assert f'<a href="{url("article_list")}" aria-current="page">Knowledge base</a>' in page


def test_logged_out_visitors_are_sent_to_the_login(client: Client) -> None:
    response = client.get(url("article_list"))
    assert response.status_code == 302
    assert "login" in response["Location"]
