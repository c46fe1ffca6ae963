"""Fresh planner statistics at full precision: `likeverd analyze` runs it (nightly, from a
timer: README, Operations), and so does a bulk load (the benchmarks) before anything is measured.

When a connection closes, SQLite samples 400 entries of each index it never analysed
(`PRAGMA optimize`, likeverd/core/sqlite/base.py): enough to give a new table statistics in a
few milliseconds, not enough to see that one office holds 100,000 cases. From a sample in which
every entry belongs to the same office SQLite guesses that an office has some 400, and then
walks all of an office's cases where an open task's due date or a party's name key would find
the few rows directly (the dashboard at 100,000 cases: 147 ms instead of 95). A full ANALYZE
counts them: 0.3 s for the case tables at 100,000 cases, 7 s for the whole database with its
search index. PostgreSQL's ANALYZE samples rows, not the first entries of an index, and
autovacuum runs it as tables change; running it here as well costs little.
"""

from django.db import connection

from likeverd.core.sqlite.base import ANALYSIS_LIMIT


def refresh_planner_statistics() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=0")
            try:
                cursor.execute("ANALYZE")
            finally:
                cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        else:
            cursor.execute("ANALYZE")
