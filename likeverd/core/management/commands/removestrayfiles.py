import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from likeverd.core import files


class Command(BaseCommand):
    help = (
        "Remove stray files from the encrypted file store: temporary files of transactions that "
        "rolled back or were interrupted, and files no row refers to, untouched for an hour or more."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only say what would be removed.")
        parser.add_argument(
            "--older-than-minutes", type=int, default=60, help="Leave younger files alone (60)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = options["dry_run"]
        if not dry_run:
            finished = files.finish_pending()
            if finished:
                self.stdout.write(f"{finished} files of committed transactions got their names.")
        strays = files.find_strays(older_than_seconds=options["older_than_minutes"] * 60, now=time.time())
        for stray in strays:
            if options["verbosity"] > 1:
                self.stdout.write(f"{stray.reason}: {stray.path.name}")
            if not dry_run:
                stray.path.unlink(missing_ok=True)
        temporary = sum(stray.reason == "temporary" for stray in strays)
        unreferenced = len(strays) - temporary
        verb = "Would remove" if dry_run else "Removed"
        self.stdout.write(
            f"{verb} {len(strays)} stray files ({temporary} temporary, {unreferenced} unreferenced)."
        )
