"""Invented people for the demo: the staff of the two demo offices (with their fixed demo TOTP
secrets) and the name pools that clients and counterparts are made up from.

First names and surnames are common ones, combined at random; no combination is meant to be
anyone, and the full names of public figures are left out of the pools on purpose.
"""

import base64
import hashlib
from dataclasses import dataclass

from likeverd.accounts.roles import Role

# The one password of every demo login. Demo data only: `likeverd demo` refuses to run
# outside DEBUG unless forced.
DEMO_PASSWORD = "likeverd-demo-2026"  # noqa: S105


@dataclass(frozen=True)
class OfficeSpec:
    code: str
    name: str
    jurisdiction: str
    municipalities: tuple[str, ...]
    languages: tuple[str, ...]
    phone: str
    email: str
    address: str
    opening_hours: str
    narrative_language: str  # "nb" or "sv"


OSLO = OfficeSpec(
    code="OSL",
    name="DiMe Oslo",
    jurisdiction="NO",
    municipalities=("Oslo",),
    languages=("nb", "en", "ar", "so", "ur", "pl"),
    phone="+47 21 00 00 00",
    email="post@dime.example.org",
    address="Storgata 1, 0155 Oslo (demo)",
    opening_hours="Man–fre 10–15. Skeiv Kafé annenhver torsdag.",
    narrative_language="nb",
)
MALMO = OfficeSpec(
    code="MAL",
    name="Antidiskrimineringsbyrån Malmö",
    jurisdiction="SE",
    municipalities=("Malmö", "Lund"),
    languages=("sv", "en", "ar", "so"),
    phone="+46 40 00 00 00",
    email="info@adb-malmo.example.org",
    address="Södra Förstadsgatan 1, 211 43 Malmö (demo)",
    opening_hours="Mån–tors 10–16, öppen mottagning tis 13–16.",
    narrative_language="sv",
)
OFFICES = (OSLO, MALMO)


@dataclass(frozen=True)
class StaffSpec:
    username: str
    first_name: str
    last_name: str
    language: str
    roles: tuple[tuple[str, Role], ...]  # (office code, role)


STAFF: tuple[StaffSpec, ...] = (
    StaffSpec("adviser.oslo", "Ingrid", "Haugen", "nb", (("OSL", Role.ADVISER),)),
    StaffSpec("adviser2.oslo", "Yusuf", "Warsame", "nb", (("OSL", Role.ADVISER),)),
    StaffSpec("mediator.oslo", "Kari", "Bakken", "nb", (("OSL", Role.MEDIATOR),)),
    StaffSpec("coordinator.oslo", "Nadia", "Malik", "nb", (("OSL", Role.COORDINATOR),)),
    StaffSpec("admin.oslo", "Even", "Lie", "nb", (("OSL", Role.OFFICE_ADMIN),)),
    StaffSpec("dpo.oslo", "Selam", "Tekle", "nb", (("OSL", Role.DATA_PROTECTION_OFFICER),)),
    StaffSpec("adviser.malmo", "Elin", "Lindberg", "sv", (("MAL", Role.ADVISER),)),
    StaffSpec("adviser2.malmo", "Karim", "Mansour", "sv", (("MAL", Role.ADVISER),)),
    StaffSpec("mediator.malmo", "Johan", "Holm", "sv", (("MAL", Role.MEDIATOR),)),
    StaffSpec("coordinator.malmo", "Hodan", "Nur", "sv", (("MAL", Role.COORDINATOR),)),
    StaffSpec("admin.malmo", "Maja", "Sandberg", "sv", (("MAL", Role.OFFICE_ADMIN),)),
    StaffSpec("dpo.malmo", "Oskar", "Berg", "sv", (("MAL", Role.DATA_PROTECTION_OFFICER),)),
    # The network's statistician reads the disclosure-controlled figures of every office, never a
    # case. Added as an installation adds one (`likeverd createstaff --role network_statistician`,
    # in one office); the role reaches every office's figures from there.
    StaffSpec("statistician", "Henrik", "Dahl", "en", (("OSL", Role.NETWORK_STATISTICIAN),)),
)


def demo_totp_key(username: str) -> bytes:
    """The demo user's TOTP secret (20 bytes), derived from the username so that every run of
    the demo prints the same secrets. Demo only: a real device gets a random key."""
    return hashlib.sha256(b"likeverd demo totp secret:" + username.encode()).digest()[:20]


