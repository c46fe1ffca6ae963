from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from likeverd.accounts import services
from likeverd.accounts.models import Jurisdiction
from likeverd.cases.services import create_default_reporting_categories


class Command(BaseCommand):
    help = "Create an office with the default reporting categories of its jurisdiction."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True)
        parser.add_argument("--code", required=True, help="Two to six capital letters, used in case numbers.")
        parser.add_argument("--jurisdiction", required=True, choices=Jurisdiction.values)
        parser.add_argument(
            "--municipality",
            action="append",
            default=[],
            dest="municipalities",
            help="A municipality served; repeat for each.",
        )
        parser.add_argument("--phone", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--address", default="")
        parser.add_argument("--opening-hours", default="")
        parser.add_argument(
            "--language",
            action="append",
            default=[],
            dest="languages",
            help="A language offered (nb, sv, en, ...); repeat for each.",
        )

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        try:
            office = services.create_office(
                name=options["name"],
                code=options["code"],
                jurisdiction=options["jurisdiction"],
                municipalities=options["municipalities"],
                phone=options["phone"],
                email=options["email"],
                address=options["address"],
                opening_hours=options["opening_hours"],
                languages=options["languages"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        categories = create_default_reporting_categories(office=office)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created office {office.code}: {office.name}, with {len(categories)} reporting categories"
            )
        )
