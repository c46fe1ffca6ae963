"""Hate crimes in the OSCE/ODIHR categories: only ordinary offences with a bias motive on the
criminal track count (never hate speech, never discrimination), and the mapping file is checked
against the legal taxonomy so that a typo or a new ground cannot slip through."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases import services
from likeverd.cases.models import Case
from likeverd.cases.services import Classification
from likeverd.cases.tests.factories import register, terms
from likeverd.statistics.odihr import (
    MAPPING_FILE,
    OdihrMappingError,
    load_mapping,
    odihr_table,
    parse_mapping,
)
from likeverd.statistics.tables import Table
from likeverd.statistics.tests.rows import OSLO
from likeverd.taxonomy.loader import load_all
from likeverd.taxonomy.models import TermKind

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
IN_YEAR = dt.datetime(2025, 5, 17, 14, tzinfo=OSLO)

ODIHR_CATEGORIES = [
    "racism_xenophobia",
    "anti_roma_sinti",
    "antisemitism",
    "anti_muslim",
    "anti_christian_other_religions",
    "religion_or_belief_group_not_recorded",
    "anti_lgbti",
    "disability",
    "gender_based",
    "other",
]


def classified(
    adviser: User,
    *,
    grounds: tuple[str, ...],
    forms: tuple[str, ...],
    tracks: tuple[str, ...],
    received: dt.datetime = IN_YEAR,
    jurisdiction: str = "NO",
) -> Case:
    viewer = viewer_of(adviser)
    case = register(viewer, received_at=received)
    return services.classify_case(
        viewer=viewer,
        case=case,
        classification=Classification(
            grounds=terms(jurisdiction, TermKind.GROUND, *grounds) if grounds else [],
            forms=terms(jurisdiction, TermKind.FORM, *forms) if forms else [],
            tracks=terms(jurisdiction, TermKind.TRACK, *tracks) if tracks else [],
        ),
    )


def counts(table: Table) -> dict[str, int | None]:
    return {row.key: row.values[0] for row in table.rows}


def test_a_bias_motivated_assault_counts_and_hate_speech_and_discrimination_do_not(
    office: Office, adviser: User
) -> None:
    classified(adviser, grounds=("ETHNICITY",), forms=("BIAS_MOTIVATED_OFFENCE",), tracks=("CRIMINAL",))
    classified(adviser, grounds=("ETHNICITY",), forms=("HATE_SPEECH",), tracks=("CRIMINAL",))
    classified(adviser, grounds=("ETHNICITY",), forms=("CRIMINAL_DISCRIMINATION",), tracks=("CRIMINAL",))
    classified(adviser, grounds=("ETHNICITY",), forms=("DIRECT",), tracks=("CIVIL",))
    classified(adviser, grounds=("ETHNICITY",), forms=("HARASSMENT",), tracks=("CRIMINAL",))
    # An assault recorded with the bias-motive form but never on the criminal track is no crime report.
    classified(adviser, grounds=("ETHNICITY",), forms=("BIAS_MOTIVATED_OFFENCE",), tracks=("CIVIL",))

    table = odihr_table(offices=[office], start=YEAR[0], end=YEAR[1])

    assert table.id == "hate_crimes_by_odihr_category"
    assert counts(table)["racism_xenophobia"] == 1
    assert table.total is not None
    assert table.total.values == (1,)


def test_hateful_words_during_an_assault_still_count_for_the_assault(office: Office, adviser: User) -> None:
    classified(
        adviser,
        grounds=("RELIGION",),
        forms=("HATE_SPEECH", "BIAS_MOTIVATED_OFFENCE"),
        tracks=("CIVIL", "CRIMINAL"),
    )
    table = odihr_table(offices=[office], start=YEAR[0], end=YEAR[1])
    assert counts(table)["religion_or_belief_group_not_recorded"] == 1


def test_a_case_counts_once_per_category_and_once_in_the_total(office: Office, adviser: User) -> None:
    both = ("BIAS_MOTIVATED_OFFENCE",), ("CRIMINAL",)
    classified(adviser, grounds=("SEXUAL_ORIENTATION", "GENDER_IDENTITY"), forms=both[0], tracks=both[1])
    classified(adviser, grounds=("ETHNICITY", "RELIGION", "COMBINATION"), forms=both[0], tracks=both[1])
    classified(adviser, grounds=("DISABILITY",), forms=both[0], tracks=both[1])

    table = odihr_table(offices=[office], start=YEAR[0], end=YEAR[1])

    assert counts(table) == {
        "racism_xenophobia": 1,
        "religion_or_belief_group_not_recorded": 1,
        "anti_lgbti": 1,
        "disability": 1,
        "gender_based": 0,
        "other": 0,
    }
    assert table.total is not None
    assert table.total.values == (3,)
    assert not table.additive


def test_only_the_chosen_offices_and_period_count(
    office: Office, adviser: User, other_office: Office, swedish_office: Office
) -> None:
    bias, criminal = ("BIAS_MOTIVATED_OFFENCE",), ("CRIMINAL",)
    classified(adviser, grounds=("ETHNICITY",), forms=bias, tracks=criminal)
    before = dt.datetime(2024, 12, 31, 23, 59, tzinfo=OSLO)
    classified(adviser, grounds=("ETHNICITY",), forms=bias, tracks=criminal, received=before)
    classified(make_staff(other_office, Role.ADVISER), grounds=("ETHNICITY",), forms=bias, tracks=criminal)
    swede = make_staff(swedish_office, Role.ADVISER)
    classified(swede, grounds=("TRANS",), forms=bias, tracks=criminal, jurisdiction="SE")

    assert counts(odihr_table(offices=[office], start=YEAR[0], end=YEAR[1]))["racism_xenophobia"] == 1
    network = odihr_table(offices=[office, other_office, swedish_office], start=YEAR[0], end=YEAR[1])
    assert counts(network)["racism_xenophobia"] == 2
    assert counts(network)["anti_lgbti"] == 1
    assert network.total is not None
    assert network.total.values == (3,)


def test_rows_are_odihr_categories_with_stable_ids_in_every_language(office: Office) -> None:
    with translation.override("sv"):
        swedish = odihr_table(offices=[office], start=YEAR[0], end=YEAR[1])
    with translation.override("en"):
        english = odihr_table(offices=[office], start=YEAR[0], end=YEAR[1])
    assert [r.key for r in swedish.rows] == [r.key for r in english.rows]
    assert (
        dict(zip([r.key for r in swedish.rows], [r.label for r in swedish.rows], strict=True))[
            "racism_xenophobia"
        ]
        == "Rasism och främlingsfientlighet"
    )
    assert swedish.title == "Hatbrott per fördomskategori enligt OSSE/ODIHR"
    # The categories our grounds cannot tell apart are named in the note, not shown as zeroes.
    assert "antisemitism" not in counts(english)
    assert "Anti-Semitism" in english.note


# --- the mapping file -------------------------------------------------------------------------------


def test_the_shipped_mapping_places_every_ground_and_form_of_the_taxonomy() -> None:
    mapping = load_mapping()
    assert [c.id for c in mapping.categories] == ODIHR_CATEGORIES
    assert mapping.forms == (("NO", "BIAS_MOTIVATED_OFFENCE"), ("SE", "BIAS_MOTIVATED_OFFENCE"))
    assert mapping.tracks == (("NO", "CRIMINAL"), ("SE", "CRIMINAL"))
    assert ("NO", "HATE_SPEECH") in mapping.excluded_forms
    assert ("SE", "CRIMINAL_DISCRIMINATION") in mapping.excluded_forms
    assert mapping.category_of(("SE", "TRANS")) == "anti_lgbti"
    assert mapping.category_of(("NO", "COMBINATION")) is None
    assert all(c.citation.startswith("http") for c in mapping.categories)


SHIPPED = MAPPING_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace('"NO:ETHNICITY"', '"NO:ETHNICITYY"'), "'NO:ETHNICITYY' is not a ground"),
        (lambda t: t.replace('"SE:TRANS"]', '"SE:TRANS", "SE:DIRECT"]'), "'SE:DIRECT' is not a ground"),
        (
            lambda t: t.replace('"NO:DISABILITY", ', ""),
            r"\['NO:DISABILITY'\] are in the taxonomy but in no category",
        ),
        (
            lambda t: t.replace('"SE:DISABILITY"]', '"SE:DISABILITY", "SE:AGE"]'),
            r"\['SE:AGE'\] are placed more than once",
        ),
        (
            lambda t: t.replace(
                'forms = ["NO:HATE_SPEECH", ', 'forms = ["NO:BIAS_MOTIVATED_OFFENCE", "NO:HATE_SPEECH", '
            ),
            "both counted and not counted",
        ),
        (
            lambda t: t.replace('"NO:HATE_SPEECH", ', ""),
            r"\['NO:HATE_SPEECH'\] are in the taxonomy but neither counted",
        ),
        (
            lambda t: t.replace('tracks = ["NO:CRIMINAL"', 'tracks = ["NO:POLICE"'),
            "'NO:POLICE' is not a track",
        ),
        (lambda t: t.replace('id = "other"', 'id = "racism_xenophobia"'), "the id is used twice"),
        (lambda t: t.replace('label_sv = "Andra fördomar"\n', ""), "'label_sv' must be a non-empty string"),
        (lambda t: t.replace('status = "UNVERIFIED"', 'status = "SURE"', 1), "status must be one of"),
        (lambda t: t + '\n[[category]]\nid = "x"\ncolour = "red"\n', r"unknown key\(s\) \['colour'\]"),
        (lambda t: t.replace('"NO:ETHNICITY"', '"ETHNICITY"'), "is not an id of the form 'NO:CODE'"),
        (lambda t: t.replace("[count]", "[count", 1), "not valid TOML"),
    ],
)
def test_a_mistake_in_the_mapping_fails_loudly_with_where_it_is(change: object, message: str) -> None:
    assert callable(change)
    with pytest.raises(OdihrMappingError, match=message):
        parse_mapping(change(SHIPPED), taxonomy=load_all())


def test_the_shipped_mapping_parses_as_it_is() -> None:
    assert parse_mapping(SHIPPED, taxonomy=load_all()) == load_mapping()
    assert re.search(r"^\[count\]", SHIPPED, re.MULTILINE)
