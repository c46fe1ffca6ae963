"""Every write to the help directory: loading the network's data files, importing an HSDS file,
and an office's own organizations and services. Each is atomic and records its audit event in
the same transaction. Network rows change only through the data files and imports; an office
administrator changes the office's own rows, never the network's or another office's.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor, SystemActor
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.core import clock
from likeverd.directory import hsds, seed
from likeverd.directory.models import (
    AreaKind,
    Language,
    Need,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceStatus,
)
from likeverd.directory.selectors import visible_to
from likeverd.directory.sync import ApplyResult, apply_directory, live_model
from likeverd.directory.toml_entries import COUNTRIES


def load_network_directory(*, actor: Actor | None = None) -> ApplyResult:
    """Bring the network's rows in line with `data/needs.toml` and `data/services.toml`."""
    data = seed.load_seed()
    with transaction.atomic():
        result = apply_directory(data, office_id=None, get_model=live_model, update_need_labels=True)
        record_event(
            actor=actor or SystemActor("the directory data files"),
            office=None,
            action=AuditAction.CHANGE,
            detail={"kind": "directory_load", **_counts(result)},
        )
    return result


def import_directory(*, document: Any, office: Office | None, actor: Actor | None = None) -> ApplyResult:
    """Create or update the rows of an HSDS 3 document as the network's (office None) or one office's.

    Raises DirectoryDataError (nothing written) if the document breaks the schema or names a row
    that belongs to someone else.
    """
    data = hsds.from_hsds(document)
    with transaction.atomic():
        result = apply_directory(
            data, office_id=office.pk if office is not None else None, get_model=live_model
        )
        record_event(
            actor=actor or SystemActor("the directory import command"),
            office=office,
            action=AuditAction.CHANGE,
            detail={"kind": "directory_import", "services": data.service_count, **_counts(result)},
        )
    return result


def _counts(result: ApplyResult) -> dict[str, int]:
    return {
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "removed": result.removed,
    }


# --- an office's own rows ---------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceDetails:
    """What an office administrator fills in for one of the office's own services."""

    organization: Organization
    name: str
    description: str
    needs: list[Need] = field(default_factory=list)
    is_urgent: bool = False
    status: str = ServiceStatus.ACTIVE
    phone: str = ""
    opening_hours: str = ""
    municipalities: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    url: str = ""
    email: str = ""
    application_process: str = ""
    eligibility_description: str = ""
    fees_description: str = ""
    alert: str = ""
    last_checked: dt.date | None = None


@dataclass(frozen=True)
class OrganizationDetails:
    name: str
    description: str
    website: str = ""
    email: str = ""
    phone: str = ""


def _office_admin(viewer: Viewer) -> Office:
    if viewer.office is None or not viewer.can(Permission.MANAGE_OFFICE):
        raise PermissionDenied(_("Only the office's administrators can change its directory entries."))
    return viewer.office


def _audit(viewer: Viewer, action: AuditAction, target: Service | Organization, **detail: Any) -> None:
    record_event(
        actor=StaffActor.of(viewer), office=viewer.office, action=action, target=target, detail=detail
    )


_SERVICE_FIELDS = (
    "organization",
    "name",
    "description",
    "is_urgent",
    "status",
    "url",
    "email",
    "application_process",
    "eligibility_description",
    "fees_description",
    "alert",
    "last_checked",
)


def _check_service(office: Office, details: ServiceDetails) -> None:
    if not Organization.objects.filter(visible_to(office), pk=details.organization.pk).exists():
        raise ValidationError(_("Choose an organization of the network or of your office."))
    if not details.name.strip():
        raise ValidationError(_("A service needs a name."))


def _write_children(service: Service, office: Office, details: ServiceDetails) -> None:
    service.needs.set(details.needs)
    Phone.objects.filter(service=service).delete()
    if details.phone.strip():
        Phone.objects.create(service=service, number=details.phone.strip(), type="voice")
    Schedule.objects.filter(service=service).delete()
    if details.opening_hours.strip():
        Schedule.objects.create(service=service, description=details.opening_hours.strip())
    ServiceArea.objects.filter(service=service).delete()
    places = [place.strip() for place in details.municipalities if place.strip()]
    for place in places:
        ServiceArea.objects.create(
            service=service, kind=AreaKind.MUNICIPALITY, country=office.jurisdiction, name=place
        )
    if not places:
        ServiceArea.objects.create(
            service=service,
            kind=AreaKind.COUNTRY,
            country=office.jurisdiction,
            name=COUNTRIES.get(office.jurisdiction, office.jurisdiction),
        )
    Language.objects.filter(service=service).exclude(code__in=details.languages).delete()
    for code in details.languages:
        Language.objects.get_or_create(service=service, code=code)


def create_office_service(*, viewer: Viewer, details: ServiceDetails) -> Service:
    """Add a service of the viewer's office to the directory (seen by that office only)."""
    office = _office_admin(viewer)
    _check_service(office, details)
    with transaction.atomic():
        service = Service.objects.create(
            office=office, **{name: getattr(details, name) for name in _SERVICE_FIELDS}
        )
        _write_children(service, office, details)
        _audit(viewer, AuditAction.CREATE, service, kind="directory_service")
    return service


def update_office_service(*, viewer: Viewer, service: Service, details: ServiceDetails) -> Service:
    """Change one of the viewer's office's own services; the network's rows are not the office's to change."""
    office = _office_admin(viewer)
    if service.office_id != office.pk:
        raise PermissionDenied(_("Only the office's own services can be changed here."))
    _check_service(office, details)
    with transaction.atomic():
        changed = [name for name in _SERVICE_FIELDS if getattr(service, name) != getattr(details, name)]
        for name in _SERVICE_FIELDS:
            setattr(service, name, getattr(details, name))
        service.updated_at = clock.now()
        service.save()
        _write_children(service, office, details)
        _audit(viewer, AuditAction.CHANGE, service, kind="directory_service", fields=changed)
    return service


def create_office_organization(*, viewer: Viewer, details: OrganizationDetails) -> Organization:
    """Add an organization of the viewer's office, to hold services the network does not list."""
    office = _office_admin(viewer)
    if not details.name.strip():
        raise ValidationError(_("An organization needs a name."))
    with transaction.atomic():
        organization = Organization.objects.create(
            office=office,
            name=details.name.strip(),
            description=details.description.strip(),
            website=details.website,
            email=details.email,
        )
        if details.phone.strip():
            Phone.objects.create(organization=organization, number=details.phone.strip(), type="voice")
        _audit(viewer, AuditAction.CREATE, organization, kind="directory_organization")
    return organization
