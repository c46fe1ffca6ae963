"""Open Referral HSDS 3 JSON: records to a list of organizations and back, and schema validation.

The file is a JSON array of HSDS organizations, the shape of the specification's
`organization_package` schema: each organization with its phones, locations (with addresses,
phones, schedules) and services (with phones, schedules, languages, service areas,
service_at_locations and attributes). Where HSDS has no field of its own, we use its extension
points, documented here so that another system can read them:

- needs: an attribute per need, `link_type` "need", linking the service to a taxonomy_term of
  the taxonomy "likeverd-needs" (term id and code stable across installations);
- urgent help: an attribute, `link_type` "flag", to the term "urgent" of "likeverd-flags";
- the "other actor" an organization is in the triage data (LDO, POLITIET, DO, ...): an
  organization_identifier with `identifier_scheme` "likeverd-actor";
- last checked: the service's `assured_date` ("the date the information was last checked");
- service area: `name` is the place, `extent` the ISO 3166 country code, `extent_type` one of
  "country", "region", "municipality".

The schema files in `hsds_schema/` are the specification's, unchanged (see its README).
"""

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from likeverd.directory.records import (
    FLAGS_TAXONOMY_ID,
    NEEDS_TAXONOMY_ID,
    URGENT_TERM_ID,
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

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema"
_SCHEMA_BASE = "https://likeverd.invalid/hsds-schema/"

ACTOR_SCHEME = "likeverd-actor"
NEEDS_TAXONOMY = {
    "id": str(NEEDS_TAXONOMY_ID),
    "name": "likeverd-needs",
    "description": "Needs and problems a service helps with, as Likeverd's referrals use them.",
}
FLAGS_TAXONOMY = {
    "id": str(FLAGS_TAXONOMY_ID),
    "name": "likeverd-flags",
    "description": "Flags Likeverd sets on services.",
}
URGENT_TERM = {
    "id": str(URGENT_TERM_ID),
    "code": "urgent",
    "name": "Urgent help",
    "description": "Police, emergency numbers and crisis lines: listed first.",
    "taxonomy": FLAGS_TAXONOMY["name"],
    "taxonomy_id": FLAGS_TAXONOMY["id"],
    "taxonomy_detail": FLAGS_TAXONOMY,
}


# --- validation ---------------------------------------------------------------------------------


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((_SCHEMA_BASE + path.name, Resource.from_contents(contents, DRAFT202012)))
    registry: Registry = Registry().with_resources(resources)
    return registry


def _validator(name: str) -> Draft202012Validator:
    schema = {"$ref": _SCHEMA_BASE + name}
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def schema_errors(document: Any) -> list[str]:
    """Every way `document` breaks HSDS 3 (organizations, each with its services); empty if none."""
    if not isinstance(document, list):
        return ["the file must be a JSON array of HSDS organizations"]
    organization, service = _validator("organization.json"), _validator("service.json")
    errors: list[str] = []
    for index, item in enumerate(document):
        errors += [
            f"[{index}]{_where(error.absolute_path)}: {error.message}"
            for error in organization.iter_errors(item)
        ]
        services = item.get("services", []) if isinstance(item, dict) else []
        if not isinstance(services, list):
            errors.append(f"[{index}].services: must be an array")
            continue
        for number, entry in enumerate(services):
            errors += [
                f"[{index}].services[{number}]{_where(error.absolute_path)}: {error.message}"
                for error in service.iter_errors(entry)
            ]
    return errors


def _where(path: Iterable[Any]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)


# --- records to HSDS ----------------------------------------------------------------------------


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty optional fields: HSDS readers treat absent and empty alike."""
    return {key: value for key, value in values.items() if value not in ("", None, [])}


def _time(value: dt.time | None) -> str | None:
    # Local opening hours, HH:MM as HSDS asks (seconds only when a schedule has them).
    if value is None:
        return None
    return value.isoformat(timespec="minutes" if not value.second and not value.microsecond else "auto")


def _phones(phones: Iterable[PhoneRecord], **owner: str) -> list[dict[str, Any]]:
    return [
        _clean(
            {
                "id": str(phone.id),
                **owner,
                "number": phone.number,
                "extension": phone.extension,
                "type": phone.type,
                "description": phone.description,
            }
        )
        for phone in phones
    ]


def _schedules(schedules: Iterable[ScheduleRecord], **owner: str) -> list[dict[str, Any]]:
    return [
        _clean(
            {
                "id": str(schedule.id),
                **owner,
                "freq": schedule.freq,
                "byday": schedule.byday,
                "opens_at": _time(schedule.opens_at),
                "closes_at": _time(schedule.closes_at),
                "description": schedule.description,
                "notes": schedule.notes,
            }
        )
        for schedule in schedules
    ]


def _need_term(need: NeedRecord) -> dict[str, Any]:
    return {
        "id": str(need.id),
        "code": need.code,
        "name": need.label_en,
        "description": need.description_en or need.label_en,
        "taxonomy": NEEDS_TAXONOMY["name"],
        "taxonomy_id": NEEDS_TAXONOMY["id"],
        "taxonomy_detail": NEEDS_TAXONOMY,
    }


def _service(service: ServiceRecord, organization_id: str, needs: dict[str, NeedRecord]) -> dict[str, Any]:
    service_id = str(service.id)
    attributes = [
        {
            "id": str(derived_id("attribute", service_id, "need", code)),
            "link_id": service_id,
            "link_type": "need",
            "link_entity": "service",
            "taxonomy_term_id": str(needs[code].id),
            "taxonomy_term": _need_term(needs[code]),
        }
        for code in service.needs
    ]
    if service.is_urgent:
        attributes.append(
            {
                "id": str(derived_id("attribute", service_id, "flag", "urgent")),
                "link_id": service_id,
                "link_type": "flag",
                "link_entity": "service",
                "value": "true",
                "taxonomy_term_id": URGENT_TERM["id"],
                "taxonomy_term": URGENT_TERM,
            }
        )
    return _clean(
        {
            "id": service_id,
            "organization_id": organization_id,
            "name": service.name,
            "alternate_name": service.alternate_name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "interpretation_services": service.interpretation_services,
            "application_process": service.application_process,
            "fees_description": service.fees_description,
            "eligibility_description": service.eligibility_description,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "alert": service.alert,
            "assured_date": service.last_checked.isoformat() if service.last_checked else None,
            "phones": _phones(service.phones, service_id=service_id),
            "schedules": _schedules(service.schedules, service_id=service_id),
            "languages": [
                _clean(
                    {
                        "id": str(language.id),
                        "service_id": service_id,
                        "code": language.code,
                        "name": language.name,
                        "note": language.note,
                    }
                )
                for language in service.languages
            ],
            "service_areas": [
                _clean(
                    {
                        "id": str(area.id),
                        "service_id": service_id,
                        "name": area.name,
                        "description": area.description,
                        "extent": area.country,
                        "extent_type": area.kind,
                    }
                )
                for area in service.areas
            ],
            "service_at_locations": [
                _clean(
                    {
                        "id": str(link.id),
                        "service_id": service_id,
                        "location_id": str(link.location_id),
                        "description": link.description,
                    }
                )
                for link in service.at_locations
            ],
            "attributes": attributes,
        }
    )


def _location(location: LocationRecord, organization_id: str) -> dict[str, Any]:
    location_id = str(location.id)
    return _clean(
        {
            "id": location_id,
            "organization_id": organization_id,
            "location_type": location.location_type,
            "name": location.name,
            "description": location.description,
            "url": location.url,
            # Every field HSDS requires of an address is written, empty when nobody knows it.
            "addresses": [
                {
                    "id": str(address.id),
                    "location_id": location_id,
                    "attention": address.attention,
                    "address_1": address.address_1,
                    "address_2": address.address_2,
                    "city": address.city,
                    "region": address.region,
                    "state_province": address.state_province,
                    "postal_code": address.postal_code,
                    "country": address.country,
                    "address_type": address.address_type,
                }
                for address in location.addresses
            ],
            "phones": _phones(location.phones, location_id=location_id),
            "schedules": _schedules(location.schedules, location_id=location_id),
        }
    )


def _actor_identifier(organization: OrganizationRecord) -> list[dict[str, Any]]:
    if not organization.actor_code:
        return []
    return [
        {
            "id": str(derived_id("identifier", str(organization.id), ACTOR_SCHEME)),
            "organization_id": str(organization.id),
            "identifier_scheme": ACTOR_SCHEME,
            "identifier_type": "actor code",
            "identifier": organization.actor_code,
        }
    ]


def to_hsds(data: DirectoryData) -> list[dict[str, Any]]:
    """The directory as an HSDS 3 JSON array of organizations."""
    needs = {need.code: need for need in data.needs}
    document = []
    for organization in data.organizations:
        organization_id = str(organization.id)
        document.append(
            {
                "id": organization_id,
                "name": organization.name,
                "description": organization.description,
                **_clean(
                    {
                        "alternate_name": organization.alternate_name,
                        "email": organization.email,
                        "website": organization.website,
                        "organization_identifiers": _actor_identifier(organization),
                        "phones": _phones(organization.phones, organization_id=organization_id),
                        "locations": [
                            _location(location, organization_id) for location in organization.locations
                        ],
                        "services": [
                            _service(service, organization_id, needs) for service in organization.services
                        ],
                    }
                ),
            }
        )
    return document


# --- HSDS to records ----------------------------------------------------------------------------


def _text(item: dict[str, Any], name: str) -> str:
    value = item.get(name)
    return value.strip() if isinstance(value, str) else ""


def _uuid(item: dict[str, Any], name: str = "id") -> uuid.UUID:
    return uuid.UUID(str(item[name]))


def _parse_time(value: Any, where: str) -> dt.time | None:
    if not value:
        return None
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError as error:
        raise DirectoryDataError(f"{where}: {value!r} is not a time such as 09:00") from error


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _read_phones(items: Iterable[dict[str, Any]]) -> tuple[PhoneRecord, ...]:
    return tuple(
        PhoneRecord(
            id=_uuid(item),
            number=_text(item, "number"),
            extension=_int(item.get("extension")),
            type=_text(item, "type"),
            description=_text(item, "description"),
        )
        for item in items
    )


def _read_schedules(items: Iterable[dict[str, Any]], where: str) -> tuple[ScheduleRecord, ...]:
    return tuple(
        ScheduleRecord(
            id=_uuid(item),
            freq=_text(item, "freq"),
            byday=_text(item, "byday"),
            opens_at=_parse_time(item.get("opens_at"), where),
            closes_at=_parse_time(item.get("closes_at"), where),
            description=_text(item, "description"),
            notes=_text(item, "notes"),
        )
        for item in items
    )


def _read_service(item: dict[str, Any], needs: dict[str, NeedRecord], where: str) -> ServiceRecord:
    need_codes: list[str] = []
    is_urgent = False
    for attribute in item.get("attributes", []):
        term = attribute.get("taxonomy_term") or {}
        term_id = str(attribute.get("taxonomy_term_id") or term.get("id") or "")
        if term_id == str(URGENT_TERM_ID) or (
            term.get("taxonomy") == FLAGS_TAXONOMY["name"] and term.get("code") == "urgent"
        ):
            is_urgent = str(attribute.get("value", "true")).lower() != "false"
        elif term.get("taxonomy") == NEEDS_TAXONOMY["name"] and term.get("code"):
            code = str(term["code"])
            name = _text(term, "name") or code
            needs.setdefault(
                code,
                NeedRecord(
                    id=uuid.UUID(str(term["id"])) if term.get("id") else need_id(code),
                    code=code,
                    label_nb=name,
                    label_sv=name,
                    label_en=name,
                    description_en=_text(term, "description"),
                ),
            )
            if code not in need_codes:
                need_codes.append(code)
    assured = _text(item, "assured_date")
    try:
        last_checked = dt.date.fromisoformat(assured[:10]) if assured else None
    except ValueError as error:
        raise DirectoryDataError(f"{where}: assured_date {assured!r} is not a date") from error
    areas = []
    for area in item.get("service_areas", []):
        kind = _text(area, "extent_type") or "country"
        if kind not in ("country", "region", "municipality"):
            raise DirectoryDataError(
                f"{where}: service area {area.get('id')}: extent_type must be country, region or municipality"
            )
        areas.append(
            AreaRecord(
                id=_uuid(area),
                kind=kind,
                country=_text(area, "extent").upper()[:2],
                name=_text(area, "name"),
                description=_text(area, "description"),
            )
        )
    return ServiceRecord(
        id=_uuid(item),
        name=_text(item, "name"),
        status=_text(item, "status") or "active",
        alternate_name=_text(item, "alternate_name"),
        description=_text(item, "description"),
        url=_text(item, "url"),
        email=_text(item, "email"),
        interpretation_services=_text(item, "interpretation_services"),
        application_process=_text(item, "application_process"),
        fees_description=_text(item, "fees_description"),
        eligibility_description=_text(item, "eligibility_description"),
        minimum_age=_int(item.get("minimum_age")),
        maximum_age=_int(item.get("maximum_age")),
        alert=_text(item, "alert"),
        last_checked=last_checked,
        is_urgent=is_urgent,
        needs=tuple(need_codes),
        phones=_read_phones(item.get("phones", [])),
        schedules=_read_schedules(item.get("schedules", []), where),
        languages=tuple(
            LanguageRecord(
                id=_uuid(language),
                code=_text(language, "code"),
                name=_text(language, "name"),
                note=_text(language, "note"),
            )
            for language in item.get("languages", [])
        ),
        areas=tuple(areas),
        at_locations=tuple(
            ServiceAtLocationRecord(
                id=_uuid(link), location_id=_uuid(link, "location_id"), description=_text(link, "description")
            )
            for link in item.get("service_at_locations", [])
            if link.get("location_id")
        ),
    )


def _read_location(item: dict[str, Any], where: str) -> LocationRecord:
    return LocationRecord(
        id=_uuid(item),
        location_type=_text(item, "location_type") or "physical",
        name=_text(item, "name"),
        description=_text(item, "description"),
        url=_text(item, "url"),
        addresses=tuple(
            AddressRecord(
                id=_uuid(address),
                address_type=_text(address, "address_type") or "physical",
                attention=_text(address, "attention"),
                address_1=_text(address, "address_1"),
                address_2=_text(address, "address_2"),
                city=_text(address, "city"),
                region=_text(address, "region"),
                state_province=_text(address, "state_province"),
                postal_code=_text(address, "postal_code"),
                country=_text(address, "country").upper()[:2],
            )
            for address in item.get("addresses", [])
        ),
        phones=_read_phones(item.get("phones", [])),
        schedules=_read_schedules(item.get("schedules", []), where),
    )


def from_hsds(document: Any) -> DirectoryData:
    """Records from an HSDS 3 JSON array of organizations; refuses a document the schema refuses."""
    errors = schema_errors(document)
    if errors:
        shown = "; ".join(errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise DirectoryDataError(f"not valid HSDS 3: {shown}{more}")
    needs: dict[str, NeedRecord] = {}
    organizations = []
    for index, item in enumerate(document):
        where = f"organization [{index}] {item.get('name', '')!r}"
        locations = tuple(_read_location(location, where) for location in item.get("locations", []))
        location_ids = {location.id for location in locations}
        services = []
        for service_item in item.get("services", []):
            service = _read_service(service_item, needs, f"{where}, service {service_item.get('name', '')!r}")
            missing = [
                str(link.location_id) for link in service.at_locations if link.location_id not in location_ids
            ]
            if missing:
                raise DirectoryDataError(
                    f"{where}, service {service.name!r}: location(s) {', '.join(missing)} are not among "
                    "the organization's locations"
                )
            services.append(service)
        organizations.append(
            OrganizationRecord(
                id=_uuid(item),
                name=_text(item, "name"),
                description=_text(item, "description"),
                alternate_name=_text(item, "alternate_name"),
                email=_text(item, "email"),
                website=_text(item, "website"),
                actor_code=next(
                    (
                        _text(identifier, "identifier")
                        for identifier in item.get("organization_identifiers", [])
                        if identifier.get("identifier_scheme") == ACTOR_SCHEME
                    ),
                    "",
                ),
                phones=_read_phones(item.get("phones", [])),
                locations=locations,
                services=tuple(services),
            )
        )
    return DirectoryData(needs=tuple(needs.values()), organizations=tuple(organizations))
