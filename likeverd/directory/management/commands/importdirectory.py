"""`likeverd importdirectory FILE [--office CODE]`: read an Open Referral HSDS 3 JSON file."""

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from likeverd.directory.management.commands.exportdirectory import office_by_code
from likeverd.directory.records import DirectoryDataError
from likeverd.directory.services import import_directory


class Command(BaseCommand):
    help = (
        "Create or update directory rows from a JSON array of HSDS 3 organizations, as the network's "
        "rows or, with --office, as that office's own. Importing the same file twice changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The JSON file; '-' reads standard input.")
        parser.add_argument("--office", help="Import as this office's own rows instead of the network's.")

    def handle(self, *args: Any, **options: Any) -> None:
        office = office_by_code(options["office"])
        try:
            text = (
                sys.stdin.read()
                if options["file"] == "-"
                else Path(options["file"]).read_text(encoding="utf-8")
            )
            document = json.loads(text)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{options['file']}: cannot be read as JSON: {error}") from error
        try:
            result = import_directory(document=document, office=office)
        except DirectoryDataError as error:
            raise CommandError(f"{options['file']}: {error}") from error
        self.stdout.write(
            f"Imported {options['file']}: {result.created} rows created, {result.updated} updated, "
            f"{result.removed} removed, {result.unchanged} unchanged."
        )
