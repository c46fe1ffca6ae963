"""`likeverd housekeeping`: delete the rows that have expired (likeverd.setup.housekeeping).

Run it from a timer every 15 minutes (README, Operations). Every sweep runs, each in its own
transaction, even when one before it failed; a failure is named on stderr and ends with exit
status 1. `--list` shows the sweeps, `--only NAME` (repeatable) runs those alone.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.utils.translation import gettext as _

from likeverd.setup import housekeeping


class Command(BaseCommand):
    help = "Delete the rows that have expired (form claims, rate-limit counts, confirmation pages, ...)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--list", action="store_true", help="List the sweeps and what each deletes.")
        parser.add_argument(
            "--only", action="append", default=[], metavar="NAME", help="Run only this sweep; repeatable."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            sweeps = housekeeping.chosen(options["only"])
        except housekeeping.UnknownSweepError as error:
            raise CommandError(
                _("Unknown sweep: %(names)s. Known: %(known)s.")
                % {"names": error, "known": ", ".join(sweep.name for sweep in housekeeping.SWEEPS)}
            ) from None
        if options["list"]:
            for sweep in sweeps:
                self.stdout.write(f"{sweep.name}: {sweep.description}")
            return
        failed = []
        for sweep in sweeps:
            try:
                deleted = sweep.run()
            except DatabaseError as error:
                failed.append(sweep.name)
                self.stderr.write(
                    _("%(sweep)s failed: %(error)s") % {"sweep": sweep.name, "error": type(error).__name__}
                )
                continue
            if options["verbosity"] >= 1:
                self.stdout.write(_("%(sweep)s: %(count)d deleted") % {"sweep": sweep.name, "count": deleted})
        if failed:
            raise CommandError(_("Not every sweep ran: %(names)s.") % {"names": ", ".join(failed)})
