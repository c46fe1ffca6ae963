"""Django's SQLite backend, with writers served in the order they arrive.

Transactions on SQLite begin IMMEDIATE (settings.py): each takes the database's one write lock
at its start. SQLite makes a writer that finds the lock taken poll for it, sleeping longer and
longer between tries (up to 100 ms), so under many concurrent writers a waiter keeps missing
the moments the lock is free: at 16 concurrent registrations the median was 16 ms and the
99th percentile 3.8 s. Here a writer first waits its turn, first come first served, among the
threads of its process (a queue), and only then begins; so SQLite's own lock is free when it
asks, and waiting costs the others' transactions, not sleeps.

Between processes (several gunicorn workers) SQLite's own waiting still applies. A file lock
beside the database would extend the queue to them, but in a first attempt it kept gunicorn's
workers waiting behind the test process: left for later (see the report of issue 7).

In-memory databases have one connection and need no turns.

When a connection closes it runs `PRAGMA optimize`, as SQLite advises for short-lived
connections: tables this connection's queries used and that were never analysed (or have grown
25-fold since) get fresh planner statistics, sampled (`analysis_limit`), so a few milliseconds
whatever their size. Without statistics SQLite guesses that an equality on any index finds ten
rows, and so walks an office's every case through the office index where an open task's due
date (the dashboard) or a deadline's incident dates would find the few rows directly.
"""

import sqlite3
import threading
from collections import deque
from typing import Any

from django.db import OperationalError
from django.db.backends.sqlite3 import base


class FairLock:
    """A lock handed to its waiters in the order they asked for it."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._waiters: deque[threading.Event] = deque()

    def acquire(self, timeout: float) -> bool:
        with self._mutex:
            if not self._held and not self._waiters:
                self._held = True
                return True
            turn = threading.Event()
            self._waiters.append(turn)
        if turn.wait(timeout):
            return True
        with self._mutex:
            if turn.is_set():  # handed over just as the wait gave up
                return True
            self._waiters.remove(turn)
            return False

    def release(self) -> None:
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().set()  # the lock passes to the longest waiter, still held
            else:
                self._held = False


# Rows of each index that ANALYZE samples (SQLite's advice: 100 to 1000).
ANALYSIS_LIMIT = 400

_locks: dict[str, FairLock] = {}
_locks_mutex = threading.Lock()


def _process_lock(path: str) -> FairLock:
    with _locks_mutex:
        return _locks.setdefault(path, FairLock())


class DatabaseWrapper(base.DatabaseWrapper):
    _has_turn = False

    def _turn_path(self) -> str | None:
        if self.is_in_memory_db():
            return None
        return str(self.settings_dict["NAME"])

    def _take_turn(self) -> None:
        path = self._turn_path()
        if path is None or self._has_turn:
            return
        timeout = float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
        if not _process_lock(path).acquire(timeout):
            raise OperationalError("database is locked (waited for other writers)")
        self._has_turn = True

    def _end_turn(self) -> None:
        if not self._has_turn:
            return
        self._has_turn = False
        path = self._turn_path()
        if path is not None:
            _process_lock(path).release()

    def _start_transaction_under_autocommit(self) -> None:
        self._take_turn()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # Django's own, not in the stubs
        except BaseException:
            self._end_turn()
            raise

    def _commit(self) -> Any:
        try:
            return super()._commit()  # type: ignore[misc]  # Django's own, not in the stubs
        finally:
            self._end_turn()

    def _rollback(self) -> Any:
        try:
            return super()._rollback()  # type: ignore[misc]  # Django's own, not in the stubs
        finally:
            self._end_turn()

    def _close(self) -> Any:
        try:
            self._optimize()
            return super()._close()  # type: ignore[misc]  # Django's own, not in the stubs
        finally:
            self._end_turn()

    def _optimize(self) -> None:
        """Planner statistics for the tables that lack them (see the module's docstring). Never
        in a transaction, and never a wait: if another writer holds the lock, the next close will."""
        if self.connection is None or self.in_atomic_block or self.is_in_memory_db():
            return
        try:
            self.connection.execute("PRAGMA busy_timeout=50")
            self.connection.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
            self.connection.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
