"""Each person's language: saved on their profile, and the interface follows it after login,
whatever language the browser asks for."""

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import PASSWORD, make_staff
from likeverd.accounts.tests.test_login import code_for
from likeverd.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def en(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


def test_after_login_the_interface_is_in_the_persons_language_not_the_browsers(
    swedish_office: Office,
) -> None:
    person = make_staff(swedish_office, Role.ADVISER, preferred_language="sv")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")

    response = client.post(
        en("accounts:login"),
        {"username": person.username, "password": PASSWORD, "otp_token": code_for(person)},
        follow=True,
    )

    assert response.redirect_chain[0][0].startswith("/sv/")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sv"
    assert "Översikt" in response.content.decode()
    # An address without a language follows the saved language too, not Accept-Language.
    assert client.get("/")["Location"].startswith("/sv/")


def test_without_a_saved_language_the_browser_decides(office: Office) -> None:
    person = make_staff(office, Role.ADVISER, preferred_language="")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")

    response = client.post(
        en("accounts:login"),
        {"username": person.username, "password": PASSWORD, "otp_token": code_for(person)},
    )

    assert response["Location"].startswith("/en/")
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_a_person_saves_their_language_on_their_profile(
    adviser: User, office: Office, client_for: Callable[[User], Client]
) -> None:
    client = client_for(adviser)
    assert "Interface language" in client.get(en("accounts:profile")).content.decode()

    response = client.post(en("accounts:profile_language"), {"language": "sv"}, follow=True)

    adviser.refresh_from_db()
    assert adviser.preferred_language == "sv"
    with translation.override("sv"):
        assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    assert "Sparat" in response.content.decode()
    event = AuditEvent.objects.get(action=AuditAction.CHANGE, actor=adviser)
    assert event.detail == {"field": "preferred_language", "before": "", "after": "sv"}
    assert event.office == office


def test_a_language_not_offered_is_refused(adviser: User, client_for: Callable[[User], Client]) -> None:
    client_for(adviser).post(en("accounts:profile_language"), {"language": "de"})

    adviser.refresh_from_db()
    assert adviser.preferred_language == ""
