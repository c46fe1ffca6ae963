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
from django.db.models import Count, Exists, OuterRef, Q

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


def reindex_case(case: Case) -> int:
    """Replace the case's tokens with those of its current text; returns the token count."""
    tokens = hashes_for(case.office, case_search_terms(case))
    SearchToken.objects.filter(case=case).delete()
    SearchToken.objects.bulk_create(
        [SearchToken(office_id=case.office_id, case_id=case.pk, token=t) for t in tokens], batch_size=2000
    )
    return len(tokens)


def index_text(case: Case, text: str, *, is_name: bool = False) -> None:
    """Add the words of newly written text to the index (a note, a new party)."""
    terms = name_terms(case.office, text) if is_name else stems(case.office, text)
    SearchToken.objects.bulk_create(
        [
            SearchToken(office_id=case.office_id, case_id=case.pk, token=t)
            for t in hashes_for(case.office, terms)
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )


# Up to this many cases, the rarest word's cases are fetched and the others checked one by
# one; above it (a word in most cases), the case list is walked in its own order and each
# case probed, so the first page and a capped count stop early instead of collecting every match.
DRIVING_LIMIT = 5_000


def case_condition(office: Office, query: str) -> Q | None:
    """A filter for the office's cases that contain every word of `query` (None: no usable words)."""
    terms = sorted(stems(office, query), key=len, reverse=True)[:MAX_QUERY_WORDS]
    if not terms:
        return None
    tokens = hashes_for(office, terms)
    frequency = dict(
        SearchToken.objects.filter(office=office, token__in=tokens)
        .values("token")
        .annotate(cases=Count("case_id"))
        .values_list("token", "cases")
        .order_by()
    )
    if len(frequency) < len(tokens):
        return Q(pk__in=[])  # some word occurs nowhere: nothing can match
    rarest = min(tokens, key=lambda token: frequency[token])
    condition = Q()
    for token in tokens:
        matching = SearchToken.objects.filter(office=office, token=token)
        if token == rarest and frequency[token] <= DRIVING_LIMIT:
            condition &= Q(pk__in=matching.values("case_id"))
        else:
            condition &= Q(Exists(matching.filter(case_id=OuterRef("pk"))))
    return condition
