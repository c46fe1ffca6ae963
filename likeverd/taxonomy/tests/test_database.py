"""The taxonomy in the database: loaded by the migration, kept in step with the files, selected by date."""

import datetime as dt
import json
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from likeverd.accounts.models import User
from likeverd.taxonomy.apply import ApplyResult, apply_taxonomy
from likeverd.taxonomy.loader import TaxonomyFile, load_all, parse_taxonomy_text
from likeverd.taxonomy.models import LegalSource, Term, TermKind
from likeverd.taxonomy.selectors import get_terms_by_codes, list_terms

pytestmark = pytest.mark.django_db

HEAD = """
[jurisdiction]
code = "XX"
name_nb = "Testland"
name_sv = "Testland"
name_en = "Testland"

[[source]]
key = "XX-LAW-1"
law = "Test Act"
status = "V-LAW"

[[source]]
key = "XX-LAW-2"
law = "Test Act"
status = "UNVERIFIED"
"""


def toml_term(
    code: str, valid_from: dt.date, label_en: str, *, kind: str = "ground", source: str = "XX-LAW-1"
) -> str:
    return f"""
[[term]]
kind = "{kind}"
code = "{code}"
label_nb = {json.dumps(label_en, ensure_ascii=False)}
label_sv = {json.dumps(label_en, ensure_ascii=False)}
label_en = {json.dumps(label_en, ensure_ascii=False)}
valid_from = {valid_from.isoformat()}
status = "V-SEC"
sources = ["{source}"]
"""


def apply(*terms: str) -> ApplyResult:
    parsed = parse_taxonomy_text(HEAD + "".join(terms), origin="xx.toml")
    return apply_taxonomy([parsed], term_model=Term, source_model=LegalSource)


def test_the_migration_has_loaded_the_taxonomy_of_both_countries() -> None:
    ethnicity = Term.objects.get(jurisdiction="NO", kind=TermKind.GROUND, code="ETHNICITY")
    assert ethnicity.label_en == "Ethnicity"
    assert [source.key for source in ethnicity.sources.all()] == ["NO-LDL-6"]
    assert Term.objects.filter(jurisdiction="SE", kind=TermKind.AREA, code="GOODS_SERVICES_HOUSING").exists()
    shipped = sum(len(taxonomy.terms) for taxonomy in load_all())
    assert Term.objects.filter(jurisdiction__in=["NO", "SE"]).count() == shipped


def test_loading_the_shipped_files_again_changes_nothing() -> None:
    before = list(Term.objects.order_by("pk").values())
    result = apply_taxonomy(load_all(), term_model=Term, source_model=LegalSource)
    assert result == ApplyResult()
    assert list(Term.objects.order_by("pk").values()) == before


def test_loading_a_file_twice_creates_the_rows_once() -> None:
    first = apply(
        toml_term("ETHNICITY", dt.date(2018, 1, 1), "Ethnicity"), toml_term("AGE", dt.date(2018, 1, 1), "Age")
    )
    second = apply(
        toml_term("ETHNICITY", dt.date(2018, 1, 1), "Ethnicity"), toml_term("AGE", dt.date(2018, 1, 1), "Age")
    )
    assert (first.terms_created, first.sources_created) == (2, 2)
    assert second == ApplyResult()
    assert Term.objects.filter(jurisdiction="XX").count() == 2


def test_a_changed_label_or_source_updates_the_same_row() -> None:
    apply(toml_term("ETHNICITY", dt.date(2018, 1, 1), "Ethnicity"))
    row = Term.objects.get(jurisdiction="XX", code="ETHNICITY")

    result = apply(toml_term("ETHNICITY", dt.date(2018, 1, 1), "Ethnic origin", source="XX-LAW-2"))

    assert result == ApplyResult(terms_updated=1)
    row.refresh_from_db()
    assert row.label_en == "Ethnic origin"
    assert [source.key for source in row.sources.all()] == ["XX-LAW-2"]
    assert Term.objects.filter(jurisdiction="XX").count() == 1


