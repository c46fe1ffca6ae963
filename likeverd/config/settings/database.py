"""The database: DATABASE_URL, or SQLite in the data directory."""

import os

import dj_database_url

from likeverd.config.settings.environment import DATA_DIR

_default_sqlite = DATA_DIR / "likeverd.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{_default_sqlite}"),
        conn_max_age=int(os.environ.get("LIKEVERD_DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,  # a persistent connection that broke is opened again, not used
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] == str(_default_sqlite):
        DATA_DIR.mkdir(parents=True, exist_ok=True)
    # Django's SQLite backend, with writers served in the order they arrive (likeverd/core/sqlite).
    DATABASES["default"]["ENGINE"] = "likeverd.core.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock
        # at the start of a transaction so that concurrent writers wait instead of failing.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A page's statements are short, but PostgreSQL plans a parallel scan as soon as it expects a
    # few thousand rows, and starting the worker processes then takes longer than the statement
    # (the case page's conflict check: 11 ms, against 0.4 ms without workers, at 100,000 cases).
    # Ten times the default setup cost leaves parallel scans to the statistics' large reads.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c parallel_setup_cost=10000".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
