"""`likeverd housekeeping` deletes what has expired, and only that; requests no longer delete
anything, they ignore expired rows by their date."""

import datetime as dt
import re
from collections.abc import Iterator
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.utils import translation

from likeverd.accounts.models import Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.core import clock, once
from likeverd.core.models import FormSubmission
from likeverd.intake import receipts
from likeverd.intake.models import ReceiptAddressThrottle, ReportConfirmation, SubmissionCount
from likeverd.intake.tests.reports import public_report
from likeverd.setup import housekeeping

pytestmark = pytest.mark.django_db

HOUR = dt.timedelta(hours=1)
ONCE = re.compile(r'name="once_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    with translation.override("en"):
        yield


@pytest.fixture
def oslo() -> Office:
    return OfficeFactory.create(name="DiMe Oslo", code="OSL", municipalities=["Oslo"])


def _claim(token: str, age: dt.timedelta) -> FormSubmission:
    return FormSubmission.objects.create(token=token, result_url="/done/", created_at=clock.now() - age)


def _count(key: str, expires_in: dt.timedelta) -> SubmissionCount:
    return SubmissionCount.objects.create(key=key, count=3, expires_at=clock.now() + expires_in)


def _confirmation(office: Office, key: str, expires_in: dt.timedelta) -> ReportConfirmation:
    return ReportConfirmation.objects.create(
        office=office, key=key, receipt_code="1234 5678 9012 3456", expires_at=clock.now() + expires_in
    )


def _guesses(key: int, last: dt.timedelta, locked_for: dt.timedelta | None) -> ReceiptAddressThrottle:
    now = clock.now()
    return ReceiptAddressThrottle.objects.create(
        address_key=key,
        failures=7,
        last_failure_at=now - last,
        locked_until=now + locked_for if locked_for is not None else None,
    )


def _sweep(*args: str) -> str:
    out = StringIO()
    call_command("housekeeping", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_housekeeping_deletes_every_kind_of_expired_row_and_keeps_the_live_ones(oslo: Office) -> None:
    _claim("old", once.MAX_AGE + HOUR)
    _claim("young", once.MAX_AGE - HOUR)
    _count("past-window", -dt.timedelta(seconds=1))
    _count("this-window", HOUR / 2)
    _confirmation(oslo, "expired", -dt.timedelta(minutes=1))
    _confirmation(oslo, "live", dt.timedelta(minutes=20))
    _guesses(1, receipts.FORGET_AFTER + HOUR, None)  # forgotten
    _guesses(2, receipts.FORGET_AFTER + HOUR, HOUR)  # quiet for a day, but a wait still runs
    _guesses(3, HOUR, None)  # recent

    output = _sweep()

    assert output.splitlines() == [
        "form-claims: 1 deleted",
        "report-limits: 1 deleted",
        "report-confirmations: 1 deleted",
        "receipt-guesses: 1 deleted",
        "import-uploads: 0 deleted",
    ]
    assert set(FormSubmission.objects.values_list("token", flat=True)) == {"young"}
    assert set(SubmissionCount.objects.values_list("key", flat=True)) == {"this-window"}
    assert set(ReportConfirmation.objects.values_list("key", flat=True)) == {"live"}
    assert set(ReceiptAddressThrottle.objects.values_list("address_key", flat=True)) == {2, 3}
    # Run again at once: nothing is left to delete. The output is in the installation's language.
    with translation.override("nb"):
        assert _sweep().splitlines()[0] == "form-claims: 0 slettet"


def test_the_claims_table_stays_bounded_by_the_token_lifetime() -> None:
    start = clock.now()
    with time_machine.travel(start, tick=False) as traveller:
        for hour in range(48):  # two days of claims, one an hour, swept every hour
            _claim(f"token-{hour}", dt.timedelta(0))
            _sweep("--only", "form-claims")
            traveller.shift(HOUR)
        assert FormSubmission.objects.count() <= once.MAX_AGE / HOUR + 1


def test_only_runs_the_named_sweeps_and_list_names_them_all(oslo: Office) -> None:
    _claim("old", once.MAX_AGE + HOUR)
    _count("past-window", -dt.timedelta(seconds=1))

    assert _sweep("--only", "report-limits").splitlines() == ["report-limits: 1 deleted"]
    assert FormSubmission.objects.filter(token="old").exists()

    listed = _sweep("--list")
    assert [line.split(":")[0] for line in listed.splitlines()] == [s.name for s in housekeeping.SWEEPS]
    assert FormSubmission.objects.filter(token="old").exists()  # listing deletes nothing


def test_an_unknown_sweep_is_refused_with_the_known_names() -> None:
    with pytest.raises(
        CommandError, match=re.escape("Unknown sweep: claims. Known: form-claims, report-limits")
    ):
        _sweep("--only", "claims")


@pytest.mark.django_db(transaction=True)
def test_a_failing_sweep_does_not_stop_the_others_and_the_command_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> int:
        with connection.cursor() as cursor:  # a real database error: the table does not exist
            cursor.execute("DELETE FROM likeverd_no_such_table")
        return 0

    monkeypatch.setattr(
        housekeeping, "SWEEPS", (housekeeping.Sweep("broken", "", broken), *housekeeping.SWEEPS)
    )
    _claim("old", once.MAX_AGE + HOUR)
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError, match="Not every sweep ran: broken"):
        call_command("housekeeping", stdout=out, stderr=err)

    assert re.search(r"^broken failed: \w+Error", err.getvalue(), re.MULTILINE)
    assert "form-claims: 1 deleted" in out.getvalue()
    assert not FormSubmission.objects.exists()


# --- requests ignore expired rows by date and delete nothing -------------------------------------


def test_a_report_post_deletes_no_expired_row(client: Client, oslo: Office) -> None:
    _claim("old", once.MAX_AGE + HOUR)
    _count("past-window", -HOUR)
    _confirmation(oslo, "expired", -HOUR)
    page = client.get("/en/offices/osl/report/").content.decode()
    token = ONCE.search(page)
    assert token is not None

    response = client.post(
        "/en/offices/osl/report/", {"narrative": "Shouted at.", "consent": "on", "once_token": token[1]}
    )

    assert response.status_code == 302
    assert FormSubmission.objects.filter(token="old").exists()
    assert SubmissionCount.objects.filter(key="past-window").exists()
    assert ReportConfirmation.objects.filter(key="expired").exists()


def test_an_expired_confirmation_page_is_not_found_before_housekeeping_deletes_it(
    client: Client, oslo: Office
) -> None:
    _confirmation(oslo, "expired", -dt.timedelta(seconds=1))

    assert client.get("/en/offices/osl/report/sent/expired/").status_code == 404
    row = ReportConfirmation.objects.get(key="expired")
    assert row.receipt_code == "1234 5678 9012 3456"  # not shown, not blanked: it waits to be deleted
    _sweep()
    assert not ReportConfirmation.objects.exists()


def test_a_wrong_code_after_a_quiet_day_counts_from_one_without_deleting_anything(oslo: Office) -> None:
    report = public_report(oslo)
    address = "192.0.2.44"
    key = receipts.address_key(address)
    _guesses(key, receipts.FORGET_AFTER + HOUR, None)
    _guesses(999, receipts.FORGET_AFTER + HOUR, None)  # another address's forgotten count

    wrong = report.code[:6] + ("0" * 10 if report.code[6:] != "0" * 10 else "1" * 10)
    assert receipts.find_by_receipt(wrong, address=address) is None

    assert ReceiptAddressThrottle.objects.get(address_key=key).failures == 1
    assert ReceiptAddressThrottle.objects.filter(address_key=999).exists()
