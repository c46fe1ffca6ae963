import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from likeverd.directory.models import Need, Organization, Service
from likeverd.directory.records import DirectoryDataError
from likeverd.directory.seed import NEEDS_FILE, SERVICES_FILE, load_seed, parse_needs, parse_services
from likeverd.directory.tests.shared import SHARED, require_shared

SOURCES = [
    SHARED / "seeds" / "003_27e20d570e91e918.txt",
    SHARED / "domain" / "legal-reference.md",
]
REQUIRED_NEEDS = {
    "housing",
    "welfare_office",
    "health",
    "residence_permit",
    "violence_at_home",
    "forced_marriage",
    "trafficking",
    "no_papers",
    "legal_aid",
    "discrimination",
    "hate_crime",
    "urgent_help",
}


def test_the_network_directory_has_at_least_forty_services_in_norway_and_sweden() -> None:
    data = load_seed()
    services = [service for organization in data.organizations for service in organization.services]
    assert len(services) >= 40
    countries = {area.country for service in services for area in service.areas}
    assert countries == {"NO", "SE"}
    assert all(service.last_checked is not None for service in services)


def test_every_need_the_sorting_conversation_names_is_in_the_needs_file() -> None:
    assert {need.code for need in parse_needs()} >= REQUIRED_NEEDS


def test_emergency_numbers_and_crisis_lines_are_urgent() -> None:
    services = {service.name: service for org in load_seed().organizations for service in org.services}
    assert services["Nødnummer 112 (politi)"].is_urgent
    assert services["Nödnummer 112 (polis)"].is_urgent
    assert services["Bistand og beskyttelse for kvinner utsatt for menneskehandel"].is_urgent
    assert not services["Klage på offentlig forvaltning"].is_urgent


def test_every_phone_number_in_the_data_file_is_in_the_sources() -> None:
    require_shared(*SOURCES)
    source_digits = re.sub(r"\D", "", " ".join(path.read_text(encoding="utf-8") for path in SOURCES))
    data = load_seed()
    numbers = [phone.number for org in data.organizations for phone in org.phones] + [
        phone.number for org in data.organizations for service in org.services for phone in service.phones
    ]
    assert numbers
    for number in numbers:
        assert re.sub(r"\D", "", number) in source_digits, number


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "services.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_ORGANIZATION = """
[[organization]]
key = "org"
name = "Org"
description = "An organization."

  [[organization.location]]
  key = "oslo"
  name = "Oslo"
  city = "Oslo"
  country = "NO"

  [[organization.service]]
  key = "help"
  name = "Help"
  description = "Helps."
  needs = ["housing"]
  at = ["oslo"]
"""


def test_a_small_valid_file_parses(tmp_path: Path) -> None:
    organizations = parse_services(_write(tmp_path, GOOD_ORGANIZATION), needs=parse_needs())
    assert organizations[0].services[0].needs == ("housing",)
    assert organizations[0].services[0].at_locations[0].location_id == organizations[0].locations[0].id


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('needs = ["housing"]', 'needs = ["housing", "flying"]'), "unknown need(s) flying"),
        (('at = ["oslo"]', 'at = ["bergen"]'), "no location with key 'bergen'"),
        (('name = "Help"', 'name = "Help"\n  colour = "red"'), "unknown field(s) colour"),
        (('country = "NO"', 'country = "DK"'), "country 'DK'"),
        (
            ('name = "Help"', 'name = "Help"\n  phones = [{ number = "call us" }]'),
            "must be digits and spaces",
        ),
    ],
)
def test_a_mistake_in_the_data_file_names_the_entry(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = _write(tmp_path, GOOD_ORGANIZATION.replace(*change))
    with pytest.raises(DirectoryDataError, match=re.escape(message)) as raised:
        parse_services(path, needs=parse_needs())
    assert "services.toml: organization org" in str(raised.value)


def test_the_shipped_data_files_exist() -> None:
    assert NEEDS_FILE.exists()
    assert SERVICES_FILE.exists()


@pytest.mark.django_db
def test_the_migration_loaded_the_network_directory_and_loading_again_changes_nothing() -> None:
    services = {
        service.public_id: service.updated_at for service in Service.objects.filter(office__isnull=True)
    }
    assert len(services) >= 40
    assert Need.objects.count() == len(parse_needs())

    output = io.StringIO()
    call_command("loaddirectory", stdout=output)

    assert {
        service.public_id: service.updated_at for service in Service.objects.filter(office__isnull=True)
    } == (services)
    assert Organization.objects.filter(office__isnull=False).count() == 0
    assert "0 rows created, 0 updated, 0 removed" in output.getvalue()


def test_every_other_actor_of_the_triage_data_has_a_directory_entry_in_its_country() -> None:
    from likeverd.triage.checklists import load_actors

    organizations = {org.actor_code: org for org in load_seed().organizations if org.actor_code}
    for jurisdiction, actors in load_actors().items():
        for actor in actors:
            organization = organizations.get(actor.code)
            assert organization is not None, f"{jurisdiction} actor {actor.code} has no directory entry"
            countries = {area.country for service in organization.services for area in service.areas}
            assert countries == {jurisdiction}, actor.code
