"""The directory as plain values: what the data file, an HSDS file and the database have in common.

The seed file (seed.py) and an HSDS file (hsds.py) are parsed into these records; sync.py writes
records to the database and reads them back. Keeping one shape in the middle is what makes the
round trip (database → HSDS → database) lose nothing.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from likeverd.core.datafiles import DataFileError

# Ids of seed rows, of HSDS attributes and of the two taxonomies are derived from this namespace
# (uuid5), so loading the same data twice finds the same rows. Never change it.
DIRECTORY_NAMESPACE = uuid.UUID("6f1c2b0e-5d57-4e47-9a43-4c0e1c8f2a61")

NEEDS_TAXONOMY_ID = uuid.uuid5(DIRECTORY_NAMESPACE, "taxonomy/needs")
FLAGS_TAXONOMY_ID = uuid.uuid5(DIRECTORY_NAMESPACE, "taxonomy/flags")
URGENT_TERM_ID = uuid.uuid5(DIRECTORY_NAMESPACE, "flag/urgent")


def derived_id(*parts: str) -> uuid.UUID:
    """A stable id for a row named by `parts` (for seed rows and HSDS link rows)."""
    return uuid.uuid5(DIRECTORY_NAMESPACE, "/".join(parts))


def need_id(code: str) -> uuid.UUID:
    return derived_id("need", code)


@dataclass(frozen=True)
class NeedRecord:
    id: uuid.UUID
    code: str
    label_nb: str
    label_sv: str
    label_en: str
    description_en: str = ""
    sort_order: int = 0


@dataclass(frozen=True)
class PhoneRecord:
    id: uuid.UUID
    number: str
    extension: int | None = None
    type: str = ""
    description: str = ""


@dataclass(frozen=True)
class ScheduleRecord:
    id: uuid.UUID
    freq: str = ""
    byday: str = ""
    opens_at: dt.time | None = None
    closes_at: dt.time | None = None
    description: str = ""
    notes: str = ""


@dataclass(frozen=True)
class LanguageRecord:
    id: uuid.UUID
    code: str
    name: str = ""
    note: str = ""


@dataclass(frozen=True)
class AreaRecord:
    id: uuid.UUID
    kind: str
    country: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class AddressRecord:
    id: uuid.UUID
    address_type: str = "physical"
    attention: str = ""
    address_1: str = ""
    address_2: str = ""
    city: str = ""
    region: str = ""
    state_province: str = ""
    postal_code: str = ""
    country: str = ""


@dataclass(frozen=True)
class LocationRecord:
    id: uuid.UUID
    location_type: str = "physical"
    name: str = ""
    description: str = ""
    url: str = ""
    addresses: tuple[AddressRecord, ...] = ()
    phones: tuple[PhoneRecord, ...] = ()
    schedules: tuple[ScheduleRecord, ...] = ()


@dataclass(frozen=True)
class ServiceAtLocationRecord:
    id: uuid.UUID
    location_id: uuid.UUID
    description: str = ""


@dataclass(frozen=True)
class ServiceRecord:
    id: uuid.UUID
    name: str
    status: str = "active"
    alternate_name: str = ""
    description: str = ""
    url: str = ""
    email: str = ""
    interpretation_services: str = ""
    application_process: str = ""
    fees_description: str = ""
    eligibility_description: str = ""
    minimum_age: int | None = None
    maximum_age: int | None = None
    alert: str = ""
    last_checked: dt.date | None = None
    is_urgent: bool = False
    needs: tuple[str, ...] = ()
    phones: tuple[PhoneRecord, ...] = ()
    schedules: tuple[ScheduleRecord, ...] = ()
    languages: tuple[LanguageRecord, ...] = ()
    areas: tuple[AreaRecord, ...] = ()
    at_locations: tuple[ServiceAtLocationRecord, ...] = ()


@dataclass(frozen=True)
class OrganizationRecord:
    id: uuid.UUID
    name: str
    description: str = ""
    alternate_name: str = ""
    email: str = ""
    website: str = ""
    actor_code: str = ""
    phones: tuple[PhoneRecord, ...] = ()
    locations: tuple[LocationRecord, ...] = ()
    services: tuple[ServiceRecord, ...] = ()


@dataclass(frozen=True)
class DirectoryData:
    needs: tuple[NeedRecord, ...] = ()
    organizations: tuple[OrganizationRecord, ...] = ()

    @property
    def service_count(self) -> int:
        return sum(len(organization.services) for organization in self.organizations)


class DirectoryDataError(DataFileError):
    """A data file or an HSDS file is malformed or conflicts with the database; the message says where."""
