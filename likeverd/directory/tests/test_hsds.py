"""The HSDS 3 export validates against the specification's schemas, and the round trip loses nothing."""

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from django.core.management import CommandError, call_command
from django.db import models
from hypothesis import given, settings
from hypothesis import strategies as st

from likeverd.accounts.models import Office
from likeverd.audit.models import AuditEvent
from likeverd.directory.hsds import SCHEMA_DIR, from_hsds, schema_errors, to_hsds
from likeverd.directory.models import (
    Address,
    AreaKind,
    Language,
    Location,
    Need,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
)
from likeverd.directory.records import (
    AddressRecord,
    AreaRecord,
    DirectoryData,
    DirectoryDataError,
    LanguageRecord,
    LocationRecord,
    NeedRecord,
    OrganizationRecord,
    PhoneRecord,
    ScheduleRecord,
    ServiceAtLocationRecord,
    ServiceRecord,
    need_id,
)
from likeverd.directory.selectors import export_directory
from likeverd.directory.services import import_directory
from likeverd.directory.tests.factories import AreaFactory, LanguageFactory, PhoneFactory, ServiceFactory
from likeverd.directory.tests.shared import SHARED, require_shared

SHARED_SCHEMAS = SHARED / "domain" / "hsds-schema"
DIRECTORY_MODELS: list[type[models.Model]] = [
    Organization,
    Location,
    Address,
    Service,
    ServiceAtLocation,
    Phone,
    Schedule,
    Language,
    ServiceArea,
]


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every directory row with every column, timestamps included."""
    every_model: list[type[models.Model]] = [Need, *DIRECTORY_MODELS]
    tables: dict[str, list[tuple[Any, ...]]] = {
        model.__name__: sorted(model._default_manager.values_list(), key=str) for model in every_model
    }
    tables["needs"] = sorted(Service.needs.through.objects.values_list("service_id", "need_id"), key=str)
    return tables


def content() -> dict[str, list[tuple[Any, ...]]]:
    """Every directory row without database keys and timestamps: what a round trip must keep."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    for model in DIRECTORY_MODELS:
        names = [
            f.attname if not f.is_relation else f"{f.name}__public_id"
            for f in model._meta.concrete_fields
            if f.name not in ("id", "created_at", "updated_at")
        ]
        tables[model.__name__] = sorted(model._default_manager.values_list(*names), key=str)
    tables["needs"] = sorted(
        Service.needs.through.objects.values_list("service__public_id", "need__code"), key=str
    )
    return tables


def wipe_directory() -> None:
    """Remove every organization, location and service (the needs, reference data, stay)."""
    Service.needs.through.objects.all().delete()
    for model in [
        Phone,
        Schedule,
        Language,
        ServiceArea,
        ServiceAtLocation,
        Address,
        Service,
        Location,
        Organization,
    ]:
        model._default_manager.all().delete()


@pytest.fixture
def office_rows(office: Office) -> Service:
    """An office's own organization, location and service, and its own service at a network organization."""
    service = ServiceFactory.create(
        office=office,
        name="Kontorets egen rådgivning",
        is_urgent=False,
        last_checked=dt.date(2026, 10, 1),
        minimum_age=16,
        eligibility_description="Unge over 16.",
    )
    location = Location.objects.create(office=office, organization=service.organization, name="Kontoret")
    Address.objects.create(location=location, city="Oslo", country="NO")
    ServiceAtLocation.objects.create(service=service, location=location)
    PhoneFactory.create(service=service, number="22 11 22 11")
    Schedule.objects.create(
        service=service,
        byday="TU",
        freq="WEEKLY",
        opens_at=dt.time(10),
        closes_at=dt.time(14),
        description="Tirsdag",
    )
    LanguageFactory.create(service=service, code="ar", name="Arabic")
    AreaFactory.create(service=service, name="Oslo")
    service.needs.set(Need.objects.filter(code__in=["housing", "discrimination"]))
    police = Organization.objects.get(name="Politiet", office__isnull=True)
    local = ServiceFactory.create(
        office=office, organization=police, name="Politikontakt i bydelen", is_urgent=True
    )
    AreaFactory.create(service=local, name="Oslo")
    return service


@pytest.mark.django_db
def test_the_network_export_validates_against_the_hsds_schemas() -> None:
    document = export_directory(office=None)
    assert len(document) >= 30
    assert sum(len(organization["services"]) for organization in document) >= 40
    assert schema_errors(document) == []


@pytest.mark.django_db
def test_the_exports_validate_against_the_specifications_compiled_package_schema(
    office_rows: Service, office: Office
) -> None:
    require_shared(SHARED_SCHEMAS)
    schema = json.loads(
        (SHARED_SCHEMAS / "compiled" / "organization_package.json").read_text(encoding="utf-8")
    )
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for document in (export_directory(office=None), export_directory(office=office)):
        assert [error.message for error in validator.iter_errors(document)] == []


