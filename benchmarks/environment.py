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


DATABASE_FILE = "database.url"  # in a kept folder: the database's URL, for --reuse
DATASET_FILE = "dataset.pickle"  # in a kept folder: what the generator made, for --reuse


@contextmanager
def bench_database(*, keep: bool = False, reuse: Path | None = None) -> Iterator[BenchDatabase]:
    """A new database, or with `reuse` the one a run with --keep left in that folder (kept)."""
    folder = reuse or Path(tempfile.mkdtemp(prefix="likeverd-bench-"))
    keep = keep or reuse is not None
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
    if reuse is not None:
        url = (reuse / DATABASE_FILE).read_text().strip()
        engine = "postgresql" if _is_postgresql(url) else "sqlite"
        database = BenchDatabase(engine, url, folder, keep)
    elif _is_postgresql(given):
        import psycopg

        pg_name = f"likeverd_bench_{secrets.token_hex(4)}"
        with psycopg.connect(given, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{pg_name}"')
        database = BenchDatabase("postgresql", _with_database(given, pg_name), folder, keep)
    else:
        database = BenchDatabase("sqlite", f"sqlite:///{folder / 'bench.sqlite3'}", folder, keep)
    os.environ["DATABASE_URL"] = database.url
    if keep:
        (folder / DATABASE_FILE).write_text(database.url + "\n")
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
            print(f"Kept the benchmark database: {database.url} (again: --reuse {folder})")
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


def migrated_dataset(*, prog: str, cases: int, offices: int, database: BenchDatabase) -> "Dataset":
    """Inside `bench_database`: Django set up, the database migrated, and `cases` cases made
    over `offices` offices by the generator (benchmarks/dataset/). In a kept database the
    generator's record is saved; in a reused one it is read back instead of filling again, after
    the migrations the code has gained since (an upgrade, as an installation makes it)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from benchmarks import dataset

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    saved = database.folder / DATASET_FILE
    if saved.exists():
        from likeverd.core.planner import refresh_planner_statistics

        refresh_planner_statistics()
        made: Dataset = dataset.Dataset.load(saved.read_bytes())
        print(
            f"{prog}: {connection.vendor}, reusing the kept {made.cases:,} cases over {made.offices} "
            f"office{'s' if made.offices > 1 else ''} ({cases:,} asked for); migrated and analysed "
            f"in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        return made
    print(
        f"{prog}: {connection.vendor}, migrated in {time.perf_counter() - started:.1f} s; "
        f"inserting {cases:,} cases over {offices} office{'s' if offices > 1 else ''} ...",
        flush=True,
    )
    made = dataset.build(cases=cases, offices=offices)
    if database.keep:
        saved.write_bytes(made.dump())
    return made
