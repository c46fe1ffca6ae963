"""Full-text search over encrypted text through a per-office blind index.

Words of a case's searchable text (narrative, notes, party names, task titles, file names)
are normalised, reduced to their stem in the office's language (Snowball: "dørvakten" and
"dørvakter" -> "dørvakt"), and stored only as keyed 64-bit hashes (HMAC-SHA256 with a key derived from
LIKEVERD_DATA_KEY and the office), so the database never holds the words. A query is
hashed the same way and matched exactly; names are also indexed by their prefixes so a
person can be found by the first letters of a name. See docs/adr/0003-search-over-encrypted-text.md.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any

import snowballstemmer
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from likeverd.accounts.models import Office
from likeverd.cases.models import Case, SearchToken
from likeverd.core.crypto import keyed_hash

MIN_WORD = 2
MAX_WORD = 40
MIN_PREFIX = 3
MAX_QUERY_WORDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> set[str]:
    normalised = unicodedata.normalize("NFKC", text).casefold()
    return {w[:MAX_WORD] for w in _WORD.findall(normalised) if len(w) >= MIN_WORD}


# The language whose word endings are removed, by the office's jurisdiction.
STEMMER_LANGUAGES = {"NO": "norwegian", "SE": "swedish"}


@cache
def _stemmer(language: str) -> Any:
    return snowballstemmer.stemmer(language)


def stems(office: Office, text: str) -> set[str]:
    """The stems of the words of `text`, as the office's language inflects them."""
    stemmer = _stemmer(STEMMER_LANGUAGES.get(office.jurisdiction, "english"))
    return {stem for stem in stemmer.stemWords(sorted(words(text))) if stem}


def name_terms(office: Office, name: str) -> set[str]:
    """A name's words, their stems and their prefixes, so "Ami" and "Aminas" find "Amina"."""
    found = stems(office, name)
    for word in words(name):
        found.add(word)
        found.update(word[:end] for end in range(MIN_PREFIX, len(word)))
    return found


def _scope(office: Office) -> str:
    return f"search:{office.public_id}"


def hashes_for(office: Office, terms: Iterable[str]) -> set[int]:
    scope = _scope(office)
    return {keyed_hash(term, scope=scope) for term in terms}


def case_search_terms(case: Case) -> set[str]:
    office = case.office
    terms = stems(office, case.narrative)
    for party in case.parties.all():
        if not party.is_anonymous:
            terms |= name_terms(office, party.name)
        terms |= stems(office, party.notes)
    for event in case.events.all():
        terms |= stems(office, event.body)
    for task in case.tasks.all():
        terms |= stems(office, task.title)
    for document in case.documents.all():
        terms |= stems(office, document.filename)
    return terms


def _tokens(case: Case, tokens: set[int]) -> list[SearchToken]:
    return [
        SearchToken(office_id=case.office_id, case_id=case.pk, token=t, received_at=case.received_at)
        for t in tokens
    ]


def reindex_case(case: Case) -> int:
    """Replace the case's tokens with those of its current text; returns the token count."""
    tokens = hashes_for(case.office, case_search_terms(case))
    SearchToken.objects.filter(case=case).delete()
    SearchToken.objects.bulk_create(_tokens(case, tokens), batch_size=2000)
    return len(tokens)


def index_terms(case: Case, terms: set[str]) -> None:
    """Add terms to the case's index entries (those it has already are kept)."""
    SearchToken.objects.bulk_create(
        _tokens(case, hashes_for(case.office, terms)), ignore_conflicts=True, batch_size=2000
    )


def index_text(case: Case, text: str, *, is_name: bool = False) -> None:
    """Add the words of newly written text to the index (a note, a new party)."""
    index_terms(case, name_terms(case.office, text) if is_name else stems(case.office, text))


def move_in_date_order(case: Case) -> None:
    """Keep the index's copy of the received date in step with the case's (see SearchToken)."""
    SearchToken.objects.filter(case=case).update(received_at=case.received_at)


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
    cases = cases.filter(search_tokens__office=office, search_tokens__token=rarest)
    for token in others:
        cases = cases.filter(
            Exists(SearchToken.objects.filter(office=office, token=token, case_id=OuterRef("pk")))
        )
    return cases.order_by("-search_tokens__received_at", "-search_tokens__case_id")


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
