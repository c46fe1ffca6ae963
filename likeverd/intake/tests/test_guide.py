"""The "Is this discrimination?" guide: its suggestion, its plain words, and its steps as GET forms."""

import re

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.intake.guide import (
    COMBINATION,
    ELSEWHERE,
    UNKNOWN,
    Note,
    Outcome,
    WhatHappened,
    emergency_numbers,
    load_guide_data,
    suggest,
)
from likeverd.taxonomy.loader import load_all


def test_danger_comes_first_whatever_else_was_answered() -> None:
    result = suggest(
        jurisdiction="NO", what=WhatHappened.THREATENED, where="GOODS_SERVICES", why=frozenset({"RELIGION"})
    )
    assert result.outcome == Outcome.URGENT
    assert Note.POLICE_POSSIBLE in result.notes


@given(
    what=st.sampled_from(list(WhatHappened)),
    where=st.sampled_from(["EMPLOYMENT", "GOODS_SERVICES", "PRIVATE_LIFE", ELSEWHERE]),
    why=st.frozensets(st.sampled_from(["ETHNICITY", "RELIGION", "POLITICAL_VIEW", UNKNOWN]), min_size=1),
)
def test_a_threat_is_always_urgent_and_only_a_threat_is(
    what: WhatHappened, where: str, why: frozenset[str]
) -> None:
    result = suggest(jurisdiction="NO", what=what, where=where, why=why)
    assert (result.outcome == Outcome.URGENT) == (what == WhatHappened.THREATENED)


def test_a_ground_in_an_area_the_law_covers_is_reported_to_the_office() -> None:
    result = suggest(
        jurisdiction="NO",
        what=WhatHappened.HARASSED,
        where="GOODS_SERVICES",
        why=frozenset({"RELIGION", "ETHNICITY"}),
    )
    assert result.outcome == Outcome.REPORT_HERE


def test_family_life_is_outside_the_norwegian_act() -> None:
    result = suggest(
        jurisdiction="NO", what=WhatHappened.TREATED_WORSE, where="PRIVATE_LIFE", why=frozenset({"SEX"})
    )
    assert result.outcome == Outcome.OTHER_SERVICE
    assert Note.PRIVATE_LIFE in result.notes


def test_without_a_protected_ground_another_service_may_fit_better() -> None:
    result = suggest(
        jurisdiction="SE", what=WhatHappened.TREATED_WORSE, where="EMPLOYMENT", why=frozenset({UNKNOWN})
    )
    assert result.outcome == Outcome.OTHER_SERVICE
    assert Note.NO_GROUND in result.notes


def test_political_views_count_in_norwegian_working_life_only() -> None:
    at_work = suggest(
        jurisdiction="NO",
        what=WhatHappened.TREATED_WORSE,
        where="EMPLOYMENT",
        why=frozenset({"POLITICAL_VIEW"}),
    )
    at_school = suggest(
        jurisdiction="NO",
        what=WhatHappened.TREATED_WORSE,
        where="EDUCATION",
        why=frozenset({"POLITICAL_VIEW"}),
    )
    assert at_work.outcome == Outcome.REPORT_HERE
    assert at_school.outcome == Outcome.OTHER_SERVICE
    assert Note.WORK_ONLY in at_school.notes


def test_every_ground_and_area_of_each_jurisdiction_has_plain_words_in_every_public_language() -> None:
    words = load_guide_data().words
    expected = {
        (taxonomy.jurisdiction.code, term.kind, term.code)
        for taxonomy in load_all()
        for term in taxonomy.terms
        if term.kind in {"ground", "area"} and term.code != COMBINATION
    }
    assert set(words) == expected
    for key, labels in words.items():
        missing = [language for language in PUBLIC_LANGUAGES if not labels.get(language, "").strip()]
        assert missing == [], f"{key} has no words in {missing}"


def test_emergency_numbers_are_those_of_the_legal_reference() -> None:
    assert [(e.number, e.is_urgent) for e in emergency_numbers("NO")] == [("112", True)]
    assert [(e.number, e.is_urgent) for e in emergency_numbers("SE")] == [("112", True), ("114 14", False)]


# --- the pages -------------------------------------------------------------------------------------


@pytest.fixture
def oslo(db: None) -> Office:
    return OfficeFactory.create(name="DiMe Oslo", code="OSL", jurisdiction=Jurisdiction.NORWAY)


@pytest.fixture
def malmo(db: None) -> Office:
    return OfficeFactory.create(name="Byrån Malmö", code="MLM", jurisdiction=Jurisdiction.SWEDEN)


def page(client: Client, path: str, query: dict[str, str | int | list[str]] | None = None) -> str:
    response = client.get(path, query or {})
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.django_db
def test_the_guide_walks_through_three_get_forms_to_a_suggestion(client: Client, oslo: Office) -> None:
    base = "/en/offices/osl/guide/"
    first = page(client, base)
    assert "Step 1 of 3" in first
    assert 'method="get"' in first
    second = page(client, base, {"step": 1, "what": "harassed"})
    assert "Where did it happen?" in second
    assert "in a shop, café, nightclub, bus or tram" in second.lower()
    assert '<input type="hidden" name="what" value="harassed">' in second
    third = page(client, base, {"step": 2, "what": "harassed", "where": "GOODS_SERVICES"})
    assert "Why do you think it happened?" in third
    assert "My religion (for example wearing a hijab)" in third
    assert 'value="COMBINATION"' not in third
    result = page(
        client,
        base,
        {"step": 3, "what": "harassed", "where": "GOODS_SERVICES", "why": ["RELIGION", "ETHNICITY"]},
    )
    assert "Tell DiMe Oslo what happened" in result
    assert '<li lang="en">my religion (for example wearing a hijab)</li>' in result
    assert 'href="/en/offices/osl/report/"' in result
    assert "can also be crimes" in result


@pytest.mark.django_db
def test_a_step_sent_without_an_answer_says_so_and_asks_again(client: Client, oslo: Office) -> None:
    again = page(client, "/en/offices/osl/guide/", {"step": 3, "what": "worse", "where": "EMPLOYMENT"})
    assert "Choose at least one answer." in again
    assert 'role="alert"' in again
    unknown_answer = page(client, "/en/offices/osl/guide/", {"step": 1, "what": "nonsense"})
    assert "Choose one answer." in unknown_answer


@pytest.mark.django_db
def test_a_threat_ends_in_the_emergency_number_of_the_offices_country(client: Client, malmo: Office) -> None:
    result = page(
        client,
        "/sv/offices/mlm/guide/",
        {"step": 3, "what": "threatened", "where": "EMPLOYMENT", "why": "AGE"},
    )
    assert "Sätt dig i säkerhet först" in result
    assert 'href="tel:112"' in result
    assert 'href="tel:11414"' in result


@pytest.mark.django_db
def test_the_guide_offers_the_grounds_of_the_offices_jurisdiction(client: Client, malmo: Office) -> None:
    third = page(client, "/pl/offices/mlm/guide/", {"step": 2, "what": "worse", "where": "EMPLOYMENT"})
    assert 'value="TRANS"' in third
    assert 'value="PREGNANCY"' not in third
    assert "To, że jestem osobą transpłciową" in third
