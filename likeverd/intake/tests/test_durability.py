"""Durable before it says so: every report whose confirmation reached the browser is in the
database after the server was killed (SIGKILL, master and workers, no chance to flush anything)
right after the confirmations arrived, and restarted. Also: reports sent at the same moment never
share a case number and none is lost. On SQLite and on PostgreSQL (DATABASE_URL)."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from pytest_django.fixtures import Settings

from benchmarks.report_client import report_data, send_report
from conftest import free_port
from likeverd.accounts.models import Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.cases.models import Case

REPORTERS = 4
REPORTS_EACH = 4
KILL_AFTER = 6  # confirmations


@pytest.fixture
def oslo(transactional_db: None) -> Office:
    return OfficeFactory.create(name="DiMe Oslo", code="OSL", municipalities=["Oslo"])


@pytest.fixture
def server_env(subprocess_env: dict[str, str]) -> dict[str, str]:
    """gunicorn's environment: the production settings on this test's database, on plain HTTP at
    127.0.0.1, two sync workers, no per-address limit (every report comes from 127.0.0.1)."""
    env = {
        **subprocess_env,
        "LIKEVERD_ALLOWED_HOSTS": "127.0.0.1",
        "LIKEVERD_SSL_REDIRECT": "false",
        "LIKEVERD_INTAKE_REPORTS_PER_HOUR": "0",
        "LIKEVERD_WEB_WORKERS": "2",
        "LIKEVERD_LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "-m", "likeverd", "collectstatic", "--no-input", "-v0"],
        env=env,
        check=True,
        timeout=300,
    )
    return env


@contextmanager
def gunicorn(env: dict[str, str], port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """gunicorn as production runs it (likeverd/config/gunicorn.py), in a process group of its own."""
    with log.open("ab") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "python:likeverd.config.gunicorn",
                f"--bind=127.0.0.1:{port}",
                "likeverd.config.wsgi:application",
            ],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start: {log.read_text()[-2000:]}") from None
                time.sleep(0.2)
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def kill_everything(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the master and every worker at once: nothing runs a handler or flushes."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def stored_narratives(office: Office) -> set[str]:
    connection.close()  # a fresh connection sees what the server committed
    return {case.narrative for case in Case.objects.filter(office=office)}


def test_every_confirmed_report_survives_a_sigkill_of_the_server(
    oslo: Office, server_env: dict[str, str], tmp_path: Path
) -> None:
    port = free_port()
    confirmed: list[str] = []
    refused: list[int] = []
    lock = threading.Lock()
    enough = threading.Event()

    def reporter(number: int) -> None:
        for index in range(REPORTS_EACH):
            if enough.is_set():
                return
            narrative = f"Kill test report {number}-{index}: shouted at on the tram."
            try:
                sent = send_report(port, "OSL", narrative, timeout=60)
            except OSError:
                return  # the server was killed under this request: not confirmed, may be lost
            with lock:
                if sent.status == 302 and "/report/sent/" in sent.location:
                    confirmed.append(narrative)
                    if len(confirmed) >= KILL_AFTER:
                        enough.set()
                else:
                    refused.append(sent.status)

    log = tmp_path / "gunicorn.log"
    with gunicorn(server_env, port, log) as server:
        threads = [threading.Thread(target=reporter, args=(n,)) for n in range(REPORTERS)]
        for thread in threads:
            thread.start()
        assert enough.wait(timeout=300), f"not enough confirmations: {refused=} {log.read_text()[-2000:]}"
        kill_everything(server)  # right after the confirmation arrived, with others in flight
        for thread in threads:
            thread.join(timeout=120)

    assert refused == []
    assert len(confirmed) >= KILL_AFTER
    assert set(confirmed) <= stored_narratives(oslo)

    # Restarted, the server answers and serves the confirmed reports' data: nothing to repair.
    with gunicorn(server_env, port, log):
        assert send_report(port, "OSL", "After the restart: one more.").status == 302
    stored = stored_narratives(oslo)
    assert set(confirmed) <= stored
    assert "After the restart: one more." in stored
    numbers = list(Case.objects.filter(office=oslo).values_list("number", flat=True))
    assert len(numbers) == len(set(numbers))


@pytest.mark.django_db(transaction=True)
def test_reports_sent_at_the_same_moment_never_share_a_case_number_and_none_is_lost(
    oslo: Office, settings: Settings
) -> None:
    settings.INTAKE_REPORTS_PER_HOUR = 0
    people, rounds = 6, 3
    barrier = threading.Barrier(people, timeout=120)
    accepted: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def report(person: int) -> None:
        client = Client()
        try:
            for round_number in range(rounds):
                narrative = f"Concurrent report {person}-{round_number}"
                barrier.wait()
                response = client.post("/en/offices/osl/report/", dict(_as_form(report_data(narrative))))
                with lock:
                    if response.status_code == 302:
                        accepted.append(narrative)
                    else:
                        errors.append(AssertionError(f"status {response.status_code}"))
        except BaseException as error:  # reported below, with the thread's traceback lost otherwise
            errors.append(error)
            barrier.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=report, args=(n,)) for n in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(accepted) == people * rounds
    cases = list(Case.objects.filter(office=oslo))
    assert {case.narrative for case in cases} == set(accepted)
    serials = sorted(case.serial for case in cases)
    assert serials == list(range(1, people * rounds + 1))
    assert len({case.number for case in cases}) == people * rounds


def _as_form(pairs: list[tuple[str, str]]) -> dict[str, str | list[str]]:
    form: dict[str, str | list[str]] = {}
    for key, value in pairs:
        if key in form:
            previous = form[key]
            form[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            form[key] = value
    return form
