"""The blind search index of the bulk-made cases, made with the real search functions."""

from collections.abc import Iterator, Mapping
from typing import Any

from django.db import connection

from likeverd.accounts.models import Office
from likeverd.cases import search
from likeverd.cases.models import (
    SearchToken,
)


class Hashes:
    """The office's blind-index hash of each term, computed once per distinct term."""

    def __init__(self, office: Office) -> None:
        self.office = office
        self.known: dict[str, int] = {}

    def __call__(self, terms: set[str]) -> set[int]:
        for term in terms:
            if term not in self.known:
                (self.known[term],) = search.hashes_for(self.office, [term])
        return {self.known[term] for term in terms}


class Stems:
    """`search.stems` of a text, computed word by word with each distinct word stemmed once.

    The same as `search.stems(office, text)` (the stems of a text are the union of its words'
    stems), only faster: the demo's texts repeat their words, and stemming is most of the cost
    of making 100,000 cases.
    """

    def __init__(self, office: Office) -> None:
        self.office = office
        self.known: dict[str, frozenset[str]] = {}

    def __call__(self, text: str) -> set[str]:
        found: set[str] = set()
        for word in search.words(text):
            stemmed = self.known.get(word)
            if stemmed is None:
                stemmed = self.known[word] = frozenset(search.stems(self.office, word))
            found |= stemmed
        return found


class Names:
    """`search.name_terms` of a name, computed once per distinct name (the pools repeat names)."""

    def __init__(self, office: Office) -> None:
        self.office = office
        self.known: dict[str, frozenset[str]] = {}

    def __call__(self, name: str) -> frozenset[str]:
        found = self.known.get(name)
        if found is None:
            found = self.known[name] = frozenset(search.name_terms(self.office, name))
        return found


def index_columns() -> list[str]:
    """The blind index's columns, as the model has them (the index may carry more than the key)."""
    return [str(f.column) for f in SearchToken._meta.concrete_fields]


def write_index(
    office: Office, by_token: dict[int, list[int]], extra: dict[str, Mapping[int, object]]
) -> int:
    """Insert the index in key order (office, token, case): appends, not random inserts.

    `extra` holds, per further column of the index (if any), its value by case id.
    """
    columns = index_columns()
    known = {"office_id", "token", "case_id"}
    unknown = [c for c in columns if c not in known and c not in extra]
    if unknown:
        raise RuntimeError(f"the benchmark does not know how to fill search-index columns {unknown}")

    def rows() -> Iterator[tuple[Any, ...]]:
        for token in sorted(by_token):
            for case_id in by_token[token]:
                values = {"office_id": office.pk, "token": token, "case_id": case_id}
                yield tuple(values[c] if c in values else extra[c][case_id] for c in columns)

    table = SearchToken._meta.db_table
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows():
                    copy.write_row(row)
                    count += 1
            return count
        # Table and column names come from the model, never from input.
        placeholders = ", ".join(["%s"] * len(columns))
        insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"
        chunk: list[tuple[Any, ...]] = []
        for row in rows():
            chunk.append(row)
            if len(chunk) == 50_000:
                cursor.executemany(insert, chunk)
                count += len(chunk)
                chunk = []
        if chunk:
            cursor.executemany(insert, chunk)
            count += len(chunk)
    return count
