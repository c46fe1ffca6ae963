"""Fixtures shared by every app's tests: offices, staff with two factors, logged-in clients,
and the real parts around the web process: a local SMTP server and the task worker."""

import email
import email.policy
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.conf import settings
from django.db import connection
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import settings as hypothesis_settings
from pytest_django.fixtures import Settings

from likeverd.accounts.models import Jurisdiction, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import OfficeFactory, make_staff

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = Path("/usr/bin/chromium")

# Properties are judged by their examples, not by their speed: on a loaded two-core machine
# (CI runs the suite in two workers beside browsers and gunicorn) an example may take longer
# than hypothesis's default 200 ms deadline without being wrong. Speed lives in benchmarks/.
hypothesis_settings.register_profile("likeverd", deadline=None)
hypothesis_settings.load_profile("likeverd")


@pytest.fixture(autouse=True)
def _installation_language() -> Iterator[None]:
    """Every test starts in the installation's language (nb), whatever an earlier test in the
    same worker left active: a request through the middleware activates its language for the
    thread and nothing deactivates it, so a test would otherwise read another test's language."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _legal_taxonomy_present(request: pytest.FixtureRequest) -> None:
    """The legal taxonomy and the network directory (rows of data migrations) are there for every
    database test.

    A transactional test (threads that race, a subprocess, a live server) empties the database
    when it ends, the taxonomy with it; pytest-django runs those after the others in a worker,
    but a test that comes later still finds the rows again here. The loader is idempotent and
    this costs one query when the rows are there.
    """
    fixtures = set(request.fixturenames)
    if not fixtures & {"db", "transactional_db", "live_server"} and not request.node.get_closest_marker(
        "django_db"
    ):
        return
    transactional = bool(fixtures & {"transactional_db", "live_server"})
    request.getfixturevalue("transactional_db" if transactional else "db")
    from likeverd.taxonomy.apply import apply_taxonomy
    from likeverd.taxonomy.loader import load_all
    from likeverd.taxonomy.models import LegalSource, Term

    if not Term.objects.exists():
        apply_taxonomy(load_all(), term_model=Term, source_model=LegalSource)
    # The network's directory of services is a data migration's rows too (directory/0002).
    from likeverd.directory.models import Need
    from likeverd.directory.seed import load_seed
    from likeverd.directory.sync import apply_directory, live_model

    if not Need.objects.exists():
        apply_directory(load_seed(), office_id=None, get_model=live_model, update_need_labels=True)


def pytest_report_header() -> list[str]:
    database = settings.DATABASES["default"]
    if database.get("HOST"):
        where = f"{database['HOST']}:{database.get('PORT') or 'default port'}"
    else:
        where = str(database.get("TEST", {}).get("NAME") or database["NAME"])
    chromium = f"found at {CHROMIUM}" if CHROMIUM.exists() else f"not found at {CHROMIUM}"
    return [f"likeverd: database {database['ENGINE'].rsplit('.', 1)[-1]} ({where}); Chromium {chromium}"]


def _runs_on_postgresql() -> bool:
    return bool(settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql")


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("postgresql_only") and not _runs_on_postgresql():
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


@pytest.fixture
def postgresql_only() -> None:
    """Request this fixture (or mark the test `postgresql_only`) for behaviour SQLite lacks."""
    if not _runs_on_postgresql():
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


@pytest.fixture(autouse=True)
def _isolated_document_root(tmp_path: Path) -> Iterator[None]:
    """Each test stores its encrypted documents in a folder of its own."""
    original = settings.DOCUMENT_ROOT
    settings.DOCUMENT_ROOT = tmp_path / "documents"
    yield
    settings.DOCUMENT_ROOT = original
    shutil.rmtree(tmp_path / "documents", ignore_errors=True)


@pytest.fixture
def office(db: None) -> Office:
    return OfficeFactory.create(name="DiMe Oslo", code="OSL", jurisdiction=Jurisdiction.NORWAY)


@pytest.fixture
def other_office(db: None) -> Office:
    return OfficeFactory.create(name="DiMe Bergen", code="BGO", jurisdiction=Jurisdiction.NORWAY)


@pytest.fixture
def swedish_office(db: None) -> Office:
    return OfficeFactory.create(
        name="Antidiskrimineringsbyrån Malmö",
        code="MAL",
        jurisdiction=Jurisdiction.SWEDEN,
        municipalities=["Malmö"],
        languages=["sv", "en"],
    )


@pytest.fixture
def adviser(office: Office) -> User:
    return make_staff(office, Role.ADVISER, first_name="Aisha", last_name="Adviser")


@pytest.fixture
def other_adviser(other_office: Office) -> User:
    return make_staff(other_office, Role.ADVISER, first_name="Bjørn", last_name="Bergen")


@pytest.fixture
def office_admin(office: Office) -> User:
    return make_staff(office, Role.OFFICE_ADMIN, first_name="Olga", last_name="Admin", username="olga")


@pytest.fixture
def other_admin(other_office: Office) -> User:
    return make_staff(
        other_office, Role.OFFICE_ADMIN, first_name="Bodil", last_name="Bergen", username="bodil"
    )


def log_in(client: Client, user: User) -> Client:
    """Log `user` in with both factors, as the login page would."""
    client.force_login(user)
    device = TOTPDevice.objects.get(user=user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    def make(user: User) -> Client:
        return log_in(Client(), user)

    return make


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def subprocess_env(transactional_db: None) -> dict[str, str]:
    """The environment for a `likeverd` (or gunicorn) process that works on this test's
    database with the production settings and the test's secrets. The test's writes are
    committed (transactional_db), so the process sees them."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":  # Django's engine or ours (likeverd.core.sqlite)
        url = f"sqlite:///{Path(database['NAME']).resolve()}"
    else:
        credentials = f"{quote(database['USER'], safe='')}:{quote(database['PASSWORD'], safe='')}"
        url = f"postgres://{credentials}@{database['HOST']}:{database['PORT'] or 5432}/{database['NAME']}"
    inherited = {k: v for k, v in os.environ.items() if k not in {"LIKEVERD_DEBUG", "LIKEVERD_LOCAL"}}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "likeverd.config.settings",
        "DATABASE_URL": url,
        "LIKEVERD_TASKS_BACKEND": "database",
    }


