"""Reads the network's directory data files (`data/needs.toml`, `data/services.toml`) into records.

Parsing is pure and strict, like the legal taxonomy's: an unknown field, a need code that does
not exist or a location key that is not declared stops the load with a message naming the file
and the entry. Ids are derived from the entries' keys, so loading twice finds the same rows.
"""

import datetime as dt
import re
from pathlib import Path
from typing import Any

from likeverd.core.datafiles import read_toml
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
    derived_id,
    need_id,
)
from likeverd.directory.toml_entries import COUNTRIES, HTTPS, Entry

DATA_DIR = Path(__file__).resolve().parent / "data"
NEEDS_FILE = DATA_DIR / "needs.toml"
SERVICES_FILE = DATA_DIR / "services.toml"

LANGUAGE_NAMES = {"nb": "Norsk bokmål", "sv": "Svenska", "en": "English"}
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

_NEED_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def parse_needs(path: Path = NEEDS_FILE) -> tuple[NeedRecord, ...]:
    data = read_toml(path, error=DirectoryDataError)
    top = Entry(data, where=path.name, allowed={"need"})
    needs: list[NeedRecord] = []
    for index, table in enumerate(top.tables("need"), start=1):
        entry = Entry(
            table,
            where=f"{path.name}: need #{index}",
            allowed={"code", "label_nb", "label_sv", "label_en", "description_en"},
        )
        code = entry.text("code")
        if not _NEED_CODE.match(code):
            raise entry.fail(f"code {code!r} must be lower_snake_case")
        if any(need.code == code for need in needs):
            raise entry.fail(f"duplicate need code {code}")
        needs.append(
            NeedRecord(
                id=need_id(code),
                code=code,
                label_nb=entry.text("label_nb"),
                label_sv=entry.text("label_sv"),
                label_en=entry.text("label_en"),
                description_en=entry.text("description_en", required=False),
                sort_order=index * 10,
            )
        )
    return tuple(needs)


def _actor(entry: Entry) -> str:
    code = entry.text("actor", required=False)
    if code and not re.fullmatch(r"[A-Z][A-Z0-9_]{0,59}", code):
        raise entry.fail(
            f"actor {code!r} must be an actor code such as LDO (likeverd/triage/data/actors_*.toml)"
        )
    return code


def _phones(entry: Entry, *, owner: str) -> tuple[PhoneRecord, ...]:
    phones = []
    for index, table in enumerate(entry.tables("phones"), start=1):
        phone = Entry(
            table, where=f"{entry.where}, phone #{index}", allowed={"number", "type", "description"}
        )
        number = phone.text("number")
        if not re.fullmatch(r"\+?[0-9][0-9 ]{1,30}", number):
            raise phone.fail(f"number {number!r} must be digits and spaces")
        phones.append(
            PhoneRecord(
                id=derived_id("phone", owner, str(index)),
                number=number,
                type=phone.text("type", required=False) or "voice",
                description=phone.text("description", required=False),
            )
        )
    return tuple(phones)


def _schedules(entry: Entry, *, owner: str) -> tuple[ScheduleRecord, ...]:
    schedules = []
    for index, table in enumerate(entry.tables("schedules"), start=1):
        schedule = Entry(
            table,
            where=f"{entry.where}, schedule #{index}",
            allowed={"byday", "opens_at", "closes_at", "description"},
        )
        byday = schedule.text("byday", required=False)
        if byday and not all(day in WEEKDAYS for day in byday.split(",")):
            raise schedule.fail(f"byday {byday!r} must be days such as MO,TU,WE")
        schedules.append(
            ScheduleRecord(
                id=derived_id("schedule", owner, str(index)),
                freq="WEEKLY" if byday else "",
                byday=byday,
                opens_at=schedule.time("opens_at"),
                closes_at=schedule.time("closes_at"),
                description=schedule.text("description"),
            )
        )
    return tuple(schedules)


def _areas(entry: Entry, *, owner: str) -> tuple[AreaRecord, ...]:
    areas = []
    for index, table in enumerate(entry.tables("areas"), start=1):
        area = Entry(
            table, where=f"{entry.where}, area #{index}", allowed={"country", "region", "municipality"}
        )
        country = area.country()
        region, municipality = area.text("region", required=False), area.text("municipality", required=False)
        if region and municipality:
            raise area.fail("give a region or a municipality, not both")
        kind, name = (
            ("municipality", municipality)
            if municipality
            else ("region", region)
            if region
            else ("country", "")
        )
        areas.append(
            AreaRecord(
                id=derived_id("area", owner, str(index)),
                kind=kind,
                country=country,
                name=name or COUNTRIES[country],
            )
        )
    return tuple(areas)


def _location(table: Any, *, where: str, organization_key: str) -> tuple[str, LocationRecord]:
    entry = Entry(table, where=where, allowed={"key", "name", "description", "city", "country", "type"})
    key = entry.key()
    owner = f"{organization_key}/{key}"
    location_type = entry.text("type", required=False) or "physical"
    if location_type not in ("physical", "virtual"):
        raise entry.fail("type must be physical or virtual")
    city = entry.text("city", required=False)
    addresses: tuple[AddressRecord, ...] = ()
    if location_type == "physical":
        addresses = (
            AddressRecord(
                id=derived_id("address", owner),
                city=entry.text("city"),
                country=entry.country(),
            ),
        )
    elif city:
        raise entry.fail("a virtual location has no city")
    return key, LocationRecord(
        id=derived_id("location", owner),
        location_type=location_type,
        name=entry.text("name"),
        description=entry.text("description", required=False),
        addresses=addresses,
    )


