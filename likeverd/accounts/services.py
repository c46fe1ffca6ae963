"""Writes for offices and their staff: setting up an office, adding a person with a confirmed
authenticator (TOTP) device and their roles. The set-up commands call these; the login and
office-switching views only read and touch the session.
"""

import secrets
import string
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event

GENERATED_PASSWORD_LENGTH = 20
# No look-alike characters (0/O, 1/l/I): a generated password is read off a terminal and typed.
PASSWORD_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")


@transaction.atomic
def create_office(
    *,
    name: str,
    code: str,
    jurisdiction: str,
    municipalities: Sequence[str] = (),
    phone: str = "",
    email: str = "",
    address: str = "",
    opening_hours: str = "",
    languages: Sequence[str] = (),
) -> Office:
    """Create an office; raises ValidationError for a bad code, jurisdiction or e-mail.

    Reporting categories are the cases app's concern: its entry points add them afterwards.
    """
    office = Office(
        name=name.strip(),
        code=code.strip().upper(),
        jurisdiction=jurisdiction.strip().upper(),
        municipalities=[m.strip() for m in municipalities if m.strip()],
        phone=phone.strip(),
        email=email.strip(),
        address=address.strip(),
        opening_hours=opening_hours.strip(),
        languages=[lang.strip() for lang in languages if lang.strip()],
    )
    office.full_clean()
    office.save()
    return office


def generate_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(GENERATED_PASSWORD_LENGTH))


@transaction.atomic
def add_staff_member(
    *,
    office: Office,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    roles: Iterable[Role | str],
    password: str | None = None,
) -> tuple[User, TOTPDevice, str | None]:
    """Create a person with `roles` in `office` and a confirmed TOTP device.

    Returns the person, the device (to show its provisioning URI once) and the generated
    password, or None when `password` was given. A given password must pass the validators.
    """
    chosen_roles = [Role(role) for role in roles]
    if not chosen_roles:
        raise ValueError("a staff member needs at least one role")
    user = User(
        username=username.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        # Office admins keep their office's reporting categories in the admin site, which is
        # scoped to their office (cases.admin); nobody else needs it.
        is_staff=Role.OFFICE_ADMIN in chosen_roles,
    )
    user.full_clean(exclude=["password"])
    generated = None
    if password is None:
        generated = password = generate_password()
    else:
        validate_password(password, user=user)
    user.set_password(password)
    user.save()
    # Confirmed at once: the installer hands the QR code to the person, who scans it before
    # the first login; there is no self-service enrolment step to finish.
    device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True)
    for role in dict.fromkeys(chosen_roles):
        Membership.objects.create(user=user, office=office, role=role)
    return user, device, generated


def provisioning_uri(device: TOTPDevice) -> str:
    """The otpauth:// URI an authenticator app reads (from a QR code) to set up the device."""
    uri: str = device.config_url
    return uri


def interface_languages() -> list[str]:
    """The codes of the interface languages (settings.LANGUAGES)."""
    return [code for code, _name in settings.LANGUAGES]


@transaction.atomic
def set_preferred_language(*, user: User, language: str, office: Office | None) -> None:
    """Save the interface language `user` gets after logging in ("" follows the browser)."""
    if language and language not in interface_languages():
        raise ValidationError(_("Choose one of the languages offered."), code="language")
    before = user.preferred_language
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    record_event(
        actor=user,
        office=office,
        action=AuditAction.CHANGE,
        target=user,
        detail={"field": "preferred_language", "from": before, "to": language},
    )