def test_a_new_version_takes_over_from_its_first_day_and_the_old_one_stays_for_old_dates() -> None:
    apply(toml_term("RELIGION", dt.date(2018, 1, 1), "Religion"))
    old = Term.objects.get(jurisdiction="XX", code="RELIGION")

    result = apply(
        toml_term("RELIGION", dt.date(2018, 1, 1), "Religion"),
        toml_term("RELIGION", dt.date(2021, 1, 1), "Religion or belief"),
    )

    assert result == ApplyResult(terms_created=1, terms_updated=1)
    old.refresh_from_db()
    assert old.valid_to == dt.date(2020, 12, 31)

    def label_on(day: dt.date) -> list[str]:
        return [term.label_en for term in list_terms(jurisdiction="XX", kind=TermKind.GROUND, on=day)]

    assert label_on(dt.date(2017, 12, 31)) == []
    assert label_on(dt.date(2020, 12, 31)) == ["Religion"]
    assert label_on(dt.date(2021, 1, 1)) == ["Religion or belief"]
    assert list(
        Term.objects.filter(jurisdiction="XX", valid_to__isnull=True).values_list("label_en", flat=True)
    ) == ["Religion or belief"]


def test_terms_are_listed_in_file_order_with_their_sources_in_two_queries() -> None:
    with CaptureQueriesContext(connection) as queries:
        grounds = list(list_terms(jurisdiction="NO", kind=TermKind.GROUND, on=dt.date(2024, 6, 1)))
        citations = [source.key for term in grounds for source in term.sources.all()]
    assert len(queries) == 2
    assert [term.code for term in grounds[:3]] == ["SEX", "PREGNANCY", "PARENTAL_LEAVE"]
    assert "NO-AML-13-1" in citations


def test_terms_can_be_fetched_by_their_codes() -> None:
    found = get_terms_by_codes(jurisdiction="SE", kind=TermKind.FORM, codes=["RETALIATION", "DIRECT", "NOPE"])
    assert [term.code for term in found] == ["DIRECT", "RETALIATION"]
    # Before the Discrimination Act applied, there is nothing to classify with.
    assert not get_terms_by_codes(
        jurisdiction="SE", kind=TermKind.FORM, codes=["DIRECT"], on=dt.date(2008, 12, 31)
    )


def test_the_command_reports_what_it_changed() -> None:
    Term.objects.filter(jurisdiction="NO", code="ETHNICITY").update(label_en="Changed by hand")
    out = StringIO()
    call_command("loadtaxonomy", stdout=out)
    assert "terms 0 created, 1 updated" in out.getvalue()
    assert Term.objects.get(jurisdiction="NO", code="ETHNICITY").label_en == "Ethnicity"


def test_the_admin_shows_the_taxonomy_but_does_not_let_anyone_change_it(
    adviser: User, client_for: Callable[[User], Client]
) -> None:
    adviser.is_staff = adviser.is_superuser = True
    adviser.save()
    client = client_for(adviser)
    ethnicity = Term.objects.get(jurisdiction="NO", kind=TermKind.GROUND, code="ETHNICITY")
    with translation.override("en"):
        changelist = reverse("admin:taxonomy_term_changelist")
        add = reverse("admin:taxonomy_term_add")
        change = reverse("admin:taxonomy_term_change", args=[ethnicity.pk])

    assert "ETHNICITY" in client.get(changelist).content.decode()
    assert client.get(add).status_code == 403
    assert client.post(change, {"label_en": "Hacked"}).status_code == 403
    ethnicity.refresh_from_db()
    assert ethnicity.label_en == "Ethnicity"


# --- round trip -------------------------------------------------------------------------------

# Few codes, so that generated sets often hold several versions of one term.
codes = st.sampled_from(["SEX", "AGE", "CIVIL"])
kinds = st.sampled_from([kind.value for kind in TermKind])
labels = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
term_sets = st.dictionaries(st.tuples(kinds, codes, days), labels, min_size=1, max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(term_sets)
def test_any_valid_term_set_round_trips_from_file_to_selection(
    terms: dict[tuple[str, str, dt.date], str],
) -> None:
    text = "".join(toml_term(code, day, label, kind=kind) for (kind, code, day), label in terms.items())
    with transaction.atomic():
        parsed: TaxonomyFile = parse_taxonomy_text(HEAD + text, origin="xx.toml")
        apply_taxonomy([parsed], term_model=Term, source_model=LegalSource)
        probes = {day for (_, _, day) in terms} | {day - dt.timedelta(days=1) for (_, _, day) in terms}
        for kind in {kind for (kind, _, _) in terms}:
            for probe in probes:
                expected: dict[str, str] = {}
                for (term_kind, code, day), label in sorted(terms.items(), key=lambda item: item[0][2]):
                    if term_kind == kind and day <= probe:
                        expected[code] = label  # the latest version started by the probe day wins
                selected = [(t.code, t.label_en) for t in list_terms(jurisdiction="XX", kind=kind, on=probe)]
                assert sorted(selected) == sorted(expected.items())
        transaction.set_rollback(True)
