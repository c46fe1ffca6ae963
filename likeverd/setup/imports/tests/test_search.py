"""An imported case is found in the case list by the sheet's own case number (Saksnr), through the
blind index like every searchable text, and only by its own office."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import make_staff
from likeverd.cases.models import Case
from likeverd.cases.search.rebuild import reindex_cases
from likeverd.setup.imports.models import ImportedCase
from likeverd.setup.imports.reading import read_sheet
from likeverd.setup.imports.services import run_import
from likeverd.setup.imports.tests.sheets import NB_HEADER, csv_bytes

pytestmark = pytest.mark.django_db


def _import(office: Office, *rows: list[str]) -> None:
    sheet = read_sheet(csv_bytes([list(NB_HEADER), *rows]))
    run_import(office=office, sheet=sheet, mapping={}, file_name="saker.csv", started_by=None)


def _row(number: str, day: str = "4.3.19") -> list[str]:
    return [number, day, "E-post", "Uteliv", "Religion", "", "", ""]


def _found(client: Client, query: str) -> list[str]:
    """The case numbers the case list shows for `query` (typed into its search box: posted, and
    answered with the list's address, which keeps the search text out of the address)."""
    with translation.override("en"):
        address = reverse("cases:case_list")
    page = client.post(address, {"q": query}, follow=True).content.decode()
    return sorted(case.number for case in Case.objects.all() if f">{case.number}<" in page)


def test_the_case_list_finds_an_imported_case_by_the_sheets_number_as_typed(
    oslo: Office, bergen: Office, client_for: Callable[[User], Client]
) -> None:
    _import(oslo, _row("2019-017"), _row("S 7/19"), _row("DIM-2019-44"), _row("7", "5.3.19"))
    staff = client_for(make_staff(oslo))
    number = {row.sheet_number: row.case.number for row in ImportedCase.objects.select_related("case")}

    assert _found(staff, "2019-017") == [number["2019-017"]]
    assert _found(staff, " s 7/19 ") == [number["S 7/19"]]  # spaces and case as anyone types them
    # A number in another office's numbering style, and a number of one digit (no word).
    assert _found(staff, "DIM-2019-44") == [number["DIM-2019-44"]]
    assert number["7"] in _found(staff, "7")
    assert _found(staff, "2019-018") == []
    # The index holds keyed hashes only: no sheet number in clear.
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM cases_searchtoken")
        assert all(isinstance(row[0], int) for row in cursor.fetchall())


def test_another_offices_staff_never_find_it_even_with_the_same_sheet_number(
    oslo: Office, bergen: Office, client_for: Callable[[User], Client]
) -> None:
    _import(oslo, _row("2019-017"))
    bergen_staff = client_for(make_staff(bergen))
    assert _found(bergen_staff, "2019-017") == []

    _import(bergen, _row("2019-017"))  # Bergen's own sheet used the same numbers
    (own,) = Case.objects.filter(office=bergen)
    assert _found(bergen_staff, "2019-017") == [own.number]
    (oslo_case,) = Case.objects.filter(office=oslo)
    assert _found(client_for(make_staff(oslo)), "2019-017") == [oslo_case.number]


def test_rebuilding_the_index_keeps_the_sheets_number(
    oslo: Office, client_for: Callable[[User], Client]
) -> None:
    """`likeverd reindex` and a key rotation rebuild the index from the case and what apps register."""
    _import(oslo, _row("2019-017"))
    assert reindex_cases(after_pk=0, limit=10) is not None
    (case,) = Case.objects.filter(office=oslo)
    assert _found(client_for(make_staff(oslo)), "2019-017") == [case.number]
