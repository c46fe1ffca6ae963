"""An office administrator extends the directory with the office's own services; every change is audited."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.directory.models import AreaKind, Need, Organization, Service
from likeverd.directory.selectors import search_services
from likeverd.directory.services import (
    OrganizationDetails,
    ServiceDetails,
    create_office_organization,
    create_office_service,
    update_office_service,
)
from likeverd.directory.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_admin(office: Office) -> User:
    return make_staff(office, Role.OFFICE_ADMIN, username="admin")


def details(organization: Organization, **changes: object) -> ServiceDetails:
    values: dict[str, object] = {
        "organization": organization,
        "name": "Leksehjelp på biblioteket",
        "description": "Frivillige hjelper med lekser.",
        "needs": list(Need.objects.filter(code="children")),
        "phone": "22 33 44 55",
        "opening_hours": "Onsdager 17–19",
        "municipalities": ["Oslo"],
        "languages": ["nb", "ar"],
        "last_checked": dt.date(2026, 11, 1),
    }
    values.update(changes)
    return ServiceDetails(**values)  # type: ignore[arg-type]


def test_an_office_admin_adds_a_service_that_only_their_office_sees(
    office: Office, other_office: Office, office_admin: User
) -> None:
    organization = create_office_organization(
        viewer=viewer_of(office_admin),
        details=OrganizationDetails(name="Biblioteket", description="Bydelens bibliotek."),
    )
    service = create_office_service(viewer=viewer_of(office_admin), details=details(organization))

    assert service.office == office
    assert [phone.number for phone in service.phones.all()] == ["22 33 44 55"]
    assert [(area.kind, area.country, area.name) for area in service.service_areas.all()] == [
        (AreaKind.MUNICIPALITY, "NO", "Oslo")
    ]
    assert sorted(service.languages.values_list("code", flat=True)) == ["ar", "nb"]
    assert service in search_services(office=office, need="children", language="ar")
    assert service not in search_services(office=other_office)
    events = AuditEvent.objects.filter(actor=office_admin, office=office).order_by("id")
    assert [(event.action, event.target_type) for event in events] == [
        (AuditAction.CREATE, "directory.Organization"),
        (AuditAction.CREATE, "directory.Service"),
    ]


def test_an_office_service_may_belong_to_a_network_organization(office: Office, office_admin: User) -> None:
    police = Organization.objects.get(name="Politiet", office__isnull=True)
    service = create_office_service(
        viewer=viewer_of(office_admin),
        details=details(police, name="Politikontakten i bydelen", municipalities=[]),
    )
    assert service.organization == police
    assert [(area.kind, area.name) for area in service.service_areas.all()] == [(AreaKind.COUNTRY, "Norge")]


def test_an_office_admin_edits_their_own_service_and_the_change_is_audited(
    office: Office, office_admin: User
) -> None:
    organization = OrganizationFactory.create(office=office)
    service = create_office_service(viewer=viewer_of(office_admin), details=details(organization))

    update_office_service(
        viewer=viewer_of(office_admin),
        service=service,
        details=details(organization, name="Leksehjelp", phone="", languages=["nb"], is_urgent=True),
    )

    service.refresh_from_db()
    assert service.name == "Leksehjelp"
    assert service.is_urgent
    assert not service.phones.exists()
    assert list(service.languages.values_list("code", flat=True)) == ["nb"]
    change = AuditEvent.objects.get(action=AuditAction.CHANGE, target_id=str(service.public_id))
    assert sorted(change.detail["fields"]) == ["is_urgent", "name"]


def test_nobody_changes_a_network_service_from_an_office(office: Office, office_admin: User) -> None:
    network_service = Service.objects.filter(office__isnull=True).first()
    assert network_service is not None
    with pytest.raises(PermissionDenied):
        update_office_service(
            viewer=viewer_of(office_admin),
            service=network_service,
            details=details(network_service.organization),
        )
    network_service.refresh_from_db()
    assert network_service.name != "Leksehjelp på biblioteket"


def test_an_office_admin_cannot_change_another_offices_service(
    office: Office, other_office: Office, office_admin: User
) -> None:
    other_admin = make_staff(other_office, Role.OFFICE_ADMIN, username="other-admin")
    theirs = create_office_service(
        viewer=viewer_of(other_admin), details=details(OrganizationFactory.create(office=other_office))
    )
    with pytest.raises(PermissionDenied):
        update_office_service(
            viewer=viewer_of(office_admin), service=theirs, details=details(theirs.organization)
        )


def test_an_office_cannot_file_a_service_under_another_offices_organization(
    office: Office, other_office: Office, office_admin: User
) -> None:
    theirs = OrganizationFactory.create(office=other_office)
    with pytest.raises(ValidationError):
        create_office_service(viewer=viewer_of(office_admin), details=details(theirs))
    assert not Service.objects.filter(office=office).exists()


def test_an_adviser_may_not_change_the_directory(office: Office, adviser: User) -> None:
    with pytest.raises(PermissionDenied):
        create_office_service(
            viewer=viewer_of(adviser), details=details(OrganizationFactory.create(office=office))
        )
    assert not AuditEvent.objects.filter(action=AuditAction.CREATE).exists()