_SERVICE_FIELDS = {
    "key",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "application_process",
    "fees_description",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "alert",
    "last_checked",
    "is_urgent",
    "needs",
    "languages",
    "phones",
    "schedules",
    "areas",
    "at",
}


def _service(
    entry: Entry,
    *,
    organization_key: str,
    locations: dict[str, LocationRecord],
    need_codes: set[str],
    checked_on: dt.date | None,
) -> ServiceRecord:
    key = entry.key()
    owner = f"{organization_key}/{key}"
    needs = entry.strings("needs")
    unknown = [code for code in needs if code not in need_codes]
    if unknown:
        raise entry.fail(f"unknown need(s) {', '.join(unknown)}; add them to needs.toml first")
    at_locations = []
    for location_key in entry.strings("at"):
        if location_key not in locations:
            raise entry.fail(f"no location with key {location_key!r} in this organization")
        at_locations.append(
            ServiceAtLocationRecord(
                id=derived_id("service-at-location", owner, location_key),
                location_id=locations[location_key].id,
            )
        )
    languages = []
    for code in entry.strings("languages"):
        if code not in LANGUAGE_NAMES:
            raise entry.fail(f"language {code!r} is not one of {', '.join(LANGUAGE_NAMES)}")
        languages.append(
            LanguageRecord(id=derived_id("language", owner, code), code=code, name=LANGUAGE_NAMES[code])
        )
    minimum_age, maximum_age = entry.optional_number("minimum_age"), entry.optional_number("maximum_age")
    if minimum_age is not None and maximum_age is not None and minimum_age > maximum_age:
        raise entry.fail("minimum_age is above maximum_age")
    return ServiceRecord(
        id=derived_id("service", owner),
        name=entry.text("name"),
        alternate_name=entry.text("alternate_name", required=False),
        description=entry.text("description"),
        url=entry.url("url", schemes=HTTPS),
        email=entry.text("email", required=False),
        application_process=entry.text("application_process", required=False),
        fees_description=entry.text("fees_description", required=False),
        eligibility_description=entry.text("eligibility_description", required=False),
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        alert=entry.text("alert", required=False),
        last_checked=entry.optional_date("last_checked") or checked_on,
        is_urgent=entry.boolean("is_urgent", default=False),
        needs=needs,
        phones=_phones(entry, owner=f"service/{owner}"),
        schedules=_schedules(entry, owner=f"service/{owner}"),
        languages=tuple(languages),
        areas=_areas(entry, owner=owner),
        at_locations=tuple(at_locations),
    )


def parse_services(
    path: Path = SERVICES_FILE, *, needs: tuple[NeedRecord, ...]
) -> tuple[OrganizationRecord, ...]:
    data = read_toml(path, error=DirectoryDataError)
    top = Entry(data, where=path.name, allowed={"checked_on", "organization"})
    checked_on = top.optional_date("checked_on")
    need_codes = {need.code for need in needs}
    organizations: list[OrganizationRecord] = []
    keys: set[str] = set()
    for index, table in enumerate(top.tables("organization"), start=1):
        entry = Entry(
            table,
            where=f"{path.name}: organization #{index}",
            allowed={
                "key",
                "name",
                "alternate_name",
                "description",
                "email",
                "website",
                "actor",
                "phones",
                "location",
                "service",
            },
        )
        key = entry.key()
        entry.where = f"{path.name}: organization {key}"
        if key in keys:
            raise entry.fail("duplicate organization key")
        keys.add(key)
        locations: dict[str, LocationRecord] = {}
        for number, location_table in enumerate(entry.tables("location"), start=1):
            location_key, location = _location(
                location_table, where=f"{entry.where}, location #{number}", organization_key=key
            )
            if location_key in locations:
                raise entry.fail(f"duplicate location key {location_key}")
            locations[location_key] = location
        services: list[ServiceRecord] = []
        for number, service_table in enumerate(entry.tables("service"), start=1):
            service_entry = Entry(
                service_table, where=f"{entry.where}, service #{number}", allowed=_SERVICE_FIELDS
            )
            service = _service(
                service_entry,
                organization_key=key,
                locations=locations,
                need_codes=need_codes,
                checked_on=checked_on,
            )
            if any(existing.id == service.id for existing in services):
                raise service_entry.fail("duplicate service key")
            services.append(service)
        if not services:
            raise entry.fail("an organization needs at least one [[organization.service]]")
        organizations.append(
            OrganizationRecord(
                id=derived_id("organization", key),
                name=entry.text("name"),
                alternate_name=entry.text("alternate_name", required=False),
                description=entry.text("description"),
                email=entry.text("email", required=False),
                website=entry.url("website", schemes=HTTPS),
                actor_code=_actor(entry),
                phones=_phones(entry, owner=f"organization/{key}"),
                locations=tuple(locations.values()),
                services=tuple(services),
            )
        )
    return tuple(organizations)


def load_seed(needs_path: Path = NEEDS_FILE, services_path: Path = SERVICES_FILE) -> DirectoryData:
    """The network's directory as the data files describe it."""
    needs = parse_needs(needs_path)
    return DirectoryData(needs=needs, organizations=parse_services(services_path, needs=needs))
