"""`likeverd democode USERNAME`: the code a demo login's authenticator shows now, for demo data only."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.models import Office
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff

pytestmark = pytest.mark.django_db


def democode(username: str) -> str:
    out = StringIO()
    call_command("democode", username, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_prints_the_code_the_demo_login_can_log_in_with_now() -> None:
    call_command("demo", "--force", "--cases", "0", stdout=StringIO())

    code = democode("adviser.oslo")

    assert code.isdigit()
    assert len(code) == 6
    assert TOTPDevice.objects.get(user__username="adviser.oslo").verify_token(code)


def test_refuses_a_person_who_is_not_a_demo_login(office: Office) -> None:
    person = make_staff(office, Role.ADVISER, username="kari")

    with pytest.raises(CommandError, match="not a demo login"):
        democode(person.username)


def test_refuses_a_real_person_with_a_demo_username_and_their_own_secret(office: Office) -> None:
    make_staff(office, Role.ADVISER, username="adviser.oslo")

    with pytest.raises(CommandError, match="not a demo login"):
        democode("adviser.oslo")
