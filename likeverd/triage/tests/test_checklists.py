"""Evidence checklists and other actors: the shipped files, the selector, and bad files refused."""

import pytest

from likeverd.triage.checklists import (
    Situation,
    actors_for,
    checklists_for,
    evidence_for,
    load_actors,
    load_checklists,
    parse_actors_text,
    parse_evidence_text,
)
from likeverd.triage.datafile import TriageDataError
from likeverd.triage.rules import KnownCodes

KNOWN = KnownCodes(areas=frozenset({"EMPLOYMENT", "HOUSING"}), forms=frozenset({"HARASSMENT"}))


def items(situation: Situation) -> list[str]:
    return [evidence.item.code for evidence in evidence_for(situation)]


def actors(situation: Situation) -> list[str]:
    return [actor.code for actor in actors_for(situation)]


def test_a_nightclub_refusal_asks_for_witnesses_time_door_staff_and_receipts() -> None:
    found = items(Situation.of("NO", places=["nightlife"]))
    assert {"WITNESSES", "TIME_PLACE", "DOOR_STAFF", "RECEIPTS", "CCTV"} <= set(found)
    assert found.count("WITNESSES") == 1
    cctv = next(e for e in evidence_for(Situation.of("SE", places=["nightlife"])) if e.item.code == "CCTV")
    assert cctv.item.held_by is not None
    assert cctv.item.held_by.en == "The place"
    assert "NIGHTCLUB_REFUSAL" in cctv.checklists


@pytest.mark.parametrize(
    "situation",
    [
        Situation.of("NO", places=["online"]),
        Situation.of("NO", areas=["MEDIA_ONLINE"]),
        Situation.of("SE", places=["online"]),
    ],
)
def test_online_hate_asks_for_screenshots_with_address_and_time_the_profile_and_saving_before_deletion(
    situation: Situation,
) -> None:
    found = items(situation)
    assert {"SCREENSHOTS", "PROFILE", "SAVE_BEFORE_DELETION", "REACH"} <= set(found)
    screenshots = next(e for e in evidence_for(situation) if e.item.code == "SCREENSHOTS")
    assert "URL" in screenshots.item.hint.en
    assert "time" in screenshots.item.hint.en


def test_an_unclassified_case_gets_only_the_general_checklist() -> None:
    assert [c.code for c in checklists_for(Situation.of("NO"))] == ["GENERAL"]
    assert items(Situation.of("SE")) == ["OWN_ACCOUNT", "WITNESSES", "CORRESPONDENCE", "CONSEQUENCES"]


def test_area_codes_of_one_country_do_not_pick_checklists_in_the_other() -> None:
    # MEDIA_ONLINE is a Norwegian area only; a Swedish case cannot have it, and must not match.
    assert "ONLINE_HATE" not in [c.code for c in checklists_for(Situation.of("SE", areas=["MEDIA_ONLINE"]))]
    assert "HOUSING" in [c.code for c in checklists_for(Situation.of("SE", areas=["GOODS_SERVICES_HOUSING"]))]


def test_working_life_asks_for_the_dismissal_letter_and_suggests_the_union() -> None:
    assert "NOTICE_LETTER" in items(Situation.of("SE", areas=["EMPLOYMENT"]))
    assert "FACKFORBUND" in actors(Situation.of("SE", areas=["EMPLOYMENT"]))
    assert "FAGFORENING" in actors(Situation.of("NO", areas=["EMPLOYMENT"]))


def test_the_criminal_track_suggests_the_police_and_the_civil_track_the_ombud_and_tribunal() -> None:
    assert "POLITIET" in actors(Situation.of("NO", tracks=["CRIMINAL"]))
    assert "POLISEN" in actors(Situation.of("SE", tracks=["CRIMINAL"]))
    civil_no = actors(Situation.of("NO", tracks=["CIVIL"]))
    assert {"LDO", "DISKRIMINERINGSNEMNDA"} <= set(civil_no)
    assert "POLITIET" not in civil_no
    assert "DO" in actors(Situation.of("SE", tracks=["CIVIL"]))


def test_the_tribunal_is_not_suggested_for_private_life_which_the_act_does_not_cover() -> None:
    assert "DISKRIMINERINGSNEMNDA" not in actors(Situation.of("NO", tracks=["CIVIL"], areas=["PRIVATE_LIFE"]))
    assert "DISKRIMINERINGSNEMNDA" in actors(
        Situation.of("NO", tracks=["CIVIL"], areas=["PRIVATE_LIFE", "HOUSING"])
    )


def test_schools_suggest_the_school_ombud_of_each_country() -> None:
    assert "MOBBEOMBUD" in actors(Situation.of("NO", places=["school"]))
    assert "BEO" in actors(Situation.of("SE", areas=["EDUCATION"]))
    assert "BEO" not in actors(Situation.of("NO", areas=["EDUCATION"]))


def test_the_childrens_ombud_is_suggested_only_when_the_person_is_known_to_be_a_minor() -> None:
    assert "BARNEOMBUDET" in actors(Situation.of("NO", minor=True))
    assert "BARNEOMBUDET" not in actors(Situation.of("NO", minor=None))
    assert "BARNEOMBUDET" not in actors(Situation.of("NO", minor=False))


