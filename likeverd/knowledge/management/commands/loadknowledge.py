"""`likeverd loadknowledge`: bring the network's knowledge-base articles in line with the data file."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from likeverd.knowledge.datafile import ArticleFileError
from likeverd.knowledge.services import load_network_articles


class Command(BaseCommand):
    help = "Load the network's method-support articles from likeverd/knowledge/data/articles.toml."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = load_network_articles()
        except ArticleFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Knowledge base: {counts['created']} articles created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged."
        )
