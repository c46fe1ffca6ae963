"""A staff session ends after LIKEVERD_IDLE_MINUTES without a request (shared office computers)."""

import datetime as dt

import pytest
import time_machine
from pytest_django.fixtures import Settings

from likeverd.accounts.models import User
from likeverd.cases.tests.pages import ClientFor, url

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_a_session_left_idle_past_the_timeout_asks_for_the_login_again(
    adviser: User, client_for: ClientFor, settings: Settings
) -> None:
    settings.SESSION_IDLE_TIMEOUT = 30 * 60
    with time_machine.travel(START, tick=False) as clock:
        client = client_for(adviser)
        assert client.get(url("dashboard")).status_code == 200
        clock.shift(dt.timedelta(minutes=29))
        assert client.get(url("dashboard")).status_code == 200  # activity keeps it alive
        clock.shift(dt.timedelta(minutes=29))
        assert client.get(url("dashboard")).status_code == 200

        clock.shift(dt.timedelta(minutes=31))
        response = client.get(url("dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login"))
    assert "_auth_user_id" not in client.session


def test_the_idle_timeout_is_a_setting(settings: Settings, adviser: User, client_for: ClientFor) -> None:
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    with time_machine.travel(START, tick=False) as clock:
        client = client_for(adviser)
        assert client.get(url("dashboard")).status_code == 200
        clock.shift(dt.timedelta(minutes=6))
        assert client.get(url("dashboard")).status_code == 302