def test_a_nightclub_in_norway_suggests_tipping_the_municipality_that_licenses_it() -> None:
    assert "KOMMUNEN_SKJENKEBEVILLING" in actors(Situation.of("NO", places=["nightlife"]))


@pytest.mark.parametrize("jurisdiction", ["NO", "SE"])
def test_every_actor_is_described_in_three_languages_with_the_references_label_and_source(
    jurisdiction: str,
) -> None:
    for actor in load_actors()[jurisdiction]:
        for lang in ("nb", "sv", "en"):
            assert getattr(actor.name, lang)
            assert getattr(actor.role, lang)
        if actor.status != "UNVERIFIED":
            assert actor.source.startswith(("https://", "http://")), actor.code


def test_the_actors_of_the_reference_are_there() -> None:
    codes = {jurisdiction: {a.code for a in found} for jurisdiction, found in load_actors().items()}
    assert {"LDO", "DISKRIMINERINGSNEMNDA", "POLITIET", "KONFLIKTRADET", "SIVILOMBUDET", "MOBBEOMBUD",
            "PASIENT_OG_BRUKEROMBUD", "BARNEOMBUDET", "FAGFORENING", "JUSSBUSS"} <= codes["NO"]  # fmt: skip
    assert {"DO", "FACKFORBUND", "BEO", "POLISEN", "JK"} <= codes["SE"]
    union = next(a for a in load_actors()["NO"] if a.code == "FAGFORENING")
    assert union.verification == "UNVERIFIED"  # N7: no source read for Norway


def test_every_checklist_has_items_worded_in_three_languages() -> None:
    for checklist in load_checklists():
        assert checklist.items
        for item in checklist.items:
            assert item.label.nb and item.label.sv and item.label.en  # noqa: PT018
            assert item.hint.nb and item.hint.sv and item.hint.en  # noqa: PT018


EVIDENCE = """
[[item]]
code = "WITNESSES"
label_nb = "Vitner"
label_sv = "Vittnen"
label_en = "Witnesses"
hint_nb = "Navn"
hint_sv = "Namn"
hint_en = "Names"

[[checklist]]
code = "NIGHT"
label_nb = "Natt"
label_sv = "Natt"
label_en = "Night"
items = ["WITNESSES"]
"""


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ('when = [{ areas = ["EMPLOYMENT"] }]', "add jurisdiction"),
        ('when = [{ jurisdiction = "XX", areas = ["NIGHTCLUBS"] }]', "unknown code(s) NIGHTCLUBS"),
        ('when = [{ places = ["disco"] }]', "unknown code(s) disco"),
        ('when = [{ tracks = ["civil"] }]', "unknown code(s) civil"),
        ('when = [{ jurisdiction = "DK", tracks = ["CIVIL"] }]', "unknown jurisdiction 'DK'"),
        ("when = [{}]", "an empty clause"),
        ('when = [{ minor = "yes" }]', "minor can only be true"),
        ('when = [{ weekday = "friday" }]', "unknown field(s) weekday"),
        ('items = ["WITNESSES", "DNA"]', "unknown code(s) DNA"),
    ],
)
def test_a_malformed_checklist_is_refused_naming_it(when: str, message: str) -> None:
    text = EVIDENCE.replace(
        'items = ["WITNESSES"]', when if when.startswith("items") else f'items = ["WITNESSES"]\n{when}'
    )
    with pytest.raises(TriageDataError) as error:
        parse_evidence_text(text, origin="evidence.toml", known={"XX": KNOWN})
    assert "evidence.toml: checklist #1 (NIGHT)" in str(error.value)
    assert message in str(error.value)


def test_an_item_no_checklist_uses_is_refused() -> None:
    text = EVIDENCE + EVIDENCE.split("[[checklist]]")[0].replace("WITNESSES", "RECEIPTS")
    with pytest.raises(TriageDataError, match="item\\(s\\) in no checklist: RECEIPTS"):
        parse_evidence_text(text, origin="evidence.toml", known={"XX": KNOWN})


ACTORS = """
[jurisdiction]
code = "XX"

[[actor]]
code = "OMBUD"
name_nb = "Ombudet"
name_sv = "Ombudet"
name_en = "The ombud"
role_nb = "Råd"
role_sv = "Råd"
role_en = "Advice"
status = "V-OFF"
"""


def test_an_actor_the_reference_verified_must_name_its_source() -> None:
    with pytest.raises(TriageDataError, match=r"actor #1 \(OMBUD\): missing source"):
        parse_actors_text(ACTORS, origin="actors_xx.toml", known=KNOWN)
    (actor,) = parse_actors_text(
        ACTORS + 'source = "https://example.org"\nwhen = [{ areas = ["HOUSING"] }]',
        origin="actors_xx.toml",
        known=KNOWN,
    )
    assert [a.code for a in actors_for(Situation.of("XX", areas=["HOUSING"]), (actor,))] == ["OMBUD"]
    assert actors_for(Situation.of("XX", areas=["EMPLOYMENT"]), (actor,)) == []


def test_an_actor_clause_cannot_name_another_jurisdiction() -> None:
    text = ACTORS + 'source = "https://example.org"\nwhen = [{ jurisdiction = "XX", tracks = ["CIVIL"] }]'
    with pytest.raises(TriageDataError, match="leave out jurisdiction"):
        parse_actors_text(text, origin="actors_xx.toml", known=KNOWN)
