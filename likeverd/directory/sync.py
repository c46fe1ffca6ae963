"""Writes directory records to the database, for one owner at a time (snapshot.py reads them back).

The owner is the network (`office_id` None) or one office. `apply_directory` creates or updates
every row of the records and changes nothing that is already equal, so applying the same data
twice changes nothing. It never deletes an organization, a location or a service that the data
leaves out (an import adds and updates; removing a service is a decision for a person), but a
service's own phones, schedules, languages, areas and locations are made exactly those of the data.

Ownership is never taken over: a row of the network or of another office found under the same
id is refused, except that an office's data may name a network organization or location as the
home of its own service, which then stays as it is. The models are looked up through `get_model`
so that a data migration can pass its historical models.
"""

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from django.apps import apps
from django.db import transaction

from likeverd.core import clock
from likeverd.directory.records import (
    DirectoryData,
    DirectoryDataError,
    LocationRecord,
    NeedRecord,
    ServiceRecord,
)

ModelGetter = Callable[[str], Any]


def live_model(name: str) -> Any:
    """The current model class (migrations pass their historical models instead)."""
    return apps.get_model("directory", name)


@dataclass
class ApplyResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.removed


def _values(record: Any, *, skip: Iterable[str]) -> dict[str, Any]:
    skipped = {"id", *skip}
    return {f.name: getattr(record, f.name) for f in fields(record) if f.name not in skipped}


class _Writer:
    def __init__(self, get_model: ModelGetter, office_id: int | None, result: ApplyResult) -> None:
        self.model = get_model
        self.office_id = office_id
        self.result = result

    def upsert(
        self, model_name: str, public_id: uuid.UUID, values: Mapping[str, Any], *, row: Any = None
    ) -> Any:
        """Create the row, or change what differs; `row` is the existing row when the caller has it."""
        model = self.model(model_name)
        if row is None:
            row = model.objects.filter(public_id=public_id).first()
        if row is None:
            now = clock.now()
            self.result.created += 1
            return model.objects.create(public_id=public_id, created_at=now, updated_at=now, **values)
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        if not changed:
            self.result.unchanged += 1
            return row
        for name in changed:
            setattr(row, name, values[name])
        row.updated_at = clock.now()
        row.save(update_fields=[*changed, "updated_at"])
        self.result.updated += 1
        return row

    def owned_row(
        self, model_name: str, public_id: uuid.UUID, label: str, *, may_reference_network: bool
    ) -> Any:
        """The existing row for `public_id`, or None; refuses rows that belong to someone else.

        Returns the string "reference" when an office's data names a network row it may use.
        """
        row = self.model(model_name).objects.filter(public_id=public_id).first()
        if row is None or row.office_id == self.office_id:
            return row
        if row.office_id is None and self.office_id is not None and may_reference_network:
            return "reference"
        owner = "the network" if row.office_id is None else "another office"
        raise DirectoryDataError(f"{label} {public_id} belongs to {owner}; it cannot be changed from here")

    def sync_children(
        self,
        model_name: str,
        parent: Mapping[str, Any],
        records: Iterable[Any],
        *,
        extra: Callable[[Any], dict[str, Any]],
    ) -> None:
        """Make the parent's children exactly `records` (create, update, remove), in few queries."""
        model = self.model(model_name)
        wanted = {record.id: record for record in records}
        existing = {row.public_id: row for row in model.objects.filter(**parent)}
        new_ids = [public_id for public_id in wanted if public_id not in existing]
        if new_ids:
            clash = model.objects.filter(public_id__in=new_ids).first()
            if clash is not None:
                raise DirectoryDataError(f"{model_name} {clash.public_id} belongs to another row")
        stale = [row.pk for public_id, row in existing.items() if public_id not in wanted]
        if stale:
            model.objects.filter(pk__in=stale).delete()
            self.result.removed += len(stale)
        for record in wanted.values():
            values = {**parent, **_values(record, skip=()), **extra(record)}
            self.upsert(model_name, record.id, values, row=existing.get(record.id))


