"""Behind the TLS proxy every request reaches gunicorn from the proxy's address; the login lock
still counts each person's own address, so a stranger's failures lock only the stranger."""

import pytest
from django.conf import settings
from django.test import Client
from pytest_django.fixtures import Settings

from likeverd.accounts.models import User
from likeverd.accounts.tests.factories import PASSWORD
from likeverd.accounts.tests.test_login import code_for, post_login

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"


def client_from(address: str, *, claimed: str = "") -> Client:
    # nginx (docs/deploy/nginx.conf) sets X-Forwarded-For to the address it was connected from;
    # `claimed` is what a client wrote in front of it.
    forwarded = f"{claimed}, {address}" if claimed else address
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def test_a_strangers_failures_behind_the_proxy_do_not_lock_the_adviser_out(
    settings: Settings, adviser: User
) -> None:
    settings.BEHIND_PROXY = True
    stranger = client_from("203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(stranger, adviser.username, "wrong", "123456")
    assert post_login(stranger, adviser.username, PASSWORD, code_for(adviser)).status_code == 429

    at_the_office = client_from("198.51.100.7")
    assert post_login(at_the_office, adviser.username, PASSWORD, code_for(adviser)).status_code == 302


def test_an_address_a_client_claims_for_itself_is_not_believed(settings: Settings, adviser: User) -> None:
    settings.BEHIND_PROXY = True
    for index in range(settings.AXES_FAILURE_LIMIT - 1):
        # Each try claims another address; the proxy's own entry is the same every time.
        claiming = client_from("203.0.113.66", claimed=f"192.0.2.{index}")
        assert post_login(claiming, adviser.username, "wrong", "123456").status_code == 200
    claiming = client_from("203.0.113.66", claimed="192.0.2.200")
    locked = post_login(claiming, adviser.username, "wrong", "123456")
    assert locked.status_code == 429


def test_without_the_proxy_the_forwarded_header_is_ignored(adviser: User) -> None:
    assert not settings.BEHIND_PROXY
    for index in range(settings.AXES_FAILURE_LIMIT - 1):
        forged = Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR=f"192.0.2.{index}")
        assert post_login(forged, adviser.username, "wrong", "123456").status_code == 200
    forged = Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR="192.0.2.250")
    assert post_login(forged, adviser.username, "wrong", "123456").status_code == 429
