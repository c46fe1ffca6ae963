"""The blind index of case text (see likeverd.cases.search)."""

from django.db import models

from likeverd.cases.models.case import Case


class SearchToken(models.Model):
    """Blind index: keyed hashes of the words of a case's searchable text, per office.

    See docs/adr/0003-search-over-encrypted-text.md.
    """

    pk = models.CompositePrimaryKey("office_id", "token", "case_id")
    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+", db_index=False)
    token = models.BigIntegerField()
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"token of case {self.case_id}"
