"""Folding text so that a header or a value matches however it was typed."""

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSABLE = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ł": "l", "ß": "ss"})
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case, without diacritics, spaces or punctuation: "Ärende-nr." -> "arendenr",
    "Samfunns område" -> "samfunnsomrade", "E-post" -> "epost"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSABLE))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_ALPHANUMERIC.sub("", plain)


def clean(text: str) -> str:
    """A cell's text as shown back to the user: spaces collapsed, no control characters."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(printable.split())