def test_the_bundled_schema_files_are_the_specifications_unchanged() -> None:
    require_shared(SHARED_SCHEMAS)
    for path in SCHEMA_DIR.glob("*.json"):
        assert path.read_bytes() == (SHARED_SCHEMAS / path.name).read_bytes(), path.name


@pytest.mark.django_db
def test_an_export_states_needs_urgency_and_the_day_facts_were_checked(
    office_rows: Service, office: Office
) -> None:
    document = export_directory(office=office)
    services = {service["name"]: service for organization in document for service in organization["services"]}
    own = services["Kontorets egen rådgivning"]
    assert own["assured_date"] == "2026-10-01"
    assert {attribute["taxonomy_term"]["code"] for attribute in own["attributes"]} == {
        "housing",
        "discrimination",
    }
    urgent = services["Politikontakt i bydelen"]
    assert [attribute["taxonomy_term"]["code"] for attribute in urgent["attributes"]] == ["urgent"]
    # The network's police organization is in the office's file as the home of its service, with
    # only the office's service in it.
    police = next(organization for organization in document if organization["name"] == "Politiet")
    assert [service["name"] for service in police["services"]] == ["Politikontakt i bydelen"]


@pytest.mark.django_db
def test_the_round_trip_through_files_loses_nothing(
    office_rows: Service, office: Office, tmp_path: Path
) -> None:
    network_file, office_file = tmp_path / "network.json", tmp_path / "office.json"
    call_command("exportdirectory", str(network_file), stderr=io.StringIO())
    call_command("exportdirectory", str(office_file), "--office", office.code, stderr=io.StringIO())
    before = content()

    wipe_directory()
    assert Service.objects.count() == 0
    call_command("importdirectory", str(network_file), stdout=io.StringIO())
    call_command("importdirectory", str(office_file), "--office", office.code, stdout=io.StringIO())

    assert content() == before
    assert Service.objects.get(name="Kontorets egen rådgivning").office == office
    assert export_directory(office=None) == json.loads(network_file.read_text(encoding="utf-8"))
    assert export_directory(office=office) == json.loads(office_file.read_text(encoding="utf-8"))


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing(office_rows: Service, office: Office) -> None:
    network, own = export_directory(office=None), export_directory(office=office)
    wipe_directory()
    import_directory(document=network, office=None)
    import_directory(document=own, office=office)
    before = snapshot()

    again = import_directory(document=network, office=None)
    own_again = import_directory(document=own, office=office)

    assert snapshot() == before
    assert again.changed == 0
    assert own_again.changed == 0


@pytest.mark.django_db
def test_an_import_puts_a_changed_phone_number_right_and_drops_a_removed_one(
    office_rows: Service, office: Office
) -> None:
    document = export_directory(office=office)
    own = next(
        s
        for organization in document
        for s in organization["services"]
        if s["name"] == "Kontorets egen rådgivning"
    )
    own["phones"][0]["number"] = "22 99 99 99"
    own["languages"] = []

    result = import_directory(document=document, office=office)

    office_rows.refresh_from_db()
    assert [phone.number for phone in office_rows.phones.all()] == ["22 99 99 99"]
    assert not office_rows.languages.exists()
    assert result.updated == 1
    assert result.removed == 1


@pytest.mark.django_db
def test_an_import_is_recorded_in_the_audit_log(office: Office) -> None:
    import_directory(document=export_directory(office=None), office=None)
    event = AuditEvent.objects.filter(detail__kind="directory_import").get()
    assert event.detail["created"] == 0
    assert event.detail["services"] >= 40


@pytest.mark.django_db
def test_an_office_cannot_take_over_the_networks_rows_by_import(office: Office, tmp_path: Path) -> None:
    path = tmp_path / "network.json"
    call_command("exportdirectory", str(path), stderr=io.StringIO())
    before = snapshot()
    with pytest.raises(CommandError, match="belongs to the network"):
        call_command("importdirectory", str(path), "--office", office.code, stdout=io.StringIO())
    assert snapshot() == before


@pytest.mark.django_db
def test_an_office_cannot_change_another_offices_rows_by_import(
    office_rows: Service, office: Office, other_office: Office
) -> None:
    document = export_directory(office=office)
    before = snapshot()
    with pytest.raises(DirectoryDataError, match="belongs to another office"):
        import_directory(document=document, office=other_office)
    with pytest.raises(DirectoryDataError, match="belongs to another office"):
        import_directory(document=document, office=None)
    assert snapshot() == before


@pytest.mark.django_db
def test_an_office_file_may_use_the_networks_needs_but_not_add_to_them(
    office_rows: Service, office: Office
) -> None:
    document = export_directory(office=office)
    own = next(
        s
        for organization in document
        for s in organization["services"]
        if s["name"] == "Kontorets egen rådgivning"
    )
    own["attributes"][0]["taxonomy_term"]["code"] = "astrology"
    before = snapshot()
    with pytest.raises(DirectoryDataError, match="unknown need 'astrology'"):
        import_directory(document=document, office=office)
    assert snapshot() == before


