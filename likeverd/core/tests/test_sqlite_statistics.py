"""SQLite plans the dashboard's and the deadline box's reads well only with statistics: a
connection gathers them for the tables it used when it closes (likeverd/core/sqlite)."""

import sqlite3
from pathlib import Path
from typing import Any

from likeverd.core.sqlite.base import DatabaseWrapper


def _wrapper(path: Path) -> DatabaseWrapper:
    return DatabaseWrapper(
        {
            "NAME": str(path),
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "OPTIONS": {},
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "TEST": {},
        },
        alias="statistics",
    )


def _statistics(path: Path) -> dict[str, dict[str, str]]:
    """sqlite_stat1 as table -> index -> its "rows, rows per key" line."""
    with sqlite3.connect(path) as plain:
        if not plain.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchall():
            return {}
        found: dict[str, dict[str, str]] = {}
        for table, index, stat in plain.execute("SELECT tbl, idx, stat FROM sqlite_stat1"):
            found.setdefault(table, {})[index] = stat
    return found


def test_a_closing_connection_gives_the_tables_it_used_statistics_and_the_planner_uses_them(
    tmp_path: Path, django_db_blocker: Any
) -> None:
    path = tmp_path / "planner.sqlite3"
    with sqlite3.connect(path) as setup:
        setup.executescript(
            "CREATE TABLE office_case (id INTEGER PRIMARY KEY, office_id INTEGER);"
            "CREATE INDEX case_office ON office_case (office_id);"
            "CREATE TABLE task (id INTEGER PRIMARY KEY, case_id INTEGER, due INTEGER);"
            "CREATE INDEX task_case ON task (case_id);"
            "CREATE INDEX task_due ON task (due, case_id);"
        )
        # One office with every case; a task on each case, few of them due soon.
        setup.executemany("INSERT INTO office_case VALUES (?, 1)", [(n,) for n in range(5000)])
        setup.executemany("INSERT INTO task VALUES (?, ?, ?)", [(n, n, 50 + n) for n in range(5000)])
    assert not _statistics(path)
    database = _wrapper(path)
    with django_db_blocker.unblock():  # a database of its own, not the test database
        with database.cursor() as cursor:
            cursor.execute(
                "SELECT t.id FROM task t JOIN office_case c ON t.case_id = c.id "
                "WHERE c.office_id = 1 AND t.due < 100 ORDER BY t.due LIMIT 30"
            )
            assert len(cursor.fetchall()) == 30
        database.close()
    # One office holds every case, and the planner now knows an office is hundreds of rows
    # (sampled: estimates, not counts), not the ten it guesses without statistics.
    rows_per_office = int(_statistics(path)["office_case"]["case_office"].split()[1])
    assert rows_per_office > 100
    assert set(_statistics(path)) == {"office_case", "task"}
