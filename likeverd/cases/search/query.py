"""Reading the blind index: a query's words hashed the same way and matched exactly."""

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from likeverd.accounts.models import Office
from likeverd.cases.models import Case, SearchToken
from likeverd.cases.search.index import hashes_for, stems
from likeverd.core.blind_index import identifier_term

MAX_QUERY_WORDS = 8

# A word's cases are counted up to this many to find the rarest word of a query.
COUNT_LIMIT = 5_000


def _case_counts(office: Office, tokens: list[int]) -> dict[int, int]:
    """How many of the office's cases hold each token (up to COUNT_LIMIT + 1), in one statement
    that reads at most that many index entries per token."""
    table = SearchToken._meta.db_table  # the model's own table name; every value is a parameter
    one = f"(SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE office_id = %s AND token = %s LIMIT %s) AS t)"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join([one] * len(tokens)),
            [value for token in tokens for value in (office.pk, token, COUNT_LIMIT + 1)],
        )
        row = cursor.fetchone()
    return dict(zip(tokens, row, strict=True))


def filter_cases(cases: QuerySet[Case], office: Office, query: str) -> QuerySet[Case] | None:
    """`cases` narrowed to those holding every word of `query`, newest first (None: no usable words).

    The rarest word's index entries are read in the list's order, newest first, and each case
    is joined to them: the first page stops after 25 entries, and a rare name's three cases
    are found without walking the office's cases. Further words are checked case by case on
    the index's key. One word costs no statement of its own; more words cost one (their counts).
    """
    terms = stems(office, query)
    if not terms:
        return None
    tokens = sorted(hashes_for(office, sorted(terms, key=len, reverse=True)[:MAX_QUERY_WORDS]))
    if len(tokens) > 1:
        counts = _case_counts(office, tokens)
        if not all(counts.values()):
            return cases.none()  # some word occurs nowhere: nothing can match
        tokens.sort(key=lambda token: counts[token])
    rarest, others = tokens[0], tokens[1:]
    # One filter() call, so that each further word is checked against the rarest word's entry
    # (its case id) rather than the case row: SQLite then tests the index before it reads the
    # case, and a case without every word is never read (a two-word count: 4 ms -> 1 ms).
    return cases.filter(
        *(
            Exists(
                SearchToken.objects.filter(
                    office=office, token=token, case_id=OuterRef("search_tokens__case_id")
                )
            )
            for token in others
        ),
        search_tokens__office=office,
        search_tokens__token=rarest,
    ).order_by("-search_tokens__received_at", "-search_tokens__case_id")


def case_condition(office: Office, query: str) -> Q | None:
    """A filter for the office's cases that contain every word of `query` (None: no usable words),
    for use beside other conditions (a case number): each word is checked case by case."""
    terms = sorted(stems(office, query), key=len, reverse=True)[:MAX_QUERY_WORDS]
    if not terms:
        return None
    condition = Q()
    for token in sorted(hashes_for(office, terms)):
        condition &= Q(Exists(SearchToken.objects.filter(office=office, token=token, case_id=OuterRef("pk"))))
    return condition


def identifier_condition(office: Office, text: str) -> Q | None:
    """A filter for the office's cases with `text` as an identifier from another system (an
    imported sheet's case number, written as the sheet has it; None for blank text)."""
    exact = identifier_term(text)
    if exact is None:
        return None
    (token,) = hashes_for(office, [exact])
    return Q(Exists(SearchToken.objects.filter(office=office, token=token, case_id=OuterRef("pk"))))