@pytest.mark.django_db
def test_a_file_that_breaks_the_schema_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    document = export_directory(office=None)
    del document[0]["services"][0]["name"]
    document[1]["services"][0]["status"] = "open"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = snapshot()

    with pytest.raises(CommandError, match="not valid HSDS 3") as raised:
        call_command("importdirectory", str(path), stdout=io.StringIO())

    assert "'name' is a required property" in str(raised.value)
    assert "'open' is not one of" in str(raised.value)
    assert snapshot() == before


def test_a_file_that_is_not_json_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(CommandError, match=r"notes\.txt: cannot be read as JSON"):
        call_command("importdirectory", str(path))


@pytest.mark.django_db
def test_an_unknown_office_code_is_refused() -> None:
    with pytest.raises(CommandError, match="No office with code 'XYZ'"):
        call_command("exportdirectory", "-", "--office", "XYZ")


# --- property: records → HSDS → records is the identity -----------------------------------------

_text = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=20).map(str.strip)
_time = st.none() | st.times().map(lambda value: value.replace(microsecond=0))
_NEEDS = [
    NeedRecord(id=need_id(code), code=code, label_nb=code, label_sv=code, label_en=code)
    for code in ("a", "b")
]


def _phones() -> st.SearchStrategy[tuple[PhoneRecord, ...]]:
    return st.lists(
        st.builds(
            PhoneRecord,
            id=st.uuids(),
            number=st.from_regex(r"\A[0-9][0-9 ]{1,12}[0-9]\Z"),
            extension=st.none() | st.integers(0, 9999),
            type=_text,
            description=_text,
        ),
        max_size=2,
    ).map(tuple)


def _schedules() -> st.SearchStrategy[tuple[ScheduleRecord, ...]]:
    return st.lists(
        st.builds(
            ScheduleRecord,
            id=st.uuids(),
            freq=st.sampled_from(["", "WEEKLY", "MONTHLY"]),
            byday=st.sampled_from(["", "MO", "MO,TU,WE"]),
            opens_at=_time,
            closes_at=_time,
            description=_text,
            notes=_text,
        ),
        max_size=2,
    ).map(tuple)


@st.composite
def _organizations(draw: st.DrawFn) -> OrganizationRecord:
    locations = draw(
        st.lists(
            st.builds(
                LocationRecord,
                id=st.uuids(),
                location_type=st.sampled_from(["physical", "postal", "virtual"]),
                name=_text,
                description=_text,
                url=st.sampled_from(["", "https://example.org/"]),
                addresses=st.lists(
                    st.builds(
                        AddressRecord, id=st.uuids(), city=_text, country=st.sampled_from(["", "NO", "SE"])
                    ),
                    max_size=1,
                ).map(tuple),
                phones=_phones(),
                schedules=_schedules(),
            ),
            max_size=2,
            unique_by=lambda location: location.id,
        )
    )
    location_ids = [location.id for location in locations]
    services = draw(
        st.lists(
            st.builds(
                ServiceRecord,
                id=st.uuids(),
                name=_text.filter(bool),
                status=st.sampled_from(["active", "inactive", "defunct", "temporarily closed"]),
                description=_text,
                alternate_name=_text,
                eligibility_description=_text,
                minimum_age=st.none() | st.integers(0, 120),
                alert=_text,
                last_checked=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
                is_urgent=st.booleans(),
                needs=st.lists(st.sampled_from(["a", "b"]), unique=True).map(tuple),
                phones=_phones(),
                schedules=_schedules(),
                languages=st.lists(
                    st.builds(
                        LanguageRecord,
                        id=st.uuids(),
                        code=st.sampled_from(["nb", "ar"]),
                        name=_text,
                        note=_text,
                    ),
                    max_size=2,
                    unique_by=lambda language: language.code,
                ).map(tuple),
                areas=st.lists(
                    st.builds(
                        AreaRecord,
                        id=st.uuids(),
                        kind=st.sampled_from([kind.value for kind in AreaKind]),
                        country=st.sampled_from(["NO", "SE"]),
                        name=_text,
                        description=_text,
                    ),
                    max_size=2,
                ).map(tuple),
                at_locations=st.lists(
                    st.builds(
                        ServiceAtLocationRecord, id=st.uuids(), location_id=st.sampled_from(location_ids)
                    ),
                    max_size=2,
                ).map(tuple)
                if location_ids
                else st.just(()),
            ),
            max_size=2,
        )
    )
    return OrganizationRecord(
        id=draw(st.uuids()),
        name=draw(_text.filter(bool)),
        description=draw(_text),
        alternate_name=draw(_text),
        actor_code=draw(st.sampled_from(["", "LDO", "POLITIET"])),
        phones=draw(_phones()),
        locations=tuple(locations),
        services=tuple(services),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(_organizations(), max_size=3))
def test_records_survive_hsds_unchanged(organizations: list[OrganizationRecord]) -> None:
    data = DirectoryData(needs=tuple(_NEEDS), organizations=tuple(organizations))
    document = json.loads(json.dumps(to_hsds(data)))
    assert schema_errors(document) == []
    assert from_hsds(document).organizations == data.organizations
