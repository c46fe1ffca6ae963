"""Full-text search over encrypted case text through a per-office blind index.

index.py writes the index (reindex_case, index_terms, index_text), query.py reads it
(filter_cases, case_condition),
names.py keys names for conflict checks (name_key). The language part (words, stems) is
likeverd.core.blind_index. See docs/adr/0003-search-over-encrypted-text.md.
"""

from likeverd.cases.search.index import (
    case_search_terms,
    hashes_for,
    identifier_terms,
    index_identifier,
    index_terms,
    index_text,
    move_in_date_order,
    name_terms,
    reindex_case,
    stems,
)
from likeverd.cases.search.names import name_key, normalise_name
from likeverd.cases.search.query import (
    COUNT_LIMIT,
    MAX_QUERY_WORDS,
    case_condition,
    filter_cases,
    identifier_condition,
)
from likeverd.core.blind_index import MAX_WORD, MIN_PREFIX, MIN_WORD, STEMMER_LANGUAGES, words

__all__ = [
    "COUNT_LIMIT",
    "MAX_QUERY_WORDS",
    "MAX_WORD",
    "MIN_PREFIX",
    "MIN_WORD",
    "STEMMER_LANGUAGES",
    "case_condition",
    "case_search_terms",
    "filter_cases",
    "hashes_for",
    "identifier_condition",
    "identifier_terms",
    "index_identifier",
    "index_terms",
    "index_text",
    "move_in_date_order",
    "name_key",
    "name_terms",
    "normalise_name",
    "reindex_case",
    "stems",
    "words",
]
