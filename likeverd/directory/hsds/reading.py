"""An HSDS 3 JSON array of organizations to directory records; refuses what the schema refuses."""

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from likeverd.directory.hsds.schema import schema_errors
from likeverd.directory.hsds.writing import ACTOR_SCHEME, FLAGS_TAXONOMY, NEEDS_TAXONOMY
from likeverd.directory.records import (
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
    need_id,
)


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
