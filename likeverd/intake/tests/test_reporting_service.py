"""The report's service: it refuses what the form would never send, stores nothing then, and the
receipt code's slow hash runs outside every database transaction."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.cases.models import Case
from likeverd.intake import receipts
from likeverd.intake.services import ReportInput, submit_report
from likeverd.taxonomy.models import TermKind
from likeverd.taxonomy.selectors import list_terms


@pytest.fixture
def oslo(db: None) -> Office:
    return OfficeFactory.create(code="OSL", jurisdiction=Jurisdiction.NORWAY)


@pytest.mark.parametrize(
    "changes",
    [
        {"consent": False},
        {"narrative": "   "},
        {"reporter_kind": "the_ceo"},
        {"form_language": "xx"},
        {"counterpart_kind": "a_dragon"},
        {"wishes": ["revenge"]},
    ],
)
def test_what_the_form_would_never_send_is_refused_and_nothing_is_stored(
    oslo: Office, changes: dict[str, Any]
) -> None:
    report = ReportInput(narrative="Refused at the door.", consent=True, form_language="en")
    for name, value in changes.items():
        setattr(report, name, value)
    with pytest.raises(ValidationError):
        submit_report(office=oslo, report=report)
    assert Case.objects.count() == 0


def test_grounds_of_another_country_are_refused(oslo: Office) -> None:
    swedish = list(list_terms(jurisdiction="SE", kind=TermKind.GROUND))[:1]
    report = ReportInput(narrative="x", consent=True, form_language="en", grounds=swedish)
    with pytest.raises(ValidationError):
        submit_report(office=oslo, report=report)
    assert Case.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_receipt_hash_runs_outside_any_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    OfficeFactory.create(code="OSL", jurisdiction=Jurisdiction.NORWAY)
    real = receipts.hasher()
    in_transaction: list[bool] = []

    class Watched:
        """The real hasher, noting whether a transaction is open when it hashes."""

        def hash(self, secret: str) -> str:
            in_transaction.append(connection.in_atomic_block)
            return real.hash(secret)

        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

    monkeypatch.setattr(receipts, "hasher", Watched)
    response = Client().post("/en/offices/osl/report/", {"narrative": "On the tram.", "consent": "on"})
    assert response.status_code == 302
    assert in_transaction == [False]
    assert Case.objects.count() == 1
