"""The per-address limit on reports from the public form, without keeping any address.

Each address is counted under a keyed hash (HMAC-SHA256 with a key derived from SECRET_KEY) of
the address and the current window: the database holds no address, the hash of one window says
nothing about the next, and a row is deleted once its window has passed. The count lives in the
database, so it holds across every gunicorn worker. Nothing here is logged.
"""

import datetime as dt
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
    """This address has sent as many reports as the window allows."""


def _key(address: str, window_start: dt.datetime) -> str:
    secret = hmac.new(settings.SECRET_KEY.encode(), _KEY_CONTEXT, hashlib.sha256).digest()
    message = f"{address}|{window_start.isoformat()}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def _window_start(now: dt.datetime) -> dt.datetime:
    seconds = int(WINDOW.total_seconds())
    return dt.datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, tz=dt.UTC)


def count_submission(address: str) -> None:
    """Count one report from `address`; raise RateLimitedError when the limit is reached (the report
    is then not counted). INTAKE_REPORTS_PER_HOUR = 0 turns the limit off."""
    limit = int(settings.INTAKE_REPORTS_PER_HOUR)
    if limit <= 0:
        return
    now = clock.now()
    start = _window_start(now)
    key = _key(address, start)
    with transaction.atomic():
        SubmissionCount.objects.filter(expires_at__lte=now).delete()
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
