"""A throwaway database and settings for the benchmark, set up before Django is imported.

SQLite by default (a file in a temporary folder). When DATABASE_URL points at PostgreSQL, a
new database is created on that server for the run and dropped afterwards, so the database
the URL names is never written to.
"""

import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from benchmarks.dataset import Dataset

# Fixed, public benchmark secrets: the data is invented and thrown away.
BENCH_SECRET_KEY = "benchmark-secret-key-" + "b" * 40
BENCH_DATA_KEY = "YmVuY2htYXJrLWRhdGEta2V5LWJlbmNobWFyay0xMjM="


@dataclass
class BenchDatabase:
    engine: str  # "sqlite" or "postgresql"
    url: str
    folder: Path
    keep: bool


def _is_postgresql(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


@contextmanager
def bench_database(*, keep: bool = False) -> Iterator[BenchDatabase]:
    folder = Path(tempfile.mkdtemp(prefix="likeverd-bench-"))
    given = os.environ.get("DATABASE_URL", "")
    os.environ["DJANGO_SETTINGS_MODULE"] = "likeverd.config.settings"
    os.environ["LIKEVERD_DEBUG"] = "false"  # production settings: no query log growing in memory
    os.environ["LIKEVERD_SECRET_KEY"] = BENCH_SECRET_KEY
    os.environ["LIKEVERD_DATA_KEY"] = BENCH_DATA_KEY
    os.environ["LIKEVERD_DATA_KEYS_PREVIOUS"] = ""
    os.environ["LIKEVERD_DATA_DIR"] = str(folder)
    os.environ["LIKEVERD_LOG_LEVEL"] = "WARNING"
    # Pages are requested over plain HTTP on the loopback (benchmarks/pages.py), by host and by
    # Django's test client (for query counts).
    os.environ["LIKEVERD_SSL_REDIRECT"] = "false"
    os.environ["LIKEVERD_ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    pg_name = ""
    if _is_postgresql(given):
        import psycopg

        pg_name = f"likeverd_bench_{secrets.token_hex(4)}"
        with psycopg.connect(given, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{pg_name}"')
        database = BenchDatabase("postgresql", _with_database(given, pg_name), folder, keep)
    else:
        database = BenchDatabase("sqlite", f"sqlite:///{folder / 'bench.sqlite3'}", folder, keep)
    os.environ["DATABASE_URL"] = database.url
    try:
        yield database
    finally:
        from django.db import connections

        connections.close_all()
        if pg_name and not keep:
            import psycopg

            with psycopg.connect(given, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{pg_name}"')
        if keep:
            print(f"Kept the benchmark database: {database.url}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def database_size(database: BenchDatabase) -> int:
    from django.db import connection

    if database.engine == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(path.stat().st_size for path in database.folder.glob("bench.sqlite3*"))


def migrated_dataset(*, prog: str, cases: int, offices: int) -> "Dataset":
    """Inside `bench_database`: Django set up, the database migrated, and `cases` cases made
    over `offices` offices by the generator (benchmarks/dataset/)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from benchmarks import dataset

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(
        f"{prog}: {connection.vendor}, migrated in {time.perf_counter() - started:.1f} s; "
        f"inserting {cases:,} cases over {offices} office{'s' if offices > 1 else ''} ...",
        flush=True,
    )
    return dataset.build(cases=cases, offices=offices)
