"""Whole staff pages through gunicorn (one sync worker, as a small office runs it), requested by a
logged-in adviser, each against the floor: the person's own account page, which reads almost
nothing. Query counts are taken in-process with Django's test client on the same pages.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from benchmarks.dataset import Dataset
from benchmarks.timing import Timing, measure_side_by_side
from likeverd.cases.views.searches import SEARCH_TOKEN, SEARCHES

BENCH_SEARCH_TOKEN = "benchsearch"  # noqa: S105 (a session key for the search words, not a secret)

TARGET_RATIO = 4.0  # p95 against the floor page's p95, at 100,000 cases in one office
TARGET_RATIO_MANY_OFFICES = 8.0  # at 1,000,000 cases over 50 offices (SCALE=1m)
FLOOR = "floor: own account page"


@dataclass
class PageResult:
    label: str
    path: str
    timing: Timing
    statements: int
    bytes: int


def pages(dataset: Dataset) -> list[tuple[str, str]]:
    return [
        (FLOOR, "/nb/staff/account/me/"),
        ("dashboard", "/nb/staff/"),
        ("case list", "/nb/staff/cases/"),
        ("case list, filtered", "/nb/staff/cases/?" + urlencode({"status": "advice"})),
        # The search words live in the session under a token (see _login); the address has only it.
        ("case list, searched", "/nb/staff/cases/?" + urlencode({SEARCH_TOKEN: BENCH_SEARCH_TOKEN})),
        ("case page, typical", f"/nb/staff/cases/{dataset.typical_case}/"),
        ("case page, rich", f"/nb/staff/cases/{dataset.rich_case}/"),
    ]


def _login(dataset: Dataset) -> str:
    """A session of the adviser logged in with password and code, as the login view leaves it."""
    # A kept database measured again (--reuse) has the device from the run before.
    device, _ = TOTPDevice.objects.get_or_create(
        user=dataset.adviser, name="bench", defaults={"confirmed": True}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(dataset.adviser.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = dataset.adviser.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[SEARCHES] = {BENCH_SEARCH_TOKEN: "leilighet"}  # as the list's posted search leaves it
    session.create()
    return str(session.session_key)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def gunicorn() -> Iterator[tuple[int, int]]:
    """Production's gunicorn (likeverd/config/gunicorn.py: its database connections kept
    between requests, its workers' loaded program frozen out of garbage collection) with one
    sync worker on a free port: (port, master pid)."""
    port = _free_port()
    log = Path(os.environ["LIKEVERD_DATA_DIR"]) / "gunicorn.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config=python:likeverd.config.gunicorn",
                "likeverd.config.wsgi:application",
                "--workers=1",
                f"--bind=127.0.0.1:{port}",
                "--log-level=warning",
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=os.environ.copy(),
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if process.poll() is not None:
                        raise RuntimeError(f"gunicorn stopped: see {log}") from None
                    time.sleep(0.1)
            yield port, process.pid
        finally:
            process.terminate()
            process.wait(timeout=30)


def _get(port: int, path: str, session: str) -> int:
    connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection_.request(
            "GET", path, headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}", "Host": "127.0.0.1"}
        )
        response = connection_.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}")
        return len(body)
    finally:
        connection_.close()


def _worker_rss_mb(master: int) -> float:
    """Resident memory of gunicorn's worker (the master's child), in MB."""
    children = Path(f"/proc/{master}/task/{master}/children")
    if not children.exists():
        return 0.0
    total = 0.0
    for pid in children.read_text().split():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


def _statements(path: str, session: str) -> int:
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = session
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, secure=True, headers={"host": "127.0.0.1"})
    if response.status_code != 200:
        raise RuntimeError(f"GET {path} answered {response.status_code} in-process")
    return len(captured.captured_queries)


def run(dataset: Dataset, *, repeat: int) -> tuple[list[PageResult], float]:
    """Each page `repeat` times (after two warm-ups); returns the results and the worker's memory."""
    call_command("collectstatic", interactive=False, verbosity=0)
    session = _login(dataset)
    results = []
    with gunicorn() as (port, master):
        addresses = dict(pages(dataset))
        sizes = {label: _get(port, path, session) for label, path in addresses.items()}
        # The pages take turns, so each is compared with the floor measured beside it.
        timings = measure_side_by_side(
            {label: partial(_get, port, path, session) for label, path in addresses.items()},
            repeat=repeat,
            warmup=2,
        )
        for label, path in addresses.items():
            results.append(PageResult(label, path, timings[label], _statements(path, session), sizes[label]))
        memory = _worker_rss_mb(master)
    return results, memory
