"""What one report costs the database: the statements and the write transactions of one POST of
the public form, counted and held.

Write transactions are what concurrent reports queue for: SQLite has one writer (every
transaction here begins IMMEDIATE, taking the write lock), and every commit is a round of
locking and a write to the log. Counted in a transactional test, where every `atomic` block is
a real transaction and Django logs BEGIN and COMMIT beside the statements; a write outside
BEGIN ... COMMIT is a transaction of its own (autocommit).

Measured on SQLite (issue 8), one anonymous report without files, the office with two advisers
to tell:
- before: 45 statements, 9 write transactions (the sweep of old once-claims, the claim, the
  rate-limit count with its sweep, the report, the receipt, the code on the confirmation row,
  the once-claim's result, and each adviser's e-mail queued after commit on its own);
- after the sweeps went to housekeeping and the writes were gathered: 39 statements, 3 write
  transactions (the claim; the count, the report and its e-mails; the receipt, its code and
  the claim's result);
- with the receipt hashed before the report's transaction (ADR 0010): STATEMENTS and
  WRITE_TRANSACTIONS below, the claim and then everything else in one.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.fixtures import Settings

from benchmarks.report_client import report_data
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import OfficeFactory, make_staff
from likeverd.cases.models import Case
from likeverd.core.models import FormSubmission
from likeverd.intake import receipts
from likeverd.intake.models import Receipt, SubmissionCount

ONCE = re.compile(r'name="once_token" value="([^"]+)"')
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)

STATEMENTS = 36
WRITE_TRANSACTIONS = 2


@pytest.fixture
def oslo(transactional_db: None) -> Office:
    office = OfficeFactory.create(name="DiMe Oslo", code="OSL", municipalities=["Oslo"])
    make_staff(office, Role.ADVISER, email="adviser@oslo.example")
    make_staff(office, Role.COORDINATOR, email="coordinator@oslo.example")
    return office


def write_transactions(statements: list[str]) -> int:
    """How many transactions wrote: each COMMIT, and each write outside BEGIN ... COMMIT."""
    count, open_transaction = 0, False
    for sql in statements:
        if sql.startswith("BEGIN"):
            open_transaction = True
        elif sql in {"COMMIT", "ROLLBACK"}:
            open_transaction = False
            count += sql == "COMMIT"
        elif not open_transaction and WRITE.match(sql):
            count += 1
    return count


def post_one_report(client: Client, narrative: str) -> tuple[list[str], str]:
    page = client.get("/en/offices/osl/report/").content.decode()
    found = ONCE.search(page)
    assert found is not None
    form: dict[str, list[str]] = {"once_token": [found[1]]}
    for key, value in report_data(narrative):
        form.setdefault(key, []).append(value)
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/en/offices/osl/report/", form)
    assert response.status_code == 302, response.content[:500]
    return [query["sql"] for query in queries.captured_queries], response["Location"]


def test_one_report_post_costs_few_statements_and_write_transactions(
    oslo: Office, settings: Settings
) -> None:
    settings.INTAKE_REPORTS_PER_HOUR = 10  # the limit on, as in production
    client = Client()
    post_one_report(client, "The first report of this address in the hour.")

    statements, location = post_one_report(client, "The second report.")

    assert "/report/sent/" in location
    assert Case.objects.filter(office=oslo).count() == 2
    assert Receipt.objects.count() == 2
    assert SubmissionCount.objects.get().count == 2
    assert FormSubmission.objects.filter(result_url=location).exists()
    # The office's e-mails are queued in the report's own transaction: committed with the case.
    report_commit = statements.index(
        "COMMIT", next(n for n, sql in enumerate(statements) if 'INTO "cases_case"' in sql)
    )
    queued = [n for n, sql in enumerate(statements) if 'INTO "django_tasks_database_dbtaskresult"' in sql]
    assert len(queued) == 2
    assert all(n < report_commit for n in queued)
    listing = f"{len(statements)} statements:\n" + "\n".join(statements)
    assert write_transactions(statements) == WRITE_TRANSACTIONS, listing
    assert len(statements) == STATEMENTS, listing


def test_the_receipt_is_hashed_before_the_report_and_outside_any_transaction(
    oslo: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[bool, int]] = []
    real_hasher = receipts.hasher()

    class Watching:
        def hash(self, secret: str) -> str:
            seen.append((connection.in_atomic_block, Case.objects.count()))
            return real_hasher.hash(secret)

    monkeypatch.setattr(receipts, "hasher", Watching)
    _statements, location = post_one_report(Client(), "Hashed first.")

    assert seen == [(False, 0)]  # no transaction open, and no case written yet
    assert "/report/sent/" in location
    assert Receipt.objects.get().case.narrative == "Hashed first."