def _apply_needs(writer: _Writer, needs: Iterable[NeedRecord], *, update_labels: bool) -> dict[str, Any]:
    model = writer.model("Need")
    rows = {row.code: row for row in model.objects.all()}
    for need in needs:
        if need.code in rows and not update_labels:
            continue
        values = _values(need, skip=("code",))
        existing = rows.get(need.code)
        if existing is None and writer.office_id is not None:
            # Needs are the network's taxonomy: an office's file may use them, not add to them.
            raise DirectoryDataError(f"unknown need {need.code!r}: new needs come with the network's data")
        if existing is None:
            now = clock.now()
            rows[need.code] = model.objects.create(
                public_id=need.id, code=need.code, created_at=now, updated_at=now, **values
            )
            writer.result.created += 1
        else:
            rows[need.code] = writer.upsert("Need", existing.public_id, values)
    return rows


def _apply_location(writer: _Writer, organization: Any, record: LocationRecord) -> Any:
    existing = writer.owned_row("Location", record.id, "location", may_reference_network=True)
    if existing == "reference":
        return writer.model("Location").objects.get(public_id=record.id)
    location = writer.upsert(
        "Location",
        record.id,
        {
            "office_id": writer.office_id,
            "organization_id": organization.pk,
            **_values(record, skip=("addresses", "phones", "schedules")),
        },
    )
    parent = {"location_id": location.pk}
    writer.sync_children("Address", parent, record.addresses, extra=lambda _: {})
    writer.sync_children(
        "Phone", parent, record.phones, extra=lambda _: {"organization_id": None, "service_id": None}
    )
    writer.sync_children("Schedule", parent, record.schedules, extra=lambda _: {"service_id": None})
    return location


def _apply_service(writer: _Writer, organization: Any, record: ServiceRecord, needs: dict[str, Any]) -> None:
    writer.owned_row("Service", record.id, "service", may_reference_network=False)
    service = writer.upsert(
        "Service",
        record.id,
        {
            "office_id": writer.office_id,
            "organization_id": organization.pk,
            **_values(record, skip=("needs", "phones", "schedules", "languages", "areas", "at_locations")),
        },
    )
    wanted = {needs[code].pk for code in record.needs}
    if set(service.needs.values_list("pk", flat=True)) != wanted:
        service.needs.set(wanted)
        writer.result.updated += 1
    parent = {"service_id": service.pk}
    writer.sync_children(
        "Phone", parent, record.phones, extra=lambda _: {"organization_id": None, "location_id": None}
    )
    writer.sync_children("Schedule", parent, record.schedules, extra=lambda _: {"location_id": None})
    writer.sync_children("Language", parent, record.languages, extra=lambda _: {})
    writer.sync_children("ServiceArea", parent, record.areas, extra=lambda _: {})
    locations = {
        row.public_id: row
        for row in writer.model("Location").objects.filter(
            public_id__in=[link.location_id for link in record.at_locations]
        )
    }
    for link in record.at_locations:
        location = locations.get(link.location_id)
        if location is None or (location.office_id not in (None, writer.office_id)):
            raise DirectoryDataError(f"service {record.name!r}: unknown location {link.location_id}")
    writer.sync_children(
        "ServiceAtLocation",
        parent,
        record.at_locations,
        extra=lambda link: {"location_id": locations[link.location_id].pk},
    )


def apply_directory(
    data: DirectoryData, *, office_id: int | None, get_model: ModelGetter, update_need_labels: bool = False
) -> ApplyResult:
    """Create or update `data` as rows of the network (office_id None) or of one office."""
    result = ApplyResult()
    writer = _Writer(get_model, office_id, result)
    with transaction.atomic():
        needs = _apply_needs(writer, data.needs, update_labels=update_need_labels)
        for record in data.organizations:
            existing = writer.owned_row("Organization", record.id, "organization", may_reference_network=True)
            if existing == "reference":
                organization = get_model("Organization").objects.get(public_id=record.id)
            else:
                organization = writer.upsert(
                    "Organization",
                    record.id,
                    {"office_id": office_id, **_values(record, skip=("phones", "locations", "services"))},
                )
                writer.sync_children(
                    "Phone",
                    {"organization_id": organization.pk},
                    record.phones,
                    extra=lambda _: {"service_id": None, "location_id": None},
                )
            for location in record.locations:
                _apply_location(writer, organization, location)
            for service in record.services:
                _apply_service(writer, organization, service, needs)
    return result


# --- reading ------------------------------------------------------------------------------------
