"""The assessment links the knowledge base's method support for the case's checklists and place."""

import pytest
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.cases.tests.pages import ClientFor, url
from likeverd.knowledge.models import Article
from likeverd.knowledge.services import load_network_articles
from likeverd.knowledge.tests.factories import make_article
from likeverd.triage.articles import articles_for_case
from likeverd.triage.checklists import Situation, evidence_for
from likeverd.triage.tests.test_panels import register

pytestmark = pytest.mark.django_db


def test_an_online_case_links_how_to_secure_evidence_of_online_hate(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    load_network_articles()
    case = register(adviser, place_kind="online")
    with translation.override("en"):
        page = client_for(adviser).get(url("case_detail", case.public_id)).content.decode()
    section = page.split("Evidence to secure")[1].split("Others who can act")[0]
    article = Article.objects.get(code="online-hate-evidence")
    assert "Method support" in section
    assert f'href="/en/staff/knowledge/{article.public_id}/"' in section
    assert "How to secure evidence of online hate" in section


def test_a_nightclub_case_links_the_nightlife_article_and_the_offices_own_but_not_anothers(
    office: Office, other_office: Office
) -> None:
    load_network_articles()
    make_article(office=office, title="Vår rutine for utestedssaker", sector="nightlife")
    make_article(office=other_office, title="Bergens rutine", sector="nightlife")
    evidence = evidence_for(Situation.of("NO", places=["nightlife"]))
    found = articles_for_case(office=office, evidence=evidence, place_kind="nightlife", language="nb")
    titles = [view.text.title for view in found]
    assert "Nektet inngang på utested: dette bør du sikre" in titles
    assert "Vår rutine for utestedssaker" in titles
    assert "Bergens rutine" not in titles
    assert "Slik sikrer du bevis for hat på nett" not in titles


def test_a_case_with_only_the_general_checklist_links_nothing(office: Office) -> None:
    load_network_articles()
    evidence = evidence_for(Situation.of("NO"))
    assert articles_for_case(office=office, evidence=evidence, place_kind="", language="nb") == []
