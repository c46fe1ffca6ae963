"""Reads one owner's directory rows back as records (the shape of the data files and of HSDS
export), the inverse of `sync.apply_directory`: the network (`office_id` None) or one office.
"""

import dataclasses
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def _record[Record: DataclassInstance](record_class: type[Record], row: Any, **children: Any) -> Record:
    """The record of a row whose fields carry the record's names, the row's public id as `id`;
    the nested records (and anything named otherwise) given in `children`."""
    values = {
        field.name: getattr(row, field.name)
        for field in dataclasses.fields(record_class)
        if field.name != "id" and field.name not in children
    }
    build: Callable[..., Record] = record_class
    return build(id=row.public_id, **values, **children)


def _phone_records(rows: Iterable[Any]) -> tuple[PhoneRecord, ...]:
    ordered = sorted(rows, key=lambda row: (row.number, str(row.public_id)))
    return tuple(_record(PhoneRecord, row) for row in ordered)


def _schedule_records(rows: Iterable[Any]) -> tuple[ScheduleRecord, ...]:
    return tuple(_record(ScheduleRecord, row) for row in sorted(rows, key=lambda row: str(row.public_id)))


def _location_record(row: Any) -> LocationRecord:
    addresses = sorted(row.addresses.all(), key=lambda address: str(address.public_id))
    return _record(
        LocationRecord,
        row,
        addresses=tuple(_record(AddressRecord, address) for address in addresses),
        phones=_phone_records(row.phones.all()),
        schedules=_schedule_records(row.schedules.all()),
    )


def _service_record(row: Any) -> ServiceRecord:
    needs = sorted(row.needs.all(), key=lambda need: (need.sort_order, need.code))
    languages = sorted(row.languages.all(), key=lambda language: language.code)
    areas = sorted(
        row.service_areas.all(), key=lambda area: (area.country, area.kind, area.name, str(area.public_id))
    )
    links = sorted(row.service_at_locations.all(), key=lambda link: str(link.public_id))
    return _record(
        ServiceRecord,
        row,
        needs=tuple(need.code for need in needs),
        phones=_phone_records(row.phones.all()),
        schedules=_schedule_records(row.schedules.all()),
        languages=tuple(_record(LanguageRecord, language) for language in languages),
        areas=tuple(_record(AreaRecord, area) for area in areas),
        at_locations=tuple(
            _record(ServiceAtLocationRecord, link, location_id=link.location.public_id) for link in links
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
            _record(NeedRecord, need)
            for need in sorted(needs.values(), key=lambda need: (need.sort_order, need.code))
        ),
        organizations=tuple(
            _record(
                OrganizationRecord,
                organization,
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
