import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from likeverd.intake.receipts import format_code
from likeverd.setup.demo.build import load_demo
from likeverd.setup.demo.planning import DEFAULT_CASES
from likeverd.setup.demo.staff import demo_logins

# `make demo PORT=8123` passes the address it serves on.
URL = os.environ.get("LIKEVERD_DEMO_URL", "http://127.0.0.1:8000/")


class Command(BaseCommand):
    help = (
        "Load invented demo data: two offices (DiMe Oslo, Antidiskrimineringsbyrån Malmö), a login for every "
        "role and about 300 cases. Safe to run again: existing demo offices are left as they are."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--cases",
            type=int,
            default=DEFAULT_CASES,
            help=f"Number of cases over both offices (default {DEFAULT_CASES}).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run outside a local installation. Never against a production database.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.LOCAL and not options["force"]:
            raise CommandError(
                "Refusing to load demo data outside a local installation (LIKEVERD_LOCAL or LIKEVERD_DEBUG "
                "unset): it would mix invented cases and known passwords into a real database. "
                "Set LIKEVERD_LOCAL=1, or pass --force if you are sure."
            )
        if options["cases"] < 0:
            raise CommandError("--cases cannot be negative.")
        summary = load_demo(cases=options["cases"], inbox_url=URL.rstrip("/") + "/nb/staff/", site_url=URL)
        if summary.created_offices:
            self.stdout.write(
                f"Created {', '.join(summary.created_offices)} with {summary.cases} cases "
                f"in {summary.seconds:.1f} s."
            )
        if summary.skipped_offices:
            self.stdout.write(
                f"demo data already loaded ({', '.join(summary.skipped_offices)}): left as it is."
            )
        self._print_logins()
        for office, code in summary.receipt_codes:
            self.stdout.write(
                f"A demo web report of {office} in Arabic, with a reply: come back as its reporter at "
                + self.style.SUCCESS(URL + "ar/receipt/")
                + f" with the receipt code {format_code(code)} (shown only now)."
            )

    def _print_logins(self) -> None:
        logins = demo_logins()
        headers = ("username", "name", "roles", "offices", "password", "TOTP secret (base32)", "code now")
        rows = [
            (x.username, x.full_name, x.roles, x.offices, x.password, x.totp_secret, x.current_code)
            for x in logins
        ]
        widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
        line = "  ".join("{:<%d}" % w for w in widths)  # noqa: UP031
        self.stdout.write("")
        self.stdout.write(
            self.style.MIGRATE_HEADING("Demo logins (demo data only: every secret below is public)")
        )
        self.stdout.write(line.format(*headers))
        self.stdout.write(line.format(*("-" * w for w in widths)))
        for row in rows:
            self.stdout.write(line.format(*row))
        self.stdout.write("")
        self.stdout.write(
            "Add the secret to an authenticator app (or type the code shown, valid for 30 seconds; "
            "`likeverd democode USERNAME` prints a fresh one), then log in at "
            + self.style.SUCCESS(URL + "nb/staff/")
        )
        self.stdout.write("The public site (offices, the guide, nine languages): " + self.style.SUCCESS(URL))
