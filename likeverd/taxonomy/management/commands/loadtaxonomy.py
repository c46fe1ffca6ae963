"""`likeverd loadtaxonomy`: bring the taxonomy tables in line with the data files."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from likeverd.taxonomy.apply import apply_taxonomy
from likeverd.taxonomy.loader import TaxonomyDataError, load_all
from likeverd.taxonomy.models import LegalSource, Term


class Command(BaseCommand):
    help = "Load the legal taxonomy (grounds, forms, areas, tracks, sources) from the data files."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            files = load_all()
        except TaxonomyDataError as error:
            raise CommandError(str(error)) from error
        result = apply_taxonomy(files, term_model=Term, source_model=LegalSource)
        jurisdictions = ", ".join(taxonomy.jurisdiction.code for taxonomy in files)
        self.stdout.write(
            f"Taxonomy for {jurisdictions}: "
            f"terms {result.terms_created} created, {result.terms_updated} updated; "
            f"sources {result.sources_created} created, {result.sources_updated} updated."
        )
