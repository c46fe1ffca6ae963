"""Search and links: an office sees the network's articles and its own, the public site public
ones only; words are found whatever their case, in any language version, title hits first."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from likeverd.accounts.models import Office
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.knowledge.models import Article
from likeverd.knowledge.selectors import (
    articles_for,
    articles_for_any,
    get_article,
    language_order,
    refused,
    search_articles,
    words_of,
)
from likeverd.knowledge.services import load_network_articles
from likeverd.knowledge.tests.factories import add_text, make_article

pytestmark = pytest.mark.django_db


def titles(views: list) -> list[str]:  # type: ignore[type-arg]
    return [view.text.title for view in views]


def test_an_office_never_sees_another_offices_articles(office: Office, other_office: Office) -> None:
    make_article(office=office, title="Oslo sin rutine")
    make_article(office=other_office, title="Bergen sin rutine", is_public=True)
    make_article(office=None, title="Nettverkets råd")
    assert sorted(titles(search_articles(office=office, language="nb"))) == [
        "Nettverkets råd",
        "Oslo sin rutine",
    ]
    with pytest.raises(Article.DoesNotExist):
        get_article(
            office=office, public_id=Article.objects.get(office=other_office).public_id, language="nb"
        )


def test_the_public_sees_public_articles_only_and_none_of_a_closed_office(
    office: Office, other_office: Office
) -> None:
    make_article(office=office, title="Intern rutine")
    make_article(office=office, title="Offentlig råd", is_public=True)
    make_article(office=None, title="Nettverkets interne", is_public=False)
    make_article(office=other_office, title="Stengt kontor", is_public=True)
    other_office.is_active = False
    other_office.save()
    assert titles(search_articles(office=None, language="nb", public_only=True)) == ["Offentlig råd"]


def test_words_are_found_whatever_their_case_and_title_hits_come_first() -> None:
    make_article(title="Om anmeldelse", body="Sikre BEVIS før innlegget blir slettet.")
    make_article(title="Bevis for hat på nett", body="Skjermbilder.")
    make_article(title="Bolig", body="Husleieloven.")
    found = search_articles(office=None, language="nb", text="bevis")
    assert titles(found) == ["Bevis for hat på nett", "Om anmeldelse"]
    assert titles(search_articles(office=None, language="nb", text="ÅTAL")) == []
    make_article(title="Åtal och preskription", body="Brottsbalken.")
    assert titles(search_articles(office=None, language="nb", text="åtal")) == ["Åtal och preskription"]


def test_every_word_must_be_in_one_language_version() -> None:
    article = make_article(title="Bevis", body="Skjermbilder med adresse.")
    add_text(article, language="en", title="Evidence", body="Screenshots with the address.")
    assert titles(search_articles(office=None, language="en", text="skjermbilder adresse")) == ["Evidence"]
    assert search_articles(office=None, language="en", text="skjermbilder screenshots") == []


def test_search_characters_of_sql_like_are_plain_letters() -> None:
    make_article(title="100% sikker", body="a_b")
    make_article(title="Annet", body="noe helt annet")
    assert titles(search_articles(office=None, language="nb", text="100%")) == ["100% sikker"]
    assert titles(search_articles(office=None, language="nb", text="a_b")) == ["100% sikker"]


def test_a_reader_gets_their_language_or_the_nearest_one() -> None:
    article = make_article(title="Norsk tittel")
    add_text(article, language="en", title="English title", body="Text.")
    view = get_article(office=None, public_id=article.public_id, language="sv")
    assert (view.text.title, view.is_other_language) == ("Norsk tittel", True)
    view = get_article(office=None, public_id=article.public_id, language="ar")
    assert view.text.title == "English title"
    assert view.languages == ("en", "nb")
    assert language_order("ar") == ("ar", "en", "nb", "sv")


def test_articles_for_a_sector_include_general_ones_after_the_sectors_own(office: Office) -> None:
    make_article(title="Generelt om bevis", topic="evidence", is_public=True)
    make_article(title="Utested", sector="nightlife", topic="evidence", is_public=True)
    make_article(title="Skole", sector="school", topic="evidence", is_public=True)
    make_article(title="Intern", sector="nightlife", topic="evidence", office=office)
    found = articles_for(sector="nightlife", topic="evidence", language="nb")
    assert titles(found) == ["Utested", "Generelt om bevis"]
    staff = articles_for(
        sector="nightlife", topic="evidence", language="nb", public_only=False, office=office
    )
    assert set(titles(staff)) == {"Utested", "Generelt om bevis", "Intern"}
    assert articles_for(language="nb") == []
    assert len(articles_for(sector="nightlife", language="nb", limit=1)) == 1


def test_the_online_hate_article_is_found_for_its_topic_in_english() -> None:
    load_network_articles()
    found = articles_for(topic="online_hate", language="en")
    assert titles(found)[0] == "How to secure evidence of online hate"


def test_a_probe_of_another_offices_article_is_recorded(office: Office, other_office: Office) -> None:
    article = make_article(office=other_office)
    viewer = viewer_of(make_staff(office, Role.ADVISER))
    refused(viewer=viewer, public_id=article.public_id)
    event = AuditEvent.objects.get(action=AuditAction.DENIED)
    assert event.office_id == office.pk
    assert event.detail["target_id"] == str(article.public_id)
    refused(viewer=viewer, public_id=make_article(office=None).public_id)
    assert AuditEvent.objects.filter(action=AuditAction.DENIED).count() == 1


def test_words_are_few_and_folded() -> None:
    assert words_of('  «Bevis»,  BEVIS x "hat" ') == ["bevis", "hat"]
    assert len(words_of(" ".join(f"ord{n}" for n in range(20)))) == 8


def test_search_over_two_thousand_articles_stays_fast_and_costs_two_queries(office: Office) -> None:
    """Substring search over one folded column: sensible at a knowledge base's size on both engines
    (docs/adr/0013-knowledge-search.md)."""
    articles = Article.objects.bulk_create(
        [Article(office=office if n % 2 else None, topic="evidence") for n in range(2000)]
    )
    from likeverd.knowledge.models import ArticleText

    ArticleText.objects.bulk_create(
        [
            ArticleText(
                article=article,
                language="nb",
                title=f"Artikkel {n}",
                body="Lang tekst om rettigheter. " * 40,
                search_text=f"artikkel {n} "
                + "lang tekst om rettigheter. " * 40
                + ("skjenkebevilling" if n == 7 else ""),
            )
            for n, article in enumerate(articles)
        ]
    )
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        found = search_articles(office=office, language="nb", text="skjenkebevilling")
    elapsed = time.perf_counter() - started
    assert titles(found) == ["Artikkel 7"]
    assert len(queries) == 2
    assert elapsed < 1.0


def test_articles_for_several_links_come_in_one_query_in_the_links_order(office: Office) -> None:
    make_article(title="Generelt", topic="evidence", is_public=True)
    make_article(title="Hat på nett", topic="online_hate", is_public=True)
    make_article(title="Utested", sector="nightlife", topic="evidence", is_public=True)
    make_article(title="Kontorets interne", sector="nightlife", topic="complaints", office=office)
    with CaptureQueriesContext(connection) as queries:
        found = articles_for_any(
            links=[("nightlife", ""), ("", "online_hate"), ("", "")],
            language="nb",
            public_only=False,
            office=office,
        )
    assert len(queries) == 2
    # Within one link, by sector and topic: "complaints" before "evidence".
    assert titles(found) == ["Kontorets interne", "Utested", "Hat på nett"]
    assert articles_for_any(links=[("", "")], language="nb") == []
    assert titles(articles_for_any(links=[("nightlife", "")], language="nb")) == ["Utested"]
