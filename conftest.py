"""Fixtures shared by every app's tests: offices, staff with two factors, logged-in clients."""

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.models import Jurisdiction, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import OfficeFactory, make_staff

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = Path("/usr/bin/chromium")


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
