from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from likeverd.accounts.models import Office
from likeverd.cases import search
from likeverd.cases.models import Case


class Command(BaseCommand):
    help = "Rebuild the search index (blind index) of every case, or of one office's cases."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--office", help="Office short code; all offices if left out.")

    def handle(self, *args: Any, **options: Any) -> None:
        offices = Office.objects.all()
        if options["office"]:
            offices = offices.filter(code=options["office"].upper())
        for office in offices:
            cases = Case.objects.filter(office=office).prefetch_related(
                "parties", "events", "tasks", "documents"
            )
            tokens = sum(search.reindex_case(case) for case in cases.iterator(chunk_size=200))
            self.stdout.write(f"{office.code}: {cases.count()} cases, {tokens} index entries")
