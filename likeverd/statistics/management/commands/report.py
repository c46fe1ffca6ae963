"""`likeverd report`: an office's (or several offices') report for a period, as a file.

    likeverd report --office OSL [--office BGO ...] --from 2019-01-01 --to 2019-12-31 \\
        --format json|csv|xlsx|pdf [--language nb|sv|en] [--output FILE]

The figures are disclosure-controlled (they leave Likeverd), so the period is whole months.
JSON and CSV go to standard output when no --output is given; XLSX and PDF are written to a
file or a pipe, never to a terminal.
The read is audited with the system actor "the likeverd report command".
"""

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from likeverd.accounts.actors import SystemActor
from likeverd.accounts.models import Jurisdiction, Office
from likeverd.statistics.exports import CONTENT_TYPES, export_report
from likeverd.statistics.report import (
    LONGEST_PERIOD,
    REPORT_LANGUAGES,
    AnnualReport,
    PeriodError,
    build_report,
    record_report_export,
)
from likeverd.statistics.selectors.period import is_whole_months, last_day_of_month

ACTOR = SystemActor("the likeverd report command")
BINARY_FORMATS = frozenset({"xlsx", "pdf"})
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_day(text: str) -> dt.date:
    """A day written YYYY-MM-DD (nothing else: no week dates, no times)."""
    if not _ISO_DAY.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"“{text}” is not a day written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a day of the calendar") from None


class Command(BaseCommand):
    help = (
        "Write the report of one or more offices for a period (both days included) as JSON (the "
        "open-data shape), CSV, XLSX or PDF. The figures are disclosure-controlled, so the period "
        "is whole months: from the first day of a month to the last day of a month."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--office",
            action="append",
            required=True,
            metavar="CODE",
            help="An office's short code (repeatable).",
        )
        parser.add_argument("--from", dest="start", required=True, type=iso_day, metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, type=iso_day, metavar="YYYY-MM-DD")
        parser.add_argument("--format", dest="file_format", required=True, choices=sorted(CONTENT_TYPES))
        parser.add_argument(
            "--language",
            choices=REPORT_LANGUAGES,
            help="The language of titles and labels (default: the first office's own, nb or sv).",
        )
        parser.add_argument(
            "--output", type=Path, metavar="FILE", help="Write here instead of standard output."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        offices = self._offices(options["office"])
        file_format: str = options["file_format"]
        output: Path | None = options["output"]
        binary_out = None
        if output is None and file_format in BINARY_FORMATS:
            binary_out = getattr(self.stdout._out, "buffer", None)
            if binary_out is None or self.stdout.isatty():
                raise CommandError(
                    f"A {file_format.upper()} file is not for a terminal: give --output FILE, or redirect "
                    "the output to a file or a pipe."
                )
        start: dt.date = options["start"]
        end: dt.date = options["end"]
        if end < start:
            raise CommandError(f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()}).")
        if end - start > LONGEST_PERIOD:
            raise CommandError("A report covers at most ten years.")
        if not is_whole_months(start, end):
            # The figures are published: two periods a few days apart would give away by
            # subtraction the counts each hides (ADR 0016, "Periods").
            raise CommandError(
                "A report covers whole months only: --from must be the first day of a month and --to the "
                f"last day of a month (for example --from {start.replace(day=1).isoformat()} "
                f"--to {last_day_of_month(end).isoformat()})."
            )
        language = options["language"] or ("sv" if offices[0].jurisdiction == Jurisdiction.SWEDEN else "nb")
        try:
            report = build_report(
                actor=ACTOR,
                offices=offices,
                start=start,
                end=end,
                language=language,
                controlled=True,
            )
        except PeriodError as error:
            raise CommandError(str(error)) from error
        data = export_report(report, file_format)
        record_report_export(actor=ACTOR, report=report, file_format=file_format)
        self._write(data, report=report, output=output, binary_out=binary_out)

    def _offices(self, codes: list[str]) -> list[Office]:
        wanted = list(dict.fromkeys(code.strip().upper() for code in codes))
        found = {office.code: office for office in Office.objects.filter(code__in=wanted, is_active=True)}
        missing = [code for code in wanted if code not in found]
        if missing:
            known = ", ".join(
                Office.objects.filter(is_active=True).order_by("code").values_list("code", flat=True)
            )
            raise CommandError(
                f"No active office with the code {', '.join(missing)}. Offices: {known or 'none yet'}."
            )
        return [found[code] for code in wanted]

    def _write(self, data: bytes, *, report: AnnualReport, output: Path | None, binary_out: Any) -> None:
        if output is not None:
            try:
                output.write_bytes(data)
            except OSError as error:
                raise CommandError(f"Could not write {output}: {error.strerror}.") from error
            self.stderr.write(
                f"Wrote {output} ({len(data):,} bytes): {report.title}, {report.office_names}.",
                style_func=str,
            )
        elif binary_out is not None:
            binary_out.write(data)
            binary_out.flush()
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
