"""The demo's offices and staff, each made as an installation makes them, and the logins it prints."""

from dataclasses import dataclass

from django_otp.oath import TOTP

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.services import (
    NewStaffMember,
    add_staff_member,
    create_office,
    create_staff_member_from_command_line,
)
from likeverd.cases import services
from likeverd.setup.demo import people


@dataclass
class Login:
    username: str
    full_name: str
    roles: str
    offices: str
    password: str
    totp_secret: str
    current_code: str


def ensure_office(spec: people.OfficeSpec) -> tuple[Office, bool]:
    existing = Office.objects.filter(code=spec.code).first()
    if existing is not None:
        return existing, False
    office = create_office(
        name=spec.name,
        code=spec.code,
        jurisdiction=spec.jurisdiction,
        municipalities=spec.municipalities,
        languages=spec.languages,
        phone=spec.phone,
        email=spec.email,
        address=spec.address,
        opening_hours=spec.opening_hours,
    )
    services.create_default_reporting_categories(office=office)
    return office, True


def _ensure_statistician(spec: people.StaffSpec, offices: dict[str, Office]) -> User:
    """The network statistician as an installation gets one: `likeverd createstaff --office OSL
    --role network_statistician` (office administrators cannot hand out the role)."""
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        office, _role = spec.roles[0]
        credentials = create_staff_member_from_command_line(
            office=offices[office],
            member=NewStaffMember(
                username=spec.username,
                first_name=spec.first_name,
                last_name=spec.last_name,
                email=f"{spec.username}@demo.example.org",
                roles=[role for _office, role in spec.roles],
            ),
            password=people.DEMO_PASSWORD,
        )
        user, device = credentials.person, credentials.device
        device.key = people.demo_totp_key(spec.username).hex()
        device.save(update_fields=["key"])
        user.preferred_language = spec.language
        user.save(update_fields=["preferred_language"])
    return user


def ensure_staff(spec: people.StaffSpec, offices: dict[str, Office]) -> User:
    if any(role == Role.NETWORK_STATISTICIAN for _code, role in spec.roles):
        return _ensure_statistician(spec, offices)
    user = User.objects.filter(username=spec.username).first()
    first_office, first_role = spec.roles[0]
    if user is None:
        user, device, _ = add_staff_member(
            office=offices[first_office],
            username=spec.username,
            first_name=spec.first_name,
            last_name=spec.last_name,
            email=f"{spec.username}@demo.example.org",
            roles=[first_role],
            password=people.DEMO_PASSWORD,
        )
        # Demo only: a known secret instead of the random one, so every run prints the same.
        device.key = people.demo_totp_key(spec.username).hex()
        device.save(update_fields=["key"])
        user.preferred_language = spec.language
        user.save(update_fields=["preferred_language"])
    for code, role in spec.roles:
        Membership.objects.get_or_create(user=user, office=offices[code], role=role)
    return user


def demo_logins() -> list[Login]:
    """Every demo login with its roles, the demo password, TOTP secret and the code valid now."""
    logins = []
    for spec in people.STAFF:
        key = people.demo_totp_key(spec.username)
        code = f"{TOTP(key, step=30, t0=0, digits=6).token():06d}"
        roles = sorted({str(Role(role).label) for _, role in spec.roles})
        logins.append(
            Login(
                username=spec.username,
                full_name=f"{spec.first_name} {spec.last_name}",
                roles=", ".join(roles),
                offices=", ".join(code for code, _ in spec.roles),
                password=people.DEMO_PASSWORD,
                totp_secret=people.demo_totp_base32(spec.username),
                current_code=code,
            )
        )
    return logins
