"""Directory records to an HSDS 3 JSON array of organizations (the conventions: see the package)."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from likeverd.directory.records import (
    FLAGS_TAXONOMY_ID,
    NEEDS_TAXONOMY_ID,
    URGENT_TERM_ID,
    DirectoryData,
    LocationRecord,
    NeedRecord,
    OrganizationRecord,
    PhoneRecord,
    ScheduleRecord,
    ServiceRecord,
    derived_id,
)

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
