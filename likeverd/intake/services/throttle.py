"""The per-address limits on what the public sends (reports from the form, a reporter's
messages to the office, bookings), without keeping any address.

Each address is counted under a keyed hash (HMAC-SHA256 with a key derived from SECRET_KEY) of
what is counted, the address and the current window: the database holds no address, and the
hash of one window says nothing about the next. A request only ever looks up the current
window's key, so a row whose window has passed is ignored by date; `delete_expired_counts`
deletes those rows (`likeverd housekeeping`, never a request). The count lives in the database,
so it holds across every gunicorn worker. Nothing here is logged.
"""

import datetime as dt
import enum
import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from likeverd.core import clock
from likeverd.intake.models import SubmissionCount

WINDOW = dt.timedelta(hours=1)
_KEY_CONTEXT = b"likeverd.intake.throttle"


class RateLimitedError(Exception):
    """This address has sent as many reports (messages, bookings) as the window allows."""


class Counted(enum.StrEnum):
    """What is counted, each with its own limit per address and window (settings)."""

    REPORT = "report"
    MESSAGE = "message"
    BOOKING = "booking"


_LIMITS = {
    Counted.REPORT: "INTAKE_REPORTS_PER_HOUR",
    Counted.MESSAGE: "INTAKE_MESSAGES_PER_HOUR",
    Counted.BOOKING: "INTAKE_BOOKINGS_PER_HOUR",
}


def _key(address: str, window_start: dt.datetime, counted: Counted = Counted.REPORT) -> str:
    secret = hmac.new(settings.SECRET_KEY.encode(), _KEY_CONTEXT, hashlib.sha256).digest()
    # Reports keep the message they had before messages and bookings were counted too.
    prefix = "" if counted is Counted.REPORT else f"{counted.value}|"
    message = f"{prefix}{address}|{window_start.isoformat()}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def _window_start(now: dt.datetime) -> dt.datetime:
    seconds = int(WINDOW.total_seconds())
    return dt.datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, tz=dt.UTC)


def _limit(counted: Counted) -> int:
    return int(getattr(settings, _LIMITS[counted]))


def refuse_if_limited(address: str, counted: Counted = Counted.REPORT) -> None:
    """Raise RateLimitedError if `address` has used up this window's limit; reads, counts nothing.
    An early answer before costly work (cleaning files, hashing): `count_submission` is still
    the count that holds."""
    limit = _limit(counted)
    if limit <= 0:
        return
    key = _key(address, _window_start(clock.now()), counted)
    if SubmissionCount.objects.filter(key=key, count__gte=limit).exists():
        raise RateLimitedError


@transaction.atomic
def count_submission(address: str, counted: Counted = Counted.REPORT) -> None:
    """Count one report (message, booking) from `address`; raise RateLimitedError when the limit
    is reached (it is then not counted). A limit of 0 (INTAKE_REPORTS_PER_HOUR,
    INTAKE_MESSAGES_PER_HOUR, INTAKE_BOOKINGS_PER_HOUR) turns it off."""
    count_within_transaction(address, counted)


def count_within_transaction(address: str, counted: Counted = Counted.REPORT) -> None:
    """`count_submission` as part of the caller's transaction, which must roll back on
    RateLimitedError: the report form counts inside the report's own transaction, so a refused
    report is not stored and a report that is not stored is not counted."""
    limit = _limit(counted)
    if limit <= 0:
        return
    now = clock.now()
    start = _window_start(now)
    key = _key(address, start, counted)
    updated = SubmissionCount.objects.filter(key=key, count__lt=limit).update(count=F("count") + 1)
    if updated:
        return
    if SubmissionCount.objects.filter(key=key).exists():
        raise RateLimitedError
    try:
        with transaction.atomic():
            SubmissionCount.objects.create(key=key, count=1, expires_at=start + WINDOW)
    except IntegrityError:  # another worker created it meanwhile
        if not SubmissionCount.objects.filter(key=key, count__lt=limit).update(count=F("count") + 1):
            raise RateLimitedError from None


@transaction.atomic
def delete_expired_counts() -> int:
    """Delete the counts whose window has passed; how many. Housekeeping, never a request."""
    deleted, _by_model = SubmissionCount.objects.filter(expires_at__lte=clock.now()).delete()
    return deleted
