from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from likeverd.accounts.models import Office
from likeverd.cases.models import Case, Party
from likeverd.cases.search import rebuild

BATCH = 200


class Command(BaseCommand):
    help = (
        "Rebuild the search index (blind index) and the conflict-check name keys of every case, "
        "or of one office's cases."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--office", help="Office short code; all offices if left out.")

    def handle(self, *args: Any, **options: Any) -> None:
        offices = Office.objects.all()
        if options["office"]:
            offices = offices.filter(code=options["office"].upper())
        for office in offices:
            for step in (rebuild.reindex_cases, rebuild.rebuild_name_keys):
                after: int | None = 0
                while after is not None:
                    with transaction.atomic():
                        after = step(after_pk=after, limit=BATCH, office=office)
            cases = Case.objects.filter(office=office).count()
            parties = Party.objects.filter(case__office=office).count()
            self.stdout.write(
                f"{office.code}: {cases} cases re-indexed, name keys of {parties} parties rebuilt"
            )
