from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import PASSWORD
from likeverd.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def code_for(user: User) -> str:
    device = TOTPDevice.objects.get(user=user)
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    return f"{token:06d}"


def wrong_code_for(user: User) -> str:
    return f"{(int(code_for(user)) + 1) % 1_000_000:06d}"


def post_login(client: Client, username: str, password: str, code: str, **extra: str):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password, "otp_token": code, **extra}
    )


def test_the_login_page_asks_for_username_password_and_code(client: Client) -> None:
    response = client.get(reverse("accounts:login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    assert '<label for="id_otp_token">' in html


def test_password_and_code_log_in_with_both_factors(client: Client, adviser: User) -> None:
    response = post_login(client, adviser.username, PASSWORD, code_for(adviser))

    assert response.status_code == 302
    assert response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)
    assert client.session[DEVICE_ID_SESSION_KEY] == TOTPDevice.objects.get(user=adviser).persistent_id
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=adviser).exists()


def test_login_goes_back_to_the_page_asked_for_but_never_off_site(
    client: Client, adviser: User, other_adviser: User
) -> None:
    profile = reverse("accounts:profile")
    assert (
        post_login(client, adviser.username, PASSWORD, code_for(adviser), next=profile)["Location"] == profile
    )

    response = post_login(
        Client(), other_adviser.username, PASSWORD, code_for(other_adviser), next="https://evil.example/"
    )
    assert response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)


def test_a_password_alone_does_not_log_in(client: Client, adviser: User) -> None:
    response = post_login(client, adviser.username, PASSWORD, "")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_a_wrong_code_is_refused_like_a_wrong_password_and_keeps_the_username(
    client: Client, adviser: User
) -> None:
    wrong_code = post_login(client, adviser.username, PASSWORD, wrong_code_for(adviser))
    wrong_password = post_login(Client(), adviser.username, "not the password", code_for(adviser))

    assert "_auth_user_id" not in client.session
    for response in (wrong_code, wrong_password):
        html = response.content.decode()
        assert response.status_code == 200
        assert "That did not work" in html
        assert f'value="{adviser.username}"' in html
        assert 'value="' + PASSWORD not in html
    assert wrong_code.context["form"].non_field_errors() == wrong_password.context["form"].non_field_errors()
    code_input = next(line for line in wrong_code.content.decode().splitlines() if 'name="otp_token"' in line)
    assert "value=" not in code_input
    assert 'aria-describedby="login-error id_otp_token_helptext"' in code_input


def test_a_failed_login_is_audited_without_the_username(client: Client, adviser: User) -> None:
    post_login(client, adviser.username, "not the password", code_for(adviser))
    post_login(client, adviser.username, PASSWORD, wrong_code_for(adviser))

    events = AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED)
    assert events.count() == 2
    for event in events:
        assert event.actor_id is None
        assert adviser.username not in str(event.detail)
        assert event.actor_label == "the login form"  # the form, never the name typed


def test_a_person_without_an_authenticator_cannot_log_in(client: Client, adviser: User) -> None:
    code = code_for(adviser)
    TOTPDevice.objects.filter(user=adviser).update(confirmed=False)

    response = post_login(client, adviser.username, PASSWORD, code)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_code_cannot_be_used_twice(adviser: User) -> None:
    code = code_for(adviser)
    assert post_login(Client(), adviser.username, PASSWORD, code).status_code == 302

    replay = Client()
    assert post_login(replay, adviser.username, PASSWORD, code).status_code == 200
    assert "_auth_user_id" not in replay.session


def test_repeated_wrong_passwords_lock_logging_in_with_429(client: Client, adviser: User) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert post_login(client, adviser.username, "wrong", "123456").status_code == 200

    locked = post_login(client, adviser.username, "wrong", "123456")
    assert locked.status_code == 429
    assert "try again in 15 minutes" in locked.content.decode()

    # Even the right password and code are refused while the lock lasts.
    right = post_login(client, adviser.username, PASSWORD, code_for(adviser))
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_wrong_codes_count_towards_the_lock_too(client: Client, adviser: User) -> None:
    responses = [
        post_login(client, adviser.username, PASSWORD, wrong_code_for(adviser))
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert [r.status_code for r in responses][-1] == 429
    assert all(r.status_code == 200 for r in responses[:-1])


def test_the_lock_is_per_username_so_colleagues_can_still_log_in(
    client: Client, adviser: User, office: Office
) -> None:
    from likeverd.accounts.tests.factories import make_staff

    colleague = make_staff(office)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, adviser.username, "wrong", "123456")

    assert post_login(client, colleague.username, PASSWORD, code_for(colleague)).status_code == 302


def test_a_session_with_only_the_password_is_sent_to_the_login_page(client: Client, adviser: User) -> None:
    client.force_login(adviser)  # password only, no second factor in the session

    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_logging_out_needs_a_post_and_ends_the_session(
    client_for: Callable[[User], Client], adviser: User
) -> None:
    client = client_for(adviser)
    assert client.get(reverse("accounts:logout")).status_code == 405

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.LOGOUT, actor=adviser).exists()


def test_the_admin_wants_both_factors(client: Client, db: None) -> None:
    installer = User.objects.create_user(
        username="installer", password=PASSWORD, is_staff=True, is_superuser=True
    )
    TOTPDevice.objects.create(user=installer, name="default", confirmed=True)
    client.force_login(installer)  # password only

    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    followed = client.get(response["Location"])
    assert followed.status_code == 302
    assert followed["Location"].startswith(reverse("accounts:login"))

    response = post_login(
        Client(), installer.username, PASSWORD, code_for(installer), next=reverse("admin:index")
    )
    assert response["Location"] == reverse("admin:index")
