"""Words and stems for a blind index: text normalised, cut into words and reduced to stems, so
that keyed hashes of them can be stored instead of the text (see
docs/adr/0003-search-over-encrypted-text.md). No hashing and no models here: only language.
"""

import re
import unicodedata
from functools import cache
from typing import Any

import snowballstemmer

MIN_WORD = 2
MAX_WORD = 40
MIN_PREFIX = 3
_WORD = re.compile(r"\w+", re.UNICODE)

# The Snowball stemmer for a jurisdiction's language; English when none is known.
STEMMER_LANGUAGES = {"NO": "norwegian", "SE": "swedish"}


def words(text: str) -> set[str]:
    """The distinct words of `text`, normalised (NFKC, case-folded) and cut to MAX_WORD letters."""
    normalised = unicodedata.normalize("NFKC", text).casefold()
    return {w[:MAX_WORD] for w in _WORD.findall(normalised) if len(w) >= MIN_WORD}


@cache
def _stemmer(language: str) -> Any:
    return snowballstemmer.stemmer(language)


def stems(text: str, *, jurisdiction: str) -> set[str]:
    """The stems of the words of `text`, as the jurisdiction's language inflects them
    ("dørvakten" and "dørvakter" -> "dørvakt")."""
    stemmer = _stemmer(STEMMER_LANGUAGES.get(jurisdiction, "english"))
    return {stem for stem in stemmer.stemWords(sorted(words(text))) if stem}


# The mark of an identifier's exact term; never part of a word (\w), so never a word's stem.
IDENTIFIER_MARK = "#"


def identifier_term(text: str) -> str | None:
    """An identifier from another system (an imported sheet's case number) as one exact term:
    NFKC, case-folded, spaces left out and cut to MAX_WORD letters, so that "S 17/2019" is found
    as typed, whatever its words are (a number of one digit is no word). None for blank text."""
    normalised = "".join(unicodedata.normalize("NFKC", text).casefold().split())
    return IDENTIFIER_MARK + normalised[:MAX_WORD] if normalised else None


def name_terms(name: str, *, jurisdiction: str) -> set[str]:
    """A name's words, their stems and their prefixes, so "Ami" and "Aminas" find "Amina"."""
    found = stems(name, jurisdiction=jurisdiction)
    for word in words(name):
        found.add(word)
        found.update(word[:end] for end in range(MIN_PREFIX, len(word)))
    return found
