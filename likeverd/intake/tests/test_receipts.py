"""Receipt codes: a code finds its own report and no other, only its hash is stored, and guessing
is throttled per address and per report with growing waits."""

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine
from argon2 import extract_parameters
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import Case
from likeverd.cases.tests.factories import register
from likeverd.core import clock
from likeverd.intake import receipts
from likeverd.intake.models import Receipt, ReceiptAddressThrottle
from likeverd.intake.receipts import (
    ReceiptThrottled,
    find_by_receipt,
    format_code,
    issue_receipt,
    normalise_code,
)

ADDRESS = "203.0.113.7"


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    with translation.override("en"):
        yield


@pytest.fixture
def case(office: Office, adviser: User) -> Case:
    return register(viewer_of(adviser), narrative="Harassed on the tram")


@pytest.mark.django_db
def test_a_code_finds_its_report_and_only_its_hash_is_stored(case: Case) -> None:
    code = issue_receipt(case)

    assert len(code) == 16
    assert code.isdigit()
    assert find_by_receipt(code, address=ADDRESS) == case
    receipt = Receipt.objects.get(case=case)
    assert receipt.locator == code[:6]
    assert code[6:] not in receipt.secret_hash
    assert receipt.secret_hash.startswith("$argon2id$")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM intake_receipt")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert code not in stored
    assert code[6:] not in stored


@pytest.mark.django_db
def test_the_hash_uses_argon2id_no_weaker_than_owasps_minimum(case: Case) -> None:
    issue_receipt(case)
    parameters = extract_parameters(Receipt.objects.get(case=case).secret_hash)
    assert parameters.type.name == "ID"
    owasp_minimum = {1: 47104, 2: 19456, 3: 12288, 4: 9216, 5: 7168}
    assert parameters.memory_cost >= owasp_minimum[min(parameters.time_cost, 5)]
    assert parameters.salt_len >= 16


@pytest.mark.django_db
def test_a_code_for_another_report_finds_that_report_never_this_one(
    case: Case, office: Office, adviser: User, other_office: Office, other_adviser: User
) -> None:
    mine = issue_receipt(case)
    theirs_case = register(viewer_of(other_adviser), narrative="Refused at the door")
    theirs = issue_receipt(theirs_case)
    assert find_by_receipt(theirs, address=ADDRESS) == theirs_case
    assert find_by_receipt(mine, address=ADDRESS) == case
    # The other report's locator with this report's secret: neither report.
    assert find_by_receipt(theirs[:6] + mine[6:], address=ADDRESS) is None
    assert find_by_receipt(mine[:6] + theirs[6:], address=ADDRESS) is None


@pytest.mark.django_db
def test_the_code_is_read_however_it_is_typed(case: Case) -> None:
    code = issue_receipt(case)
    grouped = format_code(code)
    assert grouped.count(" ") == 3
    arabic = "".join(chr(0x0660 + int(d)) for d in code)
    assert find_by_receipt(grouped, address=ADDRESS) == case
    assert find_by_receipt(code[:4] + "-" + code[4:], address=ADDRESS) == case
    assert find_by_receipt(arabic, address=ADDRESS) == case


@given(st.text(alphabet="0123456789", min_size=16, max_size=16))
def test_a_grouped_code_reads_back_as_itself_in_any_script(code: str) -> None:
    assert normalise_code(format_code(code)) == code
    persian = "".join(chr(0x06F0 + int(d)) for d in code)
    assert normalise_code(persian) == code


@given(st.text(max_size=40))
def test_text_that_is_not_sixteen_digits_is_no_code(text: str) -> None:
    normalised = normalise_code(text)
    assert normalised is None or (len(normalised) == 16 and normalised.isascii() and normalised.isdigit())


@pytest.mark.django_db
def test_issuing_again_replaces_the_old_code(case: Case) -> None:
    first = issue_receipt(case)
    second = issue_receipt(case)
    assert Receipt.objects.filter(case=case).count() == 1
    assert find_by_receipt(second, address=ADDRESS) == case
    assert find_by_receipt(first, address="198.51.100.1") is None


@pytest.mark.django_db
def test_a_taken_locator_is_drawn_again(case: Case, adviser: User, monkeypatch: pytest.MonkeyPatch) -> None:
    other = register(viewer_of(adviser), narrative="Another report")
    taken = issue_receipt(other)
    draws = iter([taken[:6] + "1234567890"])
    real_new_code = receipts.new_code
    monkeypatch.setattr(receipts, "new_code", lambda: next(draws, None) or real_new_code())
    code = issue_receipt(case)
    assert code[:6] != taken[:6]
    assert code[6:] == "1234567890"
    assert find_by_receipt(code, address=ADDRESS) == case
    assert find_by_receipt(taken, address=ADDRESS) == other


@pytest.mark.django_db
def test_issuing_is_audited_without_the_code(case: Case) -> None:
    code = issue_receipt(case)
    event = AuditEvent.objects.get(target_type="intake.Receipt", action=AuditAction.CREATE)
    assert event.office_id == case.office_id
    assert event.case_id == str(case.public_id)
    assert event.actor_kind == "reporter"
    assert code not in str(event.detail)


