"""`likeverd exportdirectory FILE [--office CODE]`: write the directory as Open Referral HSDS 3 JSON."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from likeverd.accounts.models import Office
from likeverd.directory.selectors import export_directory


def office_by_code(code: str | None) -> Office | None:
    if not code:
        return None
    try:
        return Office.objects.get(code=code.upper())
    except Office.DoesNotExist as error:
        raise CommandError(f"No office with code {code!r}.") from error


class Command(BaseCommand):
    help = (
        "Write the network's directory (or, with --office, that office's own rows) as a JSON array "
        "of HSDS 3 organizations. FILE '-' writes to standard output."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Where to write the JSON; '-' for standard output.")
        parser.add_argument("--office", help="Export this office's own rows instead of the network's.")

    def handle(self, *args: Any, **options: Any) -> None:
        office = office_by_code(options["office"])
        document = export_directory(office=office)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if options["file"] == "-":
            self.stdout.write(text, ending="")
            return
        Path(options["file"]).write_text(text, encoding="utf-8")
        services = sum(len(organization.get("services", [])) for organization in document)
        self.stderr.write(
            f"Wrote {len(document)} organizations with {services} services to {options['file']}."
        )
