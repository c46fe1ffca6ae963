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
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="search_tokens")
    # The case's received_at, copied (it is no secret: the case row holds it in clear), so that
    # a word's entries can be read newest first, in the case list's order, straight from the
    # index (office, token, received_at, case): the first page stops after 25 entries and a
    # rare word's few cases come without walking the office's cases.
    received_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["office", "token", "-received_at", "-case"], name="searchtoken_word_newest_first"
            )
        ]

    def __str__(self) -> str:
        return f"token of case {self.case_id}"
