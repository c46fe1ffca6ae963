"""Housekeeping: rows that have expired are deleted here, on a timer, never in a request.

A request ignores an expired row by its date (a claim older than a form token's lifetime, a
rate-limit count of a past window, a confirmation page past its time, a forgotten count of wrong
receipt codes), so deleting it is no part of answering anyone; done in every request it cost a
write, and a commit, in each. `likeverd housekeeping` runs every sweep below, each in its own
transaction, and keeps these tables to about their rows' lifetimes (README, Operations: run it
every 15 minutes).

Each sweep is one function in its own app that deletes what has expired and returns how many
rows it deleted. To add one: write that function (atomic, no arguments, returns an int) beside
the code that knows when its rows expire, and add a `Sweep` to SWEEPS with a stable name.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from likeverd.core import once
from likeverd.intake import receipts
from likeverd.intake import services as intake_services
from likeverd.setup.imports import services as import_services


@dataclass(frozen=True)
class Sweep:
    name: str  # stable, for `--only` and the output; the same in every language
    description: str | Promise  # what it deletes, for `--list`
    run: Callable[[], int]  # deletes what has expired; returns how many rows


SWEEPS: tuple[Sweep, ...] = (
    Sweep(
        "form-claims",
        _("claims of one-time form tokens older than a token's lifetime (12 hours)"),
        once.delete_expired_claims,
    ),
    Sweep(
        "report-limits",
        _("per-address counts of reports, messages and bookings whose hour has passed"),
        intake_services.delete_expired_counts,
    ),
    Sweep(
        "report-confirmations",
        _("confirmation pages of reports past their 30 minutes, with any receipt code never shown"),
        intake_services.delete_expired_confirmations,
    ),
    Sweep(
        "receipt-guesses",
        _("counts of wrong receipt codes per address, after a day without one and no wait running"),
        receipts.forget_old_failures,
    ),
    Sweep(
        "import-uploads",
        _("files uploaded on the import screen and not imported within 12 hours"),
        import_services.delete_expired_uploads,
    ),
)


class UnknownSweepError(ValueError):
    """A name given to `chosen` is not a sweep's."""


def chosen(names: Sequence[str] = ()) -> list[Sweep]:
    """The sweeps named (all of them when none is), in SWEEPS's order."""
    known = {sweep.name for sweep in SWEEPS}
    unknown = sorted(set(names) - known)
    if unknown:
        raise UnknownSweepError(", ".join(unknown))
    return [sweep for sweep in SWEEPS if not names or sweep.name in names]