@pytest.mark.django_db
def test_brute_force_from_one_address_hits_a_growing_wait(case: Case, adviser: User) -> None:
    code = issue_receipt(case)
    start = clock.now()
    with time_machine.travel(start, tick=False) as traveller:
        for guess in range(5):
            assert find_by_receipt(f"{guess:016d}", address=ADDRESS) is None
        with pytest.raises(ReceiptThrottled) as throttled:
            find_by_receipt(f"{99:016d}", address=ADDRESS)
        assert throttled.value.until == start + dt.timedelta(minutes=1)
        assert "Too many wrong codes" in throttled.value.message
        # Even the right code waits: the wait is the address's, not the guess's.
        with pytest.raises(ReceiptThrottled):
            find_by_receipt(code, address=ADDRESS)
        # Another address is not held up by this one.
        assert find_by_receipt(code, address="198.51.100.23") == case

        traveller.shift(dt.timedelta(minutes=1, seconds=1))
        assert find_by_receipt(f"{7:016d}", address=ADDRESS) is None  # the 6th wrong code
        with pytest.raises(ReceiptThrottled) as throttled:
            find_by_receipt(f"{8:016d}", address=ADDRESS)
        assert throttled.value.until - clock.now() > dt.timedelta(minutes=1, seconds=50)

    row = ReceiptAddressThrottle.objects.get()
    assert row.failures == 6
    assert ADDRESS not in str(row.address_key)


@pytest.mark.django_db
def test_guessing_one_report_from_many_addresses_locks_that_report(case: Case, adviser: User) -> None:
    code = issue_receipt(case)
    other = register(viewer_of(adviser), narrative="Another")
    other_code = issue_receipt(other)
    for attempt in range(5):
        # Five different wrong secrets for the same locator (never the code itself).
        guess = code[:-2] + f"{(int(code[-2:]) + 1 + attempt) % 100:02d}"
        assert find_by_receipt(guess, address=f"192.0.2.{attempt}") is None
    with pytest.raises(ReceiptThrottled):
        find_by_receipt(code, address="192.0.2.200")
    # The other report is not held up.
    assert find_by_receipt(other_code, address="192.0.2.201") == other
    failed = AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED, case_id=str(case.public_id))
    assert failed.count() == 5
    assert failed.order_by("-id").first().detail == {"failures": 5, "locked": True}  # type: ignore[union-attr]


@pytest.mark.django_db
def test_while_a_wait_runs_no_hash_is_computed(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    code = issue_receipt(case)
    for guess in range(5):
        find_by_receipt(f"{guess:016d}", address=ADDRESS)
    computed: list[str] = []

    def watching(secret_hash: str, secret: str) -> bool:
        computed.append(secret)
        return False

    monkeypatch.setattr(receipts, "_verify", watching)
    with pytest.raises(ReceiptThrottled):
        find_by_receipt(code, address=ADDRESS)
    assert computed == []


@pytest.mark.django_db
def test_a_correct_code_clears_its_reports_count_but_not_the_addresss(case: Case) -> None:
    code = issue_receipt(case)
    for attempt in range(3):
        find_by_receipt(code[:6] + f"{attempt:010d}", address=ADDRESS)
    assert Receipt.objects.get(case=case).failures == 3
    assert find_by_receipt(code, address=ADDRESS) == case
    assert Receipt.objects.get(case=case).failures == 0
    assert ReceiptAddressThrottle.objects.get().failures == 3
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, case_id=str(case.public_id)).count() == 1


@pytest.mark.django_db
def test_wrong_codes_are_forgotten_after_a_quiet_day(case: Case) -> None:
    start = clock.now()
    with time_machine.travel(start, tick=False) as traveller:
        for guess in range(4):
            find_by_receipt(f"{guess:016d}", address=ADDRESS)
        traveller.shift(dt.timedelta(days=1, minutes=1))
        for guess in range(4):
            find_by_receipt(f"{guess:016d}", address=ADDRESS)
        assert ReceiptAddressThrottle.objects.get().failures == 4


@pytest.mark.django_db
def test_malformed_text_costs_nothing_and_counts_nothing(case: Case) -> None:
    with CaptureQueriesContext(connection) as queries:
        assert find_by_receipt("1234", address=ADDRESS) is None
        assert find_by_receipt("abcd efgh ijkl mnop", address=ADDRESS) is None
    assert len(queries) == 0


@pytest.mark.django_db(transaction=True)
def test_the_issuing_hash_is_computed_outside_any_transaction(
    office: Office, adviser: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = register(viewer_of(adviser), narrative="Committed before the code is issued")
    in_transaction_when_hashing: list[bool] = []
    real_hasher = receipts.hasher()

    class Watching:
        def hash(self, secret: str) -> str:
            in_transaction_when_hashing.append(connection.in_atomic_block)
            return real_hasher.hash(secret)

    monkeypatch.setattr(receipts, "hasher", Watching)
    code = issue_receipt(case)
    assert in_transaction_when_hashing == [False]
    monkeypatch.undo()
    assert find_by_receipt(code, address=ADDRESS) == case