@pytest.fixture
def run_task_worker(subprocess_env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Runs the real worker (`likeverd db_worker --batch`) until the queue holds nothing that is
    due, in a process of its own, as production runs it; `env` adds variables (an SMTP server)."""

    def run(*, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "likeverd", "db_worker", "--batch", "--no-reload", "--no-startup-delay"],
            env={**subprocess_env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )

    return run


@dataclass
class ReceivedMail:
    """What an SMTP server got: the envelope and the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class _Collector:
    received: list[ReceivedMail] = field(default_factory=list)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:  # noqa: N802
        content = envelope.original_content or b""
        parsed = email.message_from_bytes(content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append(
            ReceivedMail(mail_from=envelope.mail_from or "", rcpt_tos=list(envelope.rcpt_tos), message=parsed)
        )
        return "250 Message accepted for delivery"


@dataclass
class SMTPServer:
    host: str
    port: int
    received: list[ReceivedMail]

    @property
    def env(self) -> dict[str, str]:
        """The variables that point a `likeverd` process (the worker) at this server."""
        return {"LIKEVERD_EMAIL_HOST": self.host, "LIKEVERD_EMAIL_PORT": str(self.port)}


@pytest.fixture
def smtp_server(settings: Settings) -> Iterator[SMTPServer]:
    """A real SMTP server (aiosmtpd) on a free local port for this test. This process's mailer
    points at it; `.env` points a worker process at it; `.received` collects what arrived."""
    collector = _Collector()
    port = free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    options: dict[str, Any] = {"host": "127.0.0.1", "port": port, "timeout": 10}
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    settings.MAILERS = {"default": {"BACKEND": smtp, "OPTIONS": options}}
    try:
        yield SMTPServer(host="127.0.0.1", port=port, received=collector.received)
    finally:
        controller.stop()


@pytest.fixture
def immediate_tasks(settings: Settings) -> None:
    """Tasks run when they are enqueued, inside the test (e-mail lands in `mail.outbox`). Only for
    a test about what a service schedules; the worker's own path is `run_task_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
