"""Reads of the help directory: search (urgent help first), one service, an office's own rows, export.

An office sees the network's rows and its own, never another office's: every read here goes
through `visible_to`. The directory holds no personal data, so reads need no audit row; an
export is recorded, as every export is.
"""

import uuid
from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from likeverd.accounts.actors import Actor, SystemActor
from likeverd.accounts.models import Office
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.directory.hsds import to_hsds
from likeverd.directory.models import (
    AreaKind,
    Language,
    Need,
    Organization,
    Phone,
    Service,
    ServiceArea,
    ServiceStatus,
)
from likeverd.directory.snapshot import read_directory
from likeverd.directory.sync import live_model

# Services that can take a referral today: inactive and defunct ones stay for the record only.
OPEN_STATUSES = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)


def visible_to(office: Office | None) -> Q:
    """Rows of the network, and of `office` if given; never another office's.

    The sanctioned exception to the office gate for network directory rows (docs/adr/0006, rule 1):
    every directory read goes through here, never through a bare `.all()`.
    """
    if office is None:
        return Q(office__isnull=True)
    return Q(office__isnull=True) | Q(office=office)


def list_needs() -> QuerySet[Need]:
    return Need.objects.order_by("sort_order", "code")


def _with_details(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("organization").prefetch_related(
        "needs",
        "languages",
        "service_areas",
        "schedules",
        Prefetch("phones", queryset=Phone.objects.order_by("number")),
        Prefetch("organization__phones", queryset=Phone.objects.order_by("number")),
    )


def _in_area(*, municipality: str, country: str) -> Q:
    """Offered in `municipality`: there by name (municipality or region), or in its whole country."""
    areas = ServiceArea.objects.filter(service=OuterRef("pk"))
    named = Q(kind__in=[AreaKind.MUNICIPALITY, AreaKind.REGION], name__iexact=municipality)
    whole_country = Q(kind=AreaKind.COUNTRY, country=country) if country else Q(kind=AreaKind.COUNTRY)
    return Q(Exists(areas.filter(named | whole_country)))


def search_services(
    *,
    office: Office | None,
    need: str = "",
    municipality: str = "",
    language: str = "",
    country: str = "",
    text: str = "",
) -> QuerySet[Service]:
    """Open services visible to `office` that match every filter given; urgent help first, then by name.

    need: a Need code. municipality: a place name; matches services offered there by name
    (municipality or region) and services of the whole country (`country`, or else the office's
    jurisdiction). language: a language code (nb, sv, ar, ...). country: NO or SE. text: words
    in the service's or its organization's name or description.
    """
    services = Service.objects.filter(visible_to(office), status__in=OPEN_STATUSES)
    if need:
        services = services.filter(
            Exists(Need.services.through.objects.filter(service=OuterRef("pk"), need__code=need))
        )
    if country:
        services = services.filter(
            Exists(ServiceArea.objects.filter(service=OuterRef("pk"), country=country))
        )
    if municipality.strip():
        area_country = country or (office.jurisdiction if office is not None else "")
        services = services.filter(_in_area(municipality=municipality.strip(), country=area_country))
    if language:
        services = services.filter(Exists(Language.objects.filter(service=OuterRef("pk"), code=language)))
    for word in text.split():
        services = services.filter(
            Q(name__icontains=word)
            | Q(description__icontains=word)
            | Q(organization__name__icontains=word)
            | Q(organization__alternate_name__icontains=word)
        )
    return _with_details(services).order_by("-is_urgent", "name", "public_id")


def suggest_services(
    *, office: Office, needs: Iterable[str], municipality: str = "", limit: int = 10
) -> list[Service]:
    """Services for a person's problems (need codes) in the office's country: urgent help first,
    then those that meet the most of the needs. For referral suggestions from a conversation."""
    codes = sorted(set(needs))
    if not codes:
        return []
    services = search_services(office=office, municipality=municipality, country=office.jurisdiction).filter(
        Exists(Need.services.through.objects.filter(service=OuterRef("pk"), need__code__in=codes))
    )
    ranked = sorted(
        services,
        key=lambda service: (
            not service.is_urgent,
            -sum(1 for need in service.needs.all() if need.code in codes),
            service.name,
        ),
    )
    return ranked[:limit]


def list_services_for_actor(*, office: Office | None, actor_code: str) -> QuerySet[Service]:
    """Open services of the organization the triage data names `actor_code` (LDO, POLITIET, DO, ...),
    visible to `office`: the directory entries an assessment's "other actors" link to."""
    if not actor_code:
        return Service.objects.none()
    services = Service.objects.filter(
        visible_to(office), status__in=OPEN_STATUSES, organization__actor_code=actor_code
    )
    return _with_details(services).order_by("-is_urgent", "name", "public_id")


def services_for_actors(*, office: Office | None, actor_codes: Iterable[str]) -> dict[str, Service]:
    """For each code of the triage data's "other actors", its directory entry visible to `office`
    (an urgent one first, then by name), in one query; codes without an open entry are left out."""
    codes = {code for code in actor_codes if code}
    if not codes:
        return {}
    services = Service.objects.filter(
        visible_to(office), status__in=OPEN_STATUSES, organization__actor_code__in=codes
    ).select_related("organization")
    found: dict[str, Service] = {}
    for service in services.order_by("-is_urgent", "name", "public_id"):
        found.setdefault(service.organization.actor_code, service)
    return found


def get_service(*, office: Office | None, public_id: uuid.UUID | str) -> Service:
    """One service visible to `office`, with everything its page shows; Service.DoesNotExist if not."""
    return (
        _with_details(Service.objects.filter(visible_to(office)))
        .prefetch_related("service_at_locations__location__addresses")
        .get(public_id=public_id)
    )


def list_office_services(*, office: Office) -> QuerySet[Service]:
    """The office's own services (its extension of the directory), for its administrators."""
    return _with_details(Service.objects.filter(office=office)).order_by("name", "public_id")


def get_office_service(*, office: Office, public_id: uuid.UUID | str) -> Service:
    """One of the office's own services, for editing; Service.DoesNotExist for any other."""
    return (
        Service.objects.select_related("organization")
        .prefetch_related("needs", "languages")
        .get(office=office, public_id=public_id)
    )


def list_organizations_for_office(*, office: Office) -> QuerySet[Organization]:
    """Organizations an office may add a service to: the network's and its own."""
    return Organization.objects.filter(visible_to(office)).order_by("name")


def list_places(*, office: Office | None, country: str = "") -> list[str]:
    """Place names (municipalities and regions) the visible services name, for the search form."""
    areas = ServiceArea.objects.filter(
        kind__in=[AreaKind.MUNICIPALITY, AreaKind.REGION],
        service__in=Service.objects.filter(visible_to(office)),
    )
    if country:
        areas = areas.filter(country=country)
    return sorted(set(areas.values_list("name", flat=True)))


def list_languages(*, office: Office | None) -> list[str]:
    """Language codes the visible services are offered in."""
    languages = Language.objects.filter(service__in=Service.objects.filter(visible_to(office)))
    return sorted(set(languages.values_list("code", flat=True)))


def export_directory(*, office: Office | None, actor: Actor | None = None) -> list[dict[str, Any]]:
    """The network's rows (office None) or one office's own rows as HSDS 3 JSON; recorded in the audit log."""
    data = read_directory(office_id=office.pk if office is not None else None, get_model=live_model)
    record_event(
        actor=actor or SystemActor("the directory export command"),
        office=office,
        action=AuditAction.EXPORT,
        detail={
            "kind": "directory_hsds",
            "organizations": len(data.organizations),
            "services": data.service_count,
        },
    )
    return to_hsds(data)
