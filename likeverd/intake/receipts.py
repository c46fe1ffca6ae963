"""Receipt codes: how a person who reported comes back with a code alone (ADR 0010).

A code is 16 digits, shown once on the confirmation page in four groups of four to read aloud
("4821 0937 5562 1408"). Its first LOCATOR_DIGITS digits are a random locator, unique among
receipts, that finds the row with one index lookup; the other SECRET_DIGITS digits are the
secret, stored only as an Argon2id hash (argon2-cffi, parameters in settings, no weaker than
OWASP's minimum). Nothing stored names the person or can be turned back into the code short of
guessing the secret against its hash, one slow Argon2id computation per guess.

- `prepare_receipt() -> PreparedReceipt` draws a code and computes the slow hash, outside any
  database transaction; `store_receipt(case, prepared)` stores it inside the caller's (a new
  locator is drawn if the one drawn is taken). `issue_receipt(case) -> str` does both, the
  storing in one short transaction of its own; issuing again for the same case replaces its
  receipt: the old code stops working.
- `find_by_receipt(code, *, address) -> Case | None` finds the case of a correct code. Wrong
  codes are throttled per address (a keyed hash of the address, never the address) and per
  report: FREE_FAILURES wrong codes, then a wait that doubles with each further wrong code,
  from one minute up to a day. While a wait runs, `ReceiptThrottled` is raised before any hash
  is computed; its `message` says until when, in the visitor's language. An unknown locator
  costs the same hash as a known one, so the time taken does not tell whether it exists.
"""

import datetime as dt
import secrets
import unicodedata
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from likeverd.accounts.actors import ReporterActor
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.models import Case
from likeverd.core import clock, crypto
from likeverd.intake.models import Receipt, ReceiptAddressThrottle

CODE_DIGITS = 16
LOCATOR_DIGITS = 6
SECRET_DIGITS = CODE_DIGITS - LOCATOR_DIGITS
GROUP = 4

FREE_FAILURES = 5
FIRST_WAIT = dt.timedelta(minutes=1)
LONGEST_WAIT = dt.timedelta(days=1)
# Wrong codes are forgotten after this long without another one.
FORGET_AFTER = dt.timedelta(days=1)
ADDRESS_SCOPE = "intake.receipt-address"
_LOCATOR_TRIES = 50

RECEIPT_FORM = "the receipt code"


class ReceiptThrottled(Exception):  # noqa: N818 (a wait imposed on the visitor, not our error)
    """Too many wrong codes: nothing is checked until `until`; `message` says so, translated."""

    def __init__(self, until: dt.datetime) -> None:
        self.until = until
        local = timezone.localtime(until)
        today = timezone.localdate(clock.now())
        when = local.strftime("%H:%M") if local.date() == today else local.strftime("%d.%m. %H:%M")
        self.message = _(
            "Too many wrong codes have been tried. To protect the reports, no code is checked "
            "until %(time)s. Then try again, carefully."
        ) % {"time": when}
        super().__init__(self.message)


@cache
def _hasher(memory_kib: int, time_cost: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=parallelism,
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )


def hasher() -> PasswordHasher:
    """The Argon2id hasher at the configured parameters."""
    return _hasher(*_parameters())


def _parameters() -> tuple[int, int, int]:
    return (
        int(settings.RECEIPT_ARGON2_MEMORY_KIB),
        int(settings.RECEIPT_ARGON2_TIME_COST),
        int(settings.RECEIPT_ARGON2_PARALLELISM),
    )


@cache
def _dummy_hash(memory_kib: int, time_cost: int, parallelism: int) -> str:
    return _hasher(memory_kib, time_cost, parallelism).hash(secrets.token_hex(16))


# --- the code as people write it --------------------------------------------------------------


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def format_code(code: str) -> str:
    """'4821093755621408' -> '4821 0937 5562 1408', for reading aloud and writing down."""
    return " ".join(code[at : at + GROUP] for at in range(0, len(code), GROUP))


def normalise_code(text: str) -> str | None:
    """The 16 digits of a code as typed, or None. Spaces, dashes and dots are ignored, and digits
    of any script count ("٤٨٢١" is 4821), since a phone's keyboard may write Arabic-Indic or
    Persian digits."""
    digits = []
    for char in text.strip():
        if char in " -.\u00a0\u202f\t":
            continue
        value = unicodedata.digit(char, None)
        if value is None:
            return None
        digits.append(str(value))
    code = "".join(digits)
    return code if len(code) == CODE_DIGITS else None


def _split(code: str) -> tuple[str, str]:
    return code[:LOCATOR_DIGITS], code[LOCATOR_DIGITS:]


# --- issuing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PreparedReceipt:
    """A new code and the Argon2id hash of its secret, computed before any transaction."""

    code: str
    secret_hash: str


def prepare_receipt() -> PreparedReceipt:
    """Draw a new code and compute its secret's slow hash. Call it outside any transaction: the
    database must never be held while Argon2id runs (ADR 0010)."""
    code = new_code()
    return PreparedReceipt(code=code, secret_hash=hasher().hash(_split(code)[1]))


