"""Full-text search over encrypted case text through a per-office blind index.

index.py writes the index (reindex_case, index_text), query.py reads it (case_condition),
names.py keys names for conflict checks (name_key). The language part (words, stems) is
likeverd.core.blind_index. See docs/adr/0003-search-over-encrypted-text.md.
"""

from likeverd.cases.search.index import (
    case_search_terms,
    hashes_for,
    index_text,
    name_terms,
    reindex_case,
    stems,
)
from likeverd.cases.search.names import name_key, normalise_name
from likeverd.cases.search.query import DRIVING_LIMIT, MAX_QUERY_WORDS, case_condition
from likeverd.core.blind_index import MAX_WORD, MIN_PREFIX, MIN_WORD, STEMMER_LANGUAGES, words

__all__ = [
    "DRIVING_LIMIT",
    "MAX_QUERY_WORDS",
    "MAX_WORD",
    "MIN_PREFIX",
    "MIN_WORD",
    "STEMMER_LANGUAGES",
    "case_condition",
    "case_search_terms",
    "hashes_for",
    "index_text",
    "name_key",
    "name_terms",
    "normalise_name",
    "reindex_case",
    "stems",
    "words",
]
