"""`likeverd loaddirectory`: bring the network's directory rows in line with the data files."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from likeverd.directory.records import DirectoryDataError
from likeverd.directory.services import load_network_directory


class Command(BaseCommand):
    help = "Load the network's help directory (needs, organizations, services) from the data files."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = load_network_directory()
        except DirectoryDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Directory: {result.created} rows created, {result.updated} updated, "
            f"{result.removed} removed, {result.unchanged} unchanged."
        )
