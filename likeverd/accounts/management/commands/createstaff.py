import io
from typing import Any

import segno
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from likeverd.accounts import services
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Role


class Command(BaseCommand):
    help = (
        "Add a member of staff to an office, with an authenticator (TOTP) device. Prints the "
        "password (if generated) and a QR code to scan with the authenticator app: hand both "
        "to the person in private, once. The first office administrator adds everyone else in "
        "the browser (Office, then Staff)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--office", required=True, help="The office's short code.")
        parser.add_argument("--username", required=True)
        parser.add_argument("--first-name", required=True)
        parser.add_argument("--last-name", required=True)
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--role",
            action="append",
            required=True,
            dest="roles",
            choices=Role.values,
            help="A role in the office; repeat for several.",
        )
        parser.add_argument(
            "--password",
            help="Leave out to generate a strong one, which the person replaces at their first login.",
        )
        parser.add_argument("--no-qr", action="store_true", help="Print only the URI, no QR code.")

    def handle(self, *args: Any, **options: Any) -> None:
        office = Office.objects.filter(code=options["office"].upper()).first()
        if office is None:
            raise CommandError(f"No office with the code {options['office']!r}.")
        try:
            credentials = services.create_staff_member_from_command_line(
                office=office,
                member=services.NewStaffMember(
                    username=options["username"],
                    first_name=options["first_name"],
                    last_name=options["last_name"],
                    email=options["email"],
                    roles=options["roles"],
                ),
                password=options["password"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        user, device, generated = credentials.person, credentials.device, credentials.password
        uri = services.provisioning_uri(device)
        self.stdout.write(self.style.SUCCESS(f"Added {user} to {office.code}."))
        self.stdout.write(f"Username: {user.get_username()}")
        if generated is not None:
            self.stdout.write(f"Password: {generated}")
            self.stdout.write("They choose a password of their own when they first log in.")
        self.stdout.write(f"Authenticator set-up URI: {uri}")
        if not options["no_qr"]:
            drawing = io.StringIO()
            segno.make(uri, error="m").terminal(out=drawing, compact=True)
            self.stdout.write("Scan this with the authenticator app:")
            self.stdout.write(drawing.getvalue())