def store_receipt(case: Case, prepared: PreparedReceipt) -> str:
    """Store `prepared` as the receipt of `case`, which has none, inside the caller's transaction;
    returns the code (16 digits, ungrouped). A taken locator means drawing another: each try is a
    savepoint, and the secret and its hash stay."""
    code = prepared.code
    for _attempt in range(_LOCATOR_TRIES):
        try:
            with transaction.atomic():
                receipt = Receipt.objects.create(
                    case=case, locator=_split(code)[0], secret_hash=prepared.secret_hash
                )
                record_event(
                    actor=ReporterActor("the public form", case.office),
                    office=case.office,
                    action=AuditAction.CREATE,
                    target=receipt,
                    case=case,
                )
            return code
        except IntegrityError:
            # The locator is taken by another report: draw another; the secret and its hash stay.
            code = f"{secrets.randbelow(10**LOCATOR_DIGITS):0{LOCATOR_DIGITS}d}" + _split(code)[1]
    raise RuntimeError("no free receipt locator after many tries: lengthen LOCATOR_DIGITS")


def issue_receipt(case: Case) -> str:
    """A new receipt code for `case` (16 digits, ungrouped); only its hash is stored.

    Call it outside any transaction: the Argon2id hash is computed first, and then stored in one
    short transaction. Issuing again for the same case replaces its receipt: the old code stops
    working. (The report form hashes first too, and stores the receipt with the case itself.)
    """
    prepared = prepare_receipt()  # the slow part, outside any transaction
    with transaction.atomic():
        Receipt.objects.filter(case=case).delete()
        return store_receipt(case, prepared)


# --- finding ----------------------------------------------------------------------------------


def address_key(address: str) -> int:
    """The keyed hash under which wrong codes from `address` are counted."""
    return crypto.keyed_hash(address, scope=ADDRESS_SCOPE)


def _wait_after(failures: int) -> dt.timedelta | None:
    if failures < FREE_FAILURES:
        return None
    wait: dt.timedelta = FIRST_WAIT * 2 ** min(failures - FREE_FAILURES, 20)
    return min(wait, LONGEST_WAIT)


def _check_not_locked(key: int, receipt: Receipt | None, now: dt.datetime) -> None:
    locks = [
        until
        for until in (
            ReceiptAddressThrottle.objects.filter(address_key=key)
            .values_list("locked_until", flat=True)
            .first(),
            receipt.locked_until if receipt is not None else None,
        )
        if until is not None and until > now
    ]
    if locks:
        raise ReceiptThrottled(max(locks))


def _verify(secret_hash: str, secret: str) -> bool:
    try:
        return hasher().verify(secret_hash, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def find_by_receipt(code: str, *, address: str) -> Case | None:
    """The case whose receipt code this is, or None; ReceiptThrottled while a wait runs.

    `address` is the visitor's address (likeverd.core.proxy.client_address); only its keyed hash
    is stored. Text that is not 16 digits is not a guess and costs nothing.
    """
    normalised = normalise_code(code)
    if normalised is None:
        return None
    locator, secret = _split(normalised)
    key = address_key(address)
    now = clock.now()
    receipt = Receipt.objects.select_related("case", "case__office").filter(locator=locator).first()
    _check_not_locked(key, receipt, now)
    if receipt is None:
        _verify(_dummy_hash(*_parameters()), secret)  # the same time as a known locator
        _count_failure(key, None)
        return None
    if not _verify(receipt.secret_hash, secret):
        _count_failure(key, receipt)
        return None
    _record_success(receipt)
    return receipt.case


def _next_state(failures: int, last: dt.datetime | None, now: dt.datetime) -> tuple[int, dt.datetime | None]:
    if last is not None and now - last > FORGET_AFTER:
        failures = 0
    failures += 1
    wait = _wait_after(failures)
    return failures, (now + wait if wait is not None else None)


def _count_failure(key: int, receipt: Receipt | None) -> None:
    now = clock.now()
    with transaction.atomic():
        throttle = ReceiptAddressThrottle.objects.select_for_update().filter(address_key=key).first()
        if throttle is None:
            throttle = ReceiptAddressThrottle(address_key=key, failures=0, last_failure_at=now)
        throttle.failures, throttle.locked_until = _next_state(
            throttle.failures, throttle.last_failure_at, now
        )
        throttle.last_failure_at = now
        try:
            with transaction.atomic():
                throttle.save()
        except IntegrityError:  # another wrong code from this address wrote the row first
            ReceiptAddressThrottle.objects.filter(address_key=key).update(last_failure_at=now)
        if receipt is not None:
            row = Receipt.objects.select_for_update().get(pk=receipt.pk)
            row.failures, row.locked_until = _next_state(row.failures, row.last_failure_at, now)
            row.last_failure_at = now
            row.save(update_fields=["failures", "locked_until", "last_failure_at"])
            record_event(
                actor=ReporterActor(RECEIPT_FORM, receipt.case.office),
                office=receipt.case.office,
                action=AuditAction.LOGIN_FAILED,
                target=row,
                case=receipt.case,
                detail={"failures": row.failures, "locked": row.locked_until is not None},
            )


def _record_success(receipt: Receipt) -> None:
    with transaction.atomic():
        Receipt.objects.filter(pk=receipt.pk).update(
            failures=0, locked_until=None, last_failure_at=None, last_used_at=clock.now()
        )
        record_event(
            actor=ReporterActor(RECEIPT_FORM, receipt.case.office),
            office=receipt.case.office,
            action=AuditAction.LOGIN,
            target=receipt,
            case=receipt.case,
        )


@transaction.atomic
def forget_old_failures() -> int:
    """Delete the counts of wrong codes from addresses that are forgotten anyway (a day without a
    wrong code, no wait running); how many. Housekeeping (`likeverd housekeeping`), never a
    request: a request reads such a row as forgotten by its date (`_next_state`)."""
    now = clock.now()
    deleted, _by_model = (
        ReceiptAddressThrottle.objects.filter(last_failure_at__lt=now - FORGET_AFTER)
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
        .delete()
    )
    return deleted
