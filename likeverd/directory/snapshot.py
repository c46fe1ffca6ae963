"""Reads one owner's directory rows back as records (the shape of the data files and of HSDS
export), the inverse of `sync.apply_directory`: the network (`office_id` None) or one office.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from likeverd.directory.records import (
    AddressRecord,
    AreaRecord,
    DirectoryData,
    LanguageRecord,
    LocationRecord,
    NeedRecord,
    OrganizationRecord,
    PhoneRecord,
    ScheduleRecord,
    ServiceAtLocationRecord,
    ServiceRecord,
)
from likeverd.directory.sync import ModelGetter


def _phone_records(rows: Iterable[Any]) -> tuple[PhoneRecord, ...]:
    return tuple(
        PhoneRecord(
            id=row.public_id,
            number=row.number,
            extension=row.extension,
            type=row.type,
            description=row.description,
        )
        for row in sorted(rows, key=lambda row: (row.number, str(row.public_id)))
    )


def _schedule_records(rows: Iterable[Any]) -> tuple[ScheduleRecord, ...]:
    return tuple(
        ScheduleRecord(
            id=row.public_id,
            freq=row.freq,
            byday=row.byday,
            opens_at=row.opens_at,
            closes_at=row.closes_at,
            description=row.description,
            notes=row.notes,
        )
        for row in sorted(rows, key=lambda row: str(row.public_id))
    )


def _location_record(row: Any) -> LocationRecord:
    return LocationRecord(
        id=row.public_id,
        location_type=row.location_type,
        name=row.name,
        description=row.description,
        url=row.url,
        addresses=tuple(
            AddressRecord(
                id=address.public_id,
                address_type=address.address_type,
                attention=address.attention,
                address_1=address.address_1,
                address_2=address.address_2,
                city=address.city,
                region=address.region,
                state_province=address.state_province,
                postal_code=address.postal_code,
                country=address.country,
            )
            for address in sorted(row.addresses.all(), key=lambda address: str(address.public_id))
        ),
        phones=_phone_records(row.phones.all()),
        schedules=_schedule_records(row.schedules.all()),
    )


def _service_record(row: Any) -> ServiceRecord:
    return ServiceRecord(
        id=row.public_id,
        name=row.name,
        status=row.status,
        alternate_name=row.alternate_name,
        description=row.description,
        url=row.url,
        email=row.email,
        interpretation_services=row.interpretation_services,
        application_process=row.application_process,
        fees_description=row.fees_description,
        eligibility_description=row.eligibility_description,
        minimum_age=row.minimum_age,
        maximum_age=row.maximum_age,
        alert=row.alert,
        last_checked=row.last_checked,
        is_urgent=row.is_urgent,
        needs=tuple(
            need.code for need in sorted(row.needs.all(), key=lambda need: (need.sort_order, need.code))
        ),
        phones=_phone_records(row.phones.all()),
        schedules=_schedule_records(row.schedules.all()),
        languages=tuple(
            LanguageRecord(id=language.public_id, code=language.code, name=language.name, note=language.note)
            for language in sorted(row.languages.all(), key=lambda language: language.code)
        ),
        areas=tuple(
            AreaRecord(
                id=area.public_id,
                kind=area.kind,
                country=area.country,
                name=area.name,
                description=area.description,
            )
            for area in sorted(
                row.service_areas.all(),
                key=lambda area: (area.country, area.kind, area.name, str(area.public_id)),
            )
        ),
        at_locations=tuple(
            ServiceAtLocationRecord(
                id=link.public_id, location_id=link.location.public_id, description=link.description
            )
            for link in sorted(row.service_at_locations.all(), key=lambda link: str(link.public_id))
        ),
    )


def read_directory(*, office_id: int | None, get_model: ModelGetter) -> DirectoryData:
    """The rows of one owner as records, in a stable order (an export is the same file twice).

    For an office: its own organizations and locations, and the network organizations and
    locations its own services use, so that the file is complete HSDS on its own.
    """
    service_model = get_model("Service")
    services = list(
        service_model.objects.filter(office_id=office_id)
        .select_related("organization")
        .prefetch_related(
            "needs", "phones", "schedules", "languages", "service_areas", "service_at_locations__location"
        )
        .order_by("name", "public_id")
    )
    organization_filter = Q(office_id=office_id) | Q(pk__in={service.organization_id for service in services})
    organizations = list(
        get_model("Organization")
        .objects.filter(organization_filter)
        .prefetch_related("phones")
        .order_by("name", "public_id")
    )
    used_locations = {link.location_id for service in services for link in service.service_at_locations.all()}
    locations = list(
        get_model("Location")
        .objects.filter(Q(office_id=office_id) | Q(pk__in=used_locations))
        .prefetch_related("addresses", "phones", "schedules")
        .order_by("name", "public_id")
    )
    needs = {need.code: need for service in services for need in service.needs.all()}
    return DirectoryData(
        needs=tuple(
            NeedRecord(
                id=need.public_id,
                code=need.code,
                label_nb=need.label_nb,
                label_sv=need.label_sv,
                label_en=need.label_en,
                description_en=need.description_en,
                sort_order=need.sort_order,
            )
            for need in sorted(needs.values(), key=lambda need: (need.sort_order, need.code))
        ),
        organizations=tuple(
            OrganizationRecord(
                id=organization.public_id,
                name=organization.name,
                description=organization.description,
                alternate_name=organization.alternate_name,
                email=organization.email,
                website=organization.website,
                actor_code=organization.actor_code,
                phones=_phone_records(organization.phones.all()),
                locations=tuple(
                    _location_record(location)
                    for location in locations
                    if location.organization_id == organization.pk
                ),
                services=tuple(
                    _service_record(service)
                    for service in services
                    if service.organization_id == organization.pk
                ),
            )
            for organization in organizations
        ),
    )
