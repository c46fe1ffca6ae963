from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts import services
from likeverd.accounts.models import Jurisdiction, Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.core.crypto import decode_key

pytestmark = pytest.mark.django_db


def test_createoffice_creates_an_office_with_its_municipalities_and_languages() -> None:
    out = StringIO()
    call_command(
        "createoffice",
        "--name",
        "DiMe Trondheim",
        "--code",
        "trd",
        "--jurisdiction",
        "NO",
        "--municipality",
        "Trondheim",
        "--municipality",
        "Malvik",
        "--language",
        "nb",
        "--language",
        "en",
        "--phone",
        "+47 22 00 00 00",
        stdout=out,
    )

    office = Office.objects.get(code="TRD")
    assert office.jurisdiction == Jurisdiction.NORWAY
    assert office.municipalities == ["Trondheim", "Malvik"]
    assert office.languages == ["nb", "en"]
    assert "TRD" in out.getvalue()
    categories = {c.code: c for c in office.reporting_categories.all()}
    assert {"working_life", "nightlife", "hate_crime"} <= set(categories)
    assert categories["working_life"].areas.filter(code="EMPLOYMENT").exists()


def test_createoffice_refuses_a_bad_code() -> None:
    with pytest.raises(CommandError):
        call_command("createoffice", "--name", "X", "--code", "X1", "--jurisdiction", "SE", stdout=StringIO())
    assert not Office.objects.exists()


def test_createstaff_prints_a_password_and_an_authenticator_uri_that_let_the_person_log_in(
    office: Office,
) -> None:
    out = StringIO()
    call_command(
        "createstaff",
        "--office",
        "osl",
        "--username",
        "kari",
        "--first-name",
        "Kari",
        "--last-name",
        "Nordmann",
        "--email",
        "kari@example.org",
        "--role",
        "adviser",
        "--role",
        "mediator",
        stdout=out,
    )
    printed = out.getvalue()
    person = User.objects.get(username="kari")
    device = TOTPDevice.objects.get(user=person, confirmed=True)

    assert "otpauth://totp/Likeverd%3Akari?secret=" in printed
    assert "█" in printed or "▀" in printed  # the QR code
    password = next(line.split(": ", 1)[1] for line in printed.splitlines() if line.startswith("Password: "))
    assert set(Membership.objects.filter(user=person, office=office).values_list("role", flat=True)) == {
        Role.ADVISER,
        Role.MEDIATOR,
    }

    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {"username": "kari", "password": password, "otp_token": f"{TOTP(device.bin_key).token():06d}"},
    )
    assert response.status_code == 302


def test_createstaff_with_a_given_password_does_not_print_it(office: Office) -> None:
    out = StringIO()
    call_command(
        "createstaff",
        "--office",
        "OSL",
        "--username",
        "ola",
        "--first-name",
        "Ola",
        "--last-name",
        "N",
        "--role",
        "coordinator",
        "--password",
        "a long and unusual passphrase",
        "--no-qr",
        stdout=out,
    )
    assert "Password:" not in out.getvalue()
    assert User.objects.get(username="ola").check_password("a long and unusual passphrase")


def test_createstaff_refuses_an_unknown_office_and_a_weak_password(office: Office) -> None:
    with pytest.raises(CommandError):
        call_command(
            "createstaff",
            "--office",
            "XYZ",
            "--username",
            "a",
            "--first-name",
            "A",
            "--last-name",
            "B",
            "--role",
            "adviser",
            stdout=StringIO(),
        )
    with pytest.raises(CommandError):
        call_command(
            "createstaff",
            "--office",
            "OSL",
            "--username",
            "a",
            "--first-name",
            "A",
            "--last-name",
            "B",
            "--role",
            "adviser",
            "--password",
            "123",
            stdout=StringIO(),
        )
    assert not User.objects.filter(username="a").exists()


def test_a_staff_member_needs_a_role(office: Office) -> None:
    with pytest.raises(ValueError, match="role"):
        services.add_staff_member(
            office=office, username="x", first_name="X", last_name="Y", email="", roles=[]
        )


def test_a_username_is_taken_only_once(office: Office) -> None:
    services.add_staff_member(
        office=office, username="same", first_name="A", last_name="B", email="", roles=[Role.ADVISER]
    )
    with pytest.raises(ValidationError):
        services.add_staff_member(
            office=office, username="same", first_name="C", last_name="D", email="", roles=[Role.ADVISER]
        )


def test_generatekey_prints_a_usable_data_key() -> None:
    out = StringIO()
    call_command("generatekey", stdout=out)
    line = next(line for line in out.getvalue().splitlines() if line.startswith("LIKEVERD_DATA_KEY="))
    assert len(decode_key(line.split("=", 1)[1])) == 32
    assert "LIKEVERD_SECRET_KEY=" in out.getvalue()
