"""The office's details, changed by its administrator: result, refusals, audit row, other offices."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from likeverd.accounts import services
from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

DETAILS = services.OfficeDetails(
    name="DiMe Oslo sentrum",
    phone="+47 22 00 00 00",
    email="oslo@example.org",
    address="Storgata 1\n0155 Oslo",
    opening_hours="Mandag–fredag 9–15",
    languages=["nb", "ar", "nb", " "],
    municipalities=["Oslo", " Bærum ", "", "Oslo"],
)


def test_an_admin_changes_the_office_details_and_the_change_is_audited_by_field(
    office: Office, office_admin: User
) -> None:
    services.change_office_details(viewer=viewer_of(office_admin), details=DETAILS)
    office.refresh_from_db()
    assert office.name == "DiMe Oslo sentrum"
    assert office.languages == ["nb", "ar"]
    assert office.municipalities == ["Oslo", "Bærum"]
    assert office.code == "OSL"
    (event,) = AuditEvent.objects.filter(action=AuditAction.CHANGE, target_id=str(office.public_id))
    assert event.detail == {
        "fields": ["address", "email", "languages", "municipalities", "name", "opening_hours", "phone"]
    }
    # Saving the same details again changes nothing and records nothing.
    services.change_office_details(viewer=viewer_of(office_admin), details=DETAILS)
    assert AuditEvent.objects.filter(action=AuditAction.CHANGE).count() == 1


def test_office_details_are_checked_and_need_an_admin(
    office: Office, office_admin: User, adviser: User
) -> None:
    with pytest.raises(ValidationError):
        services.change_office_details(
            viewer=viewer_of(office_admin), details=services.OfficeDetails(name="X", email="not an address")
        )
    with pytest.raises(PermissionDenied):
        services.change_office_details(viewer=viewer_of(adviser), details=DETAILS)
    office.refresh_from_db()
    assert office.name == "DiMe Oslo"


def test_an_admin_changes_only_the_office_they_administer(
    office: Office, other_office: Office, office_admin: User
) -> None:
    Membership.objects.create(user=office_admin, office=other_office, role=Role.ADVISER)
    with pytest.raises(PermissionDenied):
        services.change_office_details(viewer=viewer_of(office_admin, other_office), details=DETAILS)
    other_office.refresh_from_db()
    assert other_office.name == "DiMe Bergen"