def demo_totp_base32(username: str) -> str:
    """The secret as an authenticator app takes it (RFC 4648 base32, no padding)."""
    return base64.b32encode(demo_totp_key(username)).decode().rstrip("=")


@dataclass(frozen=True)
class NamePool:
    key: str
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]
    language: str  # language code of the person's first language, if we offer it


NAME_POOLS: tuple[NamePool, ...] = (
    NamePool(
        "norwegian",
        ("Ingrid", "Kari", "Nora", "Emma", "Sofie", "Marte", "Hanne", "Silje"),
        ("Ole", "Lars", "Jonas", "Magnus", "Sindre", "Anders", "Eirik", "Torbjørn"),
        (
            "Hansen",
            "Johansen",
            "Olsen",
            "Larsen",
            "Andersen",
            "Pedersen",
            "Nilsen",
            "Haugland",
            "Bakke",
            "Strand",
        ),
        "nb",
    ),
    NamePool(
        "swedish",
        ("Anna", "Elin", "Maja", "Sara", "Linnea", "Karin", "Frida", "Ebba"),
        ("Erik", "Johan", "Oskar", "Viktor", "Emil", "Gustav", "Anton", "Filip"),
        (
            "Andersson",
            "Johansson",
            "Karlsson",
            "Nilsson",
            "Eriksson",
            "Lindqvist",
            "Holmberg",
            "Sandström",
            "Ek",
            "Björk",
        ),
        "sv",
    ),
    NamePool(
        "somali",
        ("Hodan", "Amina", "Fadumo", "Hibo", "Sahra", "Ifrah", "Nimco", "Ubah"),
        ("Abdirahman", "Abdullahi", "Yusuf", "Liban", "Mahad", "Abdiwali", "Guled", "Sakariye"),
        ("Warsame", "Abdi", "Osman", "Jama", "Nur", "Aden", "Guleed", "Hussein", "Egal", "Duale"),
        "so",
    ),
    NamePool(
        "arabic",
        ("Fatima", "Layla", "Noor", "Rania", "Yasmin", "Hiba", "Mariam", "Dina"),
        ("Ahmad", "Khaled", "Karim", "Samir", "Yousef", "Tariq", "Rami", "Nabil"),
        ("Haddad", "Khalil", "Mansour", "Nasser", "Darwish", "Hamdan", "Qasim", "Sabbagh", "Halabi", "Shami"),
        "ar",
    ),
    NamePool(
        "polish",
        ("Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Ewa", "Monika", "Aleksandra", "Beata"),
        ("Tomasz", "Piotr", "Krzysztof", "Marek", "Paweł", "Łukasz", "Grzegorz", "Michał"),
        (
            "Nowak",
            "Wójcik",
            "Kowalczyk",
            "Mazur",
            "Krawczyk",
            "Kaczmarek",
            "Zając",
            "Pawlak",
            "Sikora",
            "Baran",
        ),
        "pl",
    ),
    NamePool(
        "pakistani",
        ("Ayesha", "Sana", "Nadia", "Rabia", "Mehwish", "Saima", "Zainab", "Hina"),
        ("Usman", "Bilal", "Faisal", "Adeel", "Zeeshan", "Kamran", "Asad", "Waqas"),
        ("Ahmed", "Hussain", "Iqbal", "Malik", "Chaudhry", "Butt", "Qureshi", "Raza", "Akhtar", "Mirza"),
        "ur",
    ),
    NamePool(
        "eritrean",
        ("Helen", "Selam", "Senait", "Mebrat", "Luwam", "Feven", "Rahel", "Saba"),
        ("Yonas", "Dawit", "Tesfay", "Filmon", "Mussie", "Habtom", "Robel", "Ermias"),
        (
            "Tesfamariam",
            "Gebremedhin",
            "Haile",
            "Berhane",
            "Kidane",
            "Tekle",
            "Mehari",
            "Woldu",
            "Asmerom",
            "Ghirmay",
        ),
        "ti",
    ),
)

# Backgrounds of the people who contact each office (weights), so the names look like the city.
POOL_WEIGHTS = {
    "OSL": {
        "norwegian": 10,
        "swedish": 1,
        "somali": 18,
        "arabic": 14,
        "polish": 12,
        "pakistani": 20,
        "eritrean": 12,
    },
    "MAL": {
        "norwegian": 1,
        "swedish": 14,
        "somali": 14,
        "arabic": 26,
        "polish": 10,
        "pakistani": 4,
        "eritrean": 8,
    },
}
