"""Production's server: gunicorn with Likeverd's settings file, behind a TLS proxy, serves the
login page and its static files, and logs no query string."""

import http.client
import re
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import free_port
from likeverd.accounts.models import Jurisdiction
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.cases.models import Case
from likeverd.intake.models import SubmissionCount

PROXIED = {"Host": "likeverd.example.org", "X-Forwarded-Proto": "https"}


def get(port: int, path: str, headers: dict[str, str]) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def wait_until_listening(port: int, server: subprocess.Popen[str], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn stopped with exit code {server.returncode}")
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).connect()
        except OSError:
            time.sleep(0.2)
        else:
            return
    pytest.fail(f"gunicorn did not listen on port {port} within {seconds} s")


class Gunicorn:
    def __init__(self, port: int, process: subprocess.Popen[str]) -> None:
        self.port = port
        self.process = process
        self.log = ""

    def stop(self) -> str:
        """Stops the server as an init system would (SIGTERM) and returns what it logged."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.log, _ = self.process.communicate(timeout=90)
        return self.log


@pytest.fixture
def gunicorn(subprocess_env: dict[str, str], tmp_path: Path) -> Iterator[Gunicorn]:
    """gunicorn as the README starts it, after `collectstatic` as an installation runs it."""
    port = free_port()
    env = {
        **subprocess_env,
        "LIKEVERD_DATA_DIR": str(tmp_path),
        "LIKEVERD_ALLOWED_HOSTS": "likeverd.example.org",
        "LIKEVERD_BEHIND_PROXY": "true",
        "LIKEVERD_SSL_REDIRECT": "true",
        "LIKEVERD_BIND": f"127.0.0.1:{port}",
    }
    subprocess.run(
        [sys.executable, "-m", "likeverd", "collectstatic", "--no-input", "-v", "0"],
        env=env,
        check=True,
        timeout=120,
    )
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    process = subprocess.Popen(
        [gunicorn, "--config", "python:likeverd.config.gunicorn", "likeverd.config.wsgi"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Gunicorn(port, process)
    try:
        wait_until_listening(port, process)
        yield server
    finally:
        server.stop()


def test_gunicorn_serves_the_login_page_and_its_static_files_behind_the_proxy(gunicorn: Gunicorn) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", gunicorn.port, timeout=60)
    connection.request("GET", "/en/staff/account/login/", headers=PROXIED)
    response = connection.getresponse()
    page = response.read().decode()
    assert response.status == 200
    assert 'name="password"' in page
    stylesheet = re.search(r'href="(/static/likeverd/site\.[0-9a-f]+\.css)"', page)
    assert stylesheet, "the stylesheet is served under its hashed name"
    assert get(gunicorn.port, stylesheet.group(1), PROXIED).status == 200
    # A request that reached the proxy over plain HTTP is sent to HTTPS.
    plain = get(gunicorn.port, "/en/staff/account/login/", {"Host": "likeverd.example.org"})
    assert plain.status == 301
    assert plain.headers["Location"] == "https://likeverd.example.org/en/staff/account/login/"


def test_the_access_log_keeps_the_path_but_no_query_string(gunicorn: Gunicorn) -> None:
    assert (
        get(gunicorn.port, "/en/staff/account/login/?next=/en/staff/cases/%3Fq%3Dhijab", PROXIED).status
        == 200
    )
    log = gunicorn.stop()
    assert '"GET /en/staff/account/login/" 200' in log
    assert "hijab" not in log
    assert "127.0.0.1 " not in log.replace(f"127.0.0.1:{gunicorn.port}", "")


def test_a_report_through_gunicorn_leaves_no_address_and_no_words_in_the_log(gunicorn: Gunicorn) -> None:
    """The report form behind the proxy: the log has the path and status, never the visitor's
    address (the proxy's X-Forwarded-For) nor what they wrote; the database keeps no address."""
    OfficeFactory.create(code="OSL", jurisdiction=Jurisdiction.NORWAY)
    visitor = "203.0.113.77"
    headers = {**PROXIED, "X-Forwarded-For": visitor}
    connection = http.client.HTTPConnection("127.0.0.1", gunicorn.port, timeout=60)
    connection.request("GET", "/en/offices/osl/report/", headers=headers)
    response = connection.getresponse()
    page = response.read().decode()
    assert response.status == 200
    cookie = next(
        value.split(";", 1)[0] for name, value in response.getheaders() if name.lower() == "set-cookie"
    )
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|once_token)" value="([^"]+)"', page))
    body = urllib.parse.urlencode(
        {**fields, "narrative": "The bouncer said no hijabs tonight.", "consent": "on"}
    )
    connection.request(
        "POST",
        "/en/offices/osl/report/",
        body=body,
        headers={
            **headers,
            "Cookie": cookie,
            "Origin": "https://likeverd.example.org",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    answer = connection.getresponse()
    answer.read()
    connection.close()
    assert answer.status == 302, answer.status
    assert Case.objects.count() == 1
    log = gunicorn.stop()
    assert '"POST /en/offices/osl/report/" 302' in log
    assert visitor not in log
    assert "hijab" not in log
    assert all(visitor not in row.key for row in SubmissionCount.objects.all())


def test_a_worker_takes_what_it_loaded_out_of_the_garbage_collectors_walks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without it, a full collection walks the whole loaded program inside some request: the
    slow tail of the pages (make bench)."""
    import gc
    import importlib

    monkeypatch.setenv("LIKEVERD_DB_CONN_MAX_AGE", "0")  # the module would set its default
    config = importlib.import_module("likeverd.config.gunicorn")
    frozen = gc.get_freeze_count()
    try:
        config.post_worker_init(object())
        assert gc.get_freeze_count() > frozen + 10_000
    finally:
        gc.unfreeze()
