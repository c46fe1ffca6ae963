"""Cases per municipality (the Dutch municipal registration model): residents about their own
municipality, residents about elsewhere, non-residents about the municipality, and cases whose
other municipality is not known."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.statistics.municipal import municipal_table, municipality_key
from likeverd.statistics.tables import Table
from likeverd.statistics.tests.rows import OSLO, add_case

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


@pytest.fixture
def malmo(db: None) -> Office:
    return OfficeFactory.create(
        code="MAL", jurisdiction=Jurisdiction.SWEDEN, municipalities=["Malmö", "Lund", "Trelleborg"]
    )


def by_municipality(table: Table) -> dict[str, tuple[int | None, ...]]:
    return {row.label: row.values for row in table.rows}


def test_each_case_lands_in_the_column_the_model_gives_it(malmo: Office) -> None:
    add_case(malmo, residence="Malmö", incident="Malmö")
    add_case(malmo, residence="Malmö", incident="Lund")  # Malmö: elsewhere; Lund: non-resident
    add_case(malmo, residence="Burlöv", incident="Malmö")  # lives outside every municipality served
    add_case(malmo, residence="Malmö", incident="")  # where it happened was not recorded
    add_case(malmo, residence="", incident="Lund")  # where the person lives was not recorded
    add_case(malmo, residence="", incident="")  # touches no municipality
    add_case(malmo, residence="Burlöv", incident="Göteborg")  # touches none served

    table = municipal_table(offices=[malmo], start=YEAR[0], end=YEAR[1])

    assert table.id == "cases_by_municipality"
    assert [row.label for row in table.rows] == ["Lund", "Malmö", "Trelleborg"]
    assert by_municipality(table) == {
        "Malmö": (1, 1, 1, 1, 4),
        "Lund": (0, 0, 1, 1, 2),
        "Trelleborg": (0, 0, 0, 0, 0),
    }
    assert table.total is not None
    assert table.total.values == (1, 1, 2, 2, 6)
    assert table.row_totals
    assert table.additive


def test_names_are_matched_whatever_their_case_and_spacing(malmo: Office) -> None:
    add_case(malmo, residence="  malmö ", incident="MALMÖ")
    add_case(malmo, residence="Malmö", incident="lund")
    malmo.municipalities = ["  Malmö", "LUND  "]

    table = municipal_table(offices=[malmo], start=YEAR[0], end=YEAR[1])

    assert by_municipality(table) == {"Malmö": (1, 1, 0, 0, 2), "LUND": (0, 0, 1, 0, 1)}
    assert municipality_key("  Nordre \t  FOLLO ") == municipality_key("nordre follo")


def test_only_cases_received_in_the_period_by_the_chosen_offices_count(malmo: Office, office: Office) -> None:
    office.municipalities = ["Oslo"]
    office.save()
    # 31 December 23:30 and 1 January 00:30 in the office's own time zone.
    add_case(
        malmo, residence="Lund", incident="Lund", received=dt.datetime(2024, 12, 31, 23, 30, tzinfo=OSLO)
    )
    add_case(malmo, residence="Lund", incident="Lund", received=dt.datetime(2025, 1, 1, 0, 30, tzinfo=OSLO))
    add_case(malmo, residence="Lund", incident="Lund", received=dt.datetime(2026, 1, 1, 0, 30, tzinfo=OSLO))
    add_case(malmo, residence="Lund", incident="Lund", spam=True)  # the honeypot's folder
    add_case(office, residence="Lund", incident="Lund")  # another office's case about Lund

    alone = by_municipality(municipal_table(offices=[malmo], start=YEAR[0], end=YEAR[1]))
    assert alone["Lund"] == (1, 0, 0, 0, 1)
    assert "Oslo" not in alone

    both = by_municipality(municipal_table(offices=[malmo, office], start=YEAR[0], end=YEAR[1]))
    assert both["Lund"] == (2, 0, 0, 0, 2)
    assert both["Oslo"] == (0, 0, 0, 0, 0)


def test_an_empty_period_or_no_office_gives_zeroes_not_an_error(malmo: Office) -> None:
    add_case(malmo, residence="Lund", incident="Lund")
    backwards = municipal_table(offices=[malmo], start=YEAR[1], end=YEAR[0])
    assert {values[-1] for values in by_municipality(backwards).values()} == {0}
    assert municipal_table(offices=[], start=YEAR[0], end=YEAR[1]).rows == ()


def test_titles_and_columns_are_in_the_active_language(malmo: Office) -> None:
    with translation.override("sv"):
        swedish = municipal_table(offices=[malmo], start=YEAR[0], end=YEAR[1])
    with translation.override("nb"):
        norwegian = municipal_table(offices=[malmo], start=YEAR[0], end=YEAR[1])
    assert swedish.id == norwegian.id == "cases_by_municipality"
    assert swedish.title == "Ärenden per kommun"
    assert norwegian.title == "Saker per kommune"


SPELLINGS = ["Malmö", " malmö", "MALMÖ ", "Lund", "lund", "Trelleborg", "Burlöv", "Göteborg", ""]
pairs = st.lists(st.tuples(st.sampled_from(SPELLINGS), st.sampled_from(SPELLINGS)), max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases=pairs)
def test_the_columns_partition_exactly_the_cases_that_touch_each_municipality(
    malmo: Office, cases: list[tuple[str, str]]
) -> None:
    savepoint = transaction.savepoint_create()
    try:
        for residence, incident in cases:
            add_case(malmo, residence=residence, incident=incident)
        table = municipal_table(offices=[malmo], start=YEAR[0], end=YEAR[1])
    finally:
        transaction.savepoint_rollback(savepoint)

    normal = [(municipality_key(r), municipality_key(i)) for r, i in cases]
    for row in table.rows:
        here = row.key
        touching = [(r, i) for r, i in normal if here in (r, i)]
        own = sum(1 for r, i in touching if r == i == here)
        elsewhere = sum(1 for r, i in touching if r == here and i not in ("", here))
        non_residents = sum(1 for r, i in touching if i == here and r not in ("", here))
        assert row.values == (
            own,
            elsewhere,
            non_residents,
            len(touching) - own - elsewhere - non_residents,
            len(touching),
        )
        # The "not known" column holds only cases where the other municipality is missing.
        assert row.values[3] == sum(1 for r, i in touching if "" in (r, i))
    assert table.total is not None
    assert table.total.values == tuple(sum(row.values[c] or 0 for row in table.rows) for c in range(5))
