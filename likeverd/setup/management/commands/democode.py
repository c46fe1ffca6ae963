from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from likeverd.setup.demo.codes import NotADemoLoginError, demo_code


class Command(BaseCommand):
    help = (
        "Print the code a demo login's authenticator app shows now (demo data only: refuses anyone "
        "who is not a demo login with the demo's public secret)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="A demo login, e.g. one listed by `likeverd demo`.")

    def handle(self, *args: Any, **options: Any) -> None:
        username: str = options["username"]
        try:
            code, seconds_left = demo_code(username)
        except NotADemoLoginError:
            raise CommandError(
                f"{username!r} is not a demo login: democode prints codes for the demo data only "
                "(run `likeverd demo` for the list)."
            ) from None
        self.stdout.write(code)
        self.stderr.write(f"valid for {seconds_left} more seconds")
