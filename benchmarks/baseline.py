"""The plaintext baseline: the same cases' text in an ordinary full-text index, in a scratch table.

What a case system without encryption would do: SQLite FTS5 on SQLite, a tsvector with a GIN
index (Norwegian configuration, so words are stemmed as Likeverd's index stems them) on
PostgreSQL. The table holds the very text the blind index was made from (narrative, names,
timeline entries, task titles, file names) and the date the list is sorted by. A query fetches
what the case list shows: the first page of cases, newest first, joined to the case rows, and
the match count capped as the list's pager caps it. The table is dropped afterwards.
"""

import datetime as dt
import re
from collections.abc import Callable

from django.db import connection

TABLE = "bench_plaintext"
CAP = 1000  # the case list pager's cap on the count (CappedPaginator)
_WORD = re.compile(r"\w+", re.UNICODE)


def build(plaintext: dict[int, tuple[dt.datetime, str]]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = "case_id bigint PRIMARY KEY, received_at timestamptz, body text"
            cursor.execute(f"CREATE UNLOGGED TABLE {TABLE} ({columns})")
            with cursor.cursor.copy(f"COPY {TABLE} (case_id, received_at, body) FROM STDIN") as copy:
                for case_id, (received_at, text) in plaintext.items():
                    copy.write_row((case_id, received_at, text))
            cursor.execute(f"ALTER TABLE {TABLE} ADD COLUMN doc tsvector")
            cursor.execute(f"UPDATE {TABLE} SET doc = to_tsvector('norwegian', body)")
            cursor.execute(f"CREATE INDEX {TABLE}_doc ON {TABLE} USING gin (doc)")
            cursor.execute(f"CREATE INDEX {TABLE}_received ON {TABLE} (received_at DESC, case_id DESC)")
            cursor.execute(f"ANALYZE {TABLE}")
        else:
            # rowid = the case id; ids ascend with the received date here, so rowid order is the
            # list's order and FTS5 can stop after the first page (the baseline's best case).
            cursor.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(body, tokenize = 'unicode61')")
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, body) VALUES (%s, %s)",
                [(case_id, text) for case_id, (_, text) in plaintext.items()],
            )
            cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")


def drop() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def _fts5_query(query: str, *, prefix: bool) -> str:
    words = _WORD.findall(query.casefold())
    return " ".join(f'"{word}"' + ("*" if prefix else "") for word in words)


def _pg_prefix_query(query: str) -> str:
    return " & ".join(word + ":*" for word in _WORD.findall(query.casefold()))


def searcher(query: str, *, prefix: bool = False) -> Callable[[], tuple[list[int], int]]:
    """A function that runs the query on the plaintext index as the list needs it: the case ids of
    the first page, newest first, and the capped count (two statements)."""
    if connection.vendor == "postgresql":
        # A whole-word query is parsed by PostgreSQL's own parser, as the stored text was: a case
        # number "BEN-2024-0042" becomes the lexemes the text's number became ("ben", "-2024",
        # "-0042"), where splitting it into words first would look for lexemes the text never has.
        # A prefix query needs `:*`, which only to_tsquery reads.
        match = _pg_prefix_query(query) if prefix else query
        parse = "to_tsquery" if prefix else "plainto_tsquery"
        page_sql = (
            f"SELECT p.case_id FROM {TABLE} p "
            f"WHERE p.doc @@ {parse}('norwegian', %s) ORDER BY p.received_at DESC, p.case_id DESC LIMIT 25"
        )
        count_sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE doc @@ {parse}('norwegian', %s) LIMIT %s) s"
        )
    else:
        match = _fts5_query(query, prefix=prefix)
        page_sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rowid DESC LIMIT 25"
        count_sql = f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH %s LIMIT %s)"

    def run() -> tuple[list[int], int]:
        with connection.cursor() as cursor:
            cursor.execute(count_sql, [match, CAP + 1])
            (count,) = cursor.fetchone()
            cursor.execute(page_sql, [match])
            ids = [int(row[0]) for row in cursor.fetchall()]
        return ids, int(count)

    return run
