"""The shipped data files: they parse, cite their sources and fit together."""

import pytest

from likeverd.taxonomy.loader import (
    LANGUAGES,
    TaxonomyFile,
    default_reporting_categories,
    load_all,
    parse_reporting_categories,
)

FILES = {taxonomy.jurisdiction.code: taxonomy for taxonomy in load_all()}


def codes(taxonomy: TaxonomyFile, kind: str) -> set[str]:
    return {term.code for term in taxonomy.terms if term.kind == kind}


def test_there_is_a_taxonomy_for_norway_and_for_sweden() -> None:
    assert set(FILES) == {"NO", "SE"}


@pytest.mark.parametrize("jurisdiction", ["NO", "SE"])
def test_every_term_has_labels_and_descriptions_in_all_three_languages(jurisdiction: str) -> None:
    for term in FILES[jurisdiction].terms:
        for lang in LANGUAGES:
            assert getattr(term, f"label_{lang}"), (term.code, lang)
            assert getattr(term, f"description_{lang}"), (term.code, lang)


@pytest.mark.parametrize("jurisdiction", ["NO", "SE"])
def test_every_term_cites_at_least_one_source_of_its_jurisdiction(jurisdiction: str) -> None:
    taxonomy = FILES[jurisdiction]
    keys = {source.key for source in taxonomy.sources}
    for term in taxonomy.terms:
        assert term.sources, term.code
        assert set(term.sources) <= keys, term.code
    assert all(key.startswith(f"{jurisdiction}-") for key in keys)


@pytest.mark.parametrize("jurisdiction", ["NO", "SE"])
def test_every_source_is_cited_by_some_term(jurisdiction: str) -> None:
    taxonomy = FILES[jurisdiction]
    cited = {key for term in taxonomy.terms for key in term.sources}
    assert {source.key for source in taxonomy.sources} == cited


def test_norway_has_the_grounds_of_ldl_section_6_and_the_working_life_grounds() -> None:
    assert codes(FILES["NO"], "ground") == {
        "SEX", "PREGNANCY", "PARENTAL_LEAVE", "CARE_DUTIES", "ETHNICITY", "RELIGION", "BELIEF",
        "DISABILITY", "SEXUAL_ORIENTATION", "GENDER_IDENTITY", "GENDER_EXPRESSION", "AGE",
        "COMBINATION", "POLITICAL_VIEW", "TRADE_UNION",
    }  # fmt: skip
    working_life_only = [t for t in FILES["NO"].terms if t.code in {"POLITICAL_VIEW", "TRADE_UNION"}]
    assert all("working life only" in term.description_en for term in working_life_only)


def test_norway_offers_no_catch_all_ground() -> None:
    # Prop. 81 L ch. 11: the grounds in ldl § 6 are not supplemented by "other characteristics".
    assert not any("OTHER" in code for code in codes(FILES["NO"], "ground"))


def test_sweden_has_the_seven_grounds_of_the_discrimination_act() -> None:
    assert codes(FILES["SE"], "ground") == {
        "SEX", "TRANS", "ETHNICITY", "RELIGION", "DISABILITY", "SEXUAL_ORIENTATION", "AGE",
    }  # fmt: skip


CRIMINAL_FORMS = {"HATE_SPEECH", "CRIMINAL_DISCRIMINATION", "BIAS_MOTIVATED_OFFENCE"}


def test_sweden_has_the_six_forms_and_retaliation_and_the_three_criminal_ones() -> None:
    assert codes(FILES["SE"], "form") == {
        "DIRECT", "INDIRECT", "LACK_OF_ACCESSIBILITY", "HARASSMENT", "SEXUAL_HARASSMENT", "INSTRUCTION",
        "RETALIATION",
    } | CRIMINAL_FORMS  # fmt: skip


@pytest.mark.parametrize(
    ("jurisdiction", "sections"),
    [("NO", ["§ 185", "§ 186", "§ 77 bokstav i"]), ("SE", ["16 kap. 8 §", "16 kap. 9 §", "29 kap. 2 § 7"])],
)
def test_the_criminal_forms_cite_hate_speech_discrimination_and_the_hate_motive(
    jurisdiction: str, sections: list[str]
) -> None:
    # The OSCE/ODIHR table counts only the bias-motivated offence (statistics/data/odihr.toml).
    taxonomy = FILES[jurisdiction]
    cited = {source.key: source.section for source in taxonomy.sources}
    by_code = {term.code: term for term in taxonomy.terms if term.kind == "form"}
    for code, section in zip(
        ["HATE_SPEECH", "CRIMINAL_DISCRIMINATION", "BIAS_MOTIVATED_OFFENCE"], sections, strict=True
    ):
        assert [cited[key] for key in by_code[code].sources] == [section]


@pytest.mark.parametrize("jurisdiction", ["NO", "SE"])
def test_both_countries_have_a_civil_and_a_criminal_track(jurisdiction: str) -> None:
    assert codes(FILES[jurisdiction], "track") == {"CIVIL", "CRIMINAL"}


def test_private_life_is_marked_out_of_scope_in_norway() -> None:
    (private,) = [t for t in FILES["NO"].terms if t.code == "PRIVATE_LIFE"]
    assert "Out of scope" in private.description_en


def test_unconfirmed_section_numbers_are_not_shown_as_read_statute() -> None:
    sources = {source.key: source for taxonomy in FILES.values() for source in taxonomy.sources}
    # The legal reference could not confirm these; a lawyer must check them before use.
    assert sources["NO-LDL-15"].status == "UNVERIFIED"
    assert sources["NO-LDL-16"].status == "UNVERIFIED"
    assert sources["NO-LDL-14"].status == "PARTIAL"
    assert sources["SE-DL-2-19"].status == "UNVERIFIED"
    assert sources["SE-DL-1-5"].status == "PARTIAL"


def test_every_reporting_category_maps_to_existing_area_codes() -> None:
    categories = parse_reporting_categories()
    assert len(categories) == 13
    for category in categories:
        assert set(category.areas) == {"NO", "SE"}, category.code
        for jurisdiction, area_codes in category.areas.items():
            assert set(area_codes) <= codes(FILES[jurisdiction], "area"), (category.code, jurisdiction)


def test_an_office_gets_the_default_categories_with_its_own_countrys_areas() -> None:
    norwegian = {category.code: category for category in default_reporting_categories("NO")}
    swedish = {category.code: category for category in default_reporting_categories("SE")}
    assert list(norwegian)[:3] == ["working_life", "housing", "nightlife"]
    assert norwegian["welfare_office"].label_nb == "NAV"
    assert norwegian["housing"].area_codes == ("HOUSING",)
    assert swedish["housing"].area_codes == ("GOODS_SERVICES_HOUSING",)
    assert swedish["other"].area_codes == ()
