import secrets
from typing import Any

from django.core.management.base import BaseCommand

from likeverd.core.crypto import generate_key


def new_keys_text() -> str:
    return (
        f"LIKEVERD_DATA_KEY={generate_key()}\n"
        "# Also set a secret key for sessions and signing, if you have none yet:\n"
        f"LIKEVERD_SECRET_KEY={secrets.token_urlsafe(50)}\n"
        "# Keep the data key safe and backed up apart from the database: without it the "
        "encrypted case data cannot be read."
    )


class Command(BaseCommand):
    help = "Print a new encryption key for LIKEVERD_DATA_KEY (and a new LIKEVERD_SECRET_KEY)."
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(new_keys_text())
