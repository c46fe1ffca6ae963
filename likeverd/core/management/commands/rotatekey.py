from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from likeverd.core import crypto, rotation


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field and stored file under the key in LIKEVERD_DATA_KEY (the old "
        "keys in LIKEVERD_DATA_KEYS_PREVIOUS), then rebuild the search index and the conflict-check "
        "name keys. Safe to run again after an interruption: it continues where it stopped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="Rows per transaction (500).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            rotation.rotate(batch_size=options["batch_size"], report=self.stdout.write)
        except crypto.DecryptionError as error:
            raise CommandError(
                f"A value could not be decrypted ({error}). Put every earlier key in "
                "LIKEVERD_DATA_KEYS_PREVIOUS (comma-separated) and run the command again; "
                "the work done so far is kept."
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                "Done: every value and file is under the current key, and the indexes are rebuilt. "
                "Keep the old keys with the backups made before today; remove them from "
                "LIKEVERD_DATA_KEYS_PREVIOUS."
            )
        )
