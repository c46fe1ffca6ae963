"""What one imported row costs the database, whatever the machine's load: the statements of an
import grow by a fixed number per row (the case, its classification, status, bench referral,
timeline and audit rows, and its sheet number), with no lookup of terms or offices per row."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from likeverd.accounts.models import Office
from likeverd.cases.models import Case
from likeverd.setup.imports.reading import read_sheet
from likeverd.setup.imports.services import run_import
from likeverd.setup.imports.tests.sheets import (
    GROUNDS_2019,
    MEDIATION_2019,
    NB_HEADER,
    Cell,
    csv_bytes,
)
from tests.model_report_2019 import AREAS_2019

pytestmark = pytest.mark.django_db

# Measured on 2026-11-29 (SQLite): 30.0 statements a row before (classifying read each of the
# four term relations twice, closing read the office again), 22.0 after.
MOST_PER_ROW = 23


def rows(count: int, *, first: int = 1) -> list[list[Cell]]:
    """`count` rows of the 2019 sheet's kinds: two channels, every area, grounds, one in seven
    sent to the bench with the model report's results."""
    areas = [area for area, number in AREAS_2019 for _ in range(number)]
    found: list[list[Cell]] = [list(NB_HEADER)]
    for index in range(first, first + count):
        day = dt.date(2019, 1, 1) + dt.timedelta(days=index % 365)
        bench = MEDIATION_2019[index % len(MEDIATION_2019)] if index % 7 == 3 else None
        found.append(
            [
                f"2019-{index:04d}",
                f"{day:%d.%m.%Y}",
                ("Telefon", "E-post")[index % 2],
                areas[index % len(areas)],
                GROUNDS_2019[index % len(GROUNDS_2019)],
                "ja" if bench else "nei",
                bench[0] if bench else None,
                bench[1] if bench else None,
            ]
        )
    return found


def _statements(office: Office, count: int, *, first: int) -> int:
    sheet = read_sheet(csv_bytes(rows(count, first=first)))
    with CaptureQueriesContext(connection) as queries:
        run_import(office=office, sheet=sheet, mapping={}, file_name="saker.csv", started_by=None)
    return len(queries.captured_queries)


def test_each_row_costs_a_fixed_number_of_statements(oslo: Office) -> None:
    small = _statements(oslo, 7, first=1)
    large = _statements(oslo, 35, first=100)
    assert Case.objects.filter(office=oslo).count() == 42
    per_row = (large - small) / 28
    assert per_row <= MOST_PER_ROW, f"{per_row:.1f} statements a row"
