"""`likeverd analyze` counts the planner's statistics in full, where the sampled ones SQLite
makes on closing a connection take a busy office for one of some 400 cases."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def _cases_per_office_estimate() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'case_office_received'")
        (stat,) = cursor.fetchone()
    return int(stat.split()[1])


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's own statistics table")
def test_the_statistics_count_every_case_of_an_office(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    for _ in range(12):
        register(viewer)
    with connection.cursor() as cursor:  # what a closing connection does: a sample of 4 entries
        cursor.execute("PRAGMA analysis_limit=4")
        cursor.execute("ANALYZE cases_case")
    assert _cases_per_office_estimate() < 12

    out = StringIO()
    call_command("analyze", stdout=out)

    assert _cases_per_office_estimate() == 12
    assert "Planner statistics counted in" in out.getvalue()


def test_it_runs_on_every_engine(office: Office) -> None:
    out = StringIO()
    call_command("analyze", stdout=out)
    assert "Planner statistics counted in" in out.getvalue()


@pytest.mark.postgresql_only
def test_postgresql_keeps_the_search_tokens_statistics_value_by_value() -> None:
    """A rare name's token must not be taken for an average word (cases/0014): the token column
    keeps PostgreSQL's largest list of values with their counts."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute "
            "WHERE attrelid = 'cases_searchtoken'::regclass AND attname = 'token'"
        )
        assert cursor.fetchone()[0] == 10_000
