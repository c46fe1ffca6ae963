"""The office administrator's screens: what they show, who may open them, and that a person or
category of another office is not found."""

import base64
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts import services
from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.taxonomy import services as taxonomy_services

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
# Adding a person with a password to hand over (the other way is an invitation: test_invitations).
HAND_OVER = {"how": "password"}


def url(name: str, *args: Any) -> str:
    return reverse(f"officeadmin:{name}", args=args)


def test_the_overview_lists_staff_and_what_is_left_to_set_up(
    office: Office, office_admin: User, adviser: User, client_for: ClientFor
) -> None:
    page = client_for(office_admin).get(url("overview")).content.decode()
    assert "Aisha Adviser" in page
    assert "Olga Admin" in page
    assert "no reporting categories" in page
    assert "Only one person administers the office" in page
    assert "Opening hours are missing." in page
    assert "No legal adviser" not in page  # Aisha is one


def test_a_set_up_office_has_nothing_left_to_do(
    office: Office, office_admin: User, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(office_admin)
    make_staff(office, Role.OFFICE_ADMIN)
    services.change_office_details(
        viewer=viewer,
        details=services.OfficeDetails(
            name=office.name, phone="+47 1", opening_hours="9–15", languages=["nb"], municipalities=["Oslo"]
        ),
    )
    taxonomy_services.add_reporting_category(
        viewer=viewer,
        labels=taxonomy_services.CategoryLabels(label_nb="Arbeid", label_sv="Arbete", label_en="Work"),
    )
    page = client_for(office_admin).get(url("overview")).content.decode()
    assert "Nothing: the office is set up." in page


@pytest.mark.parametrize(
    "role", [Role.ADVISER, Role.COORDINATOR, Role.MEDIATOR, Role.DATA_PROTECTION_OFFICER]
)
def test_other_roles_are_refused_office_administration_and_do_not_see_its_link(
    role: Role, office: Office, client_for: ClientFor
) -> None:
    client = client_for(make_staff(office, role))
    assert client.get(url("overview")).status_code == 403
    assert client.get(url("staff_list")).status_code == 403
    assert client.post(url("staff_add"), {"username": "x"}).status_code == 403
    assert "Office administration" not in client.get(reverse("home")).content.decode()


def test_the_navigation_offers_office_administration_to_the_admin(
    office_admin: User, client_for: ClientFor
) -> None:
    page = client_for(office_admin).get(reverse("home")).content.decode()
    assert f'href="{url("overview")}"' in page


def test_adding_a_person_shows_the_password_and_qr_code_once(
    office: Office, office_admin: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    response = client.post(
        url("staff_add"),
        {
            "first_name": "Nina",
            "last_name": "Ny",
            "username": "nina",
            "email": "",
            "roles": ["adviser"],
            **HAND_OVER,
        },
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    nina = User.objects.get(username="nina")
    password = re.search(r'<code id="new-password">([^<]+)</code>', page)
    assert password is not None
    assert nina.check_password(password.group(1))
    assert "<svg" in page
    assert "QR code to scan with the authenticator app" in page
    secret = re.search(r'data-secret="([A-Z2-7]+)"', page)
    device = TOTPDevice.objects.get(user=nina)
    assert secret is not None
    assert secret.group(1) == base64.b32encode(device.bin_key).decode().rstrip("=")

    # The person's own page shows neither again.
    later = client.get(url("staff_detail", nina.public_id)).content.decode()
    assert password.group(1) not in later
    assert secret.group(1) not in later
    assert "<svg" not in later


def test_a_taken_username_is_shown_on_its_field_keeping_what_was_typed(
    office_admin: User, client_for: ClientFor
) -> None:
    response = client_for(office_admin).post(
        url("staff_add"),
        {"first_name": "Olga", "last_name": "To", "username": "olga", "roles": ["adviser"], **HAND_OVER},
    )
    page = response.content.decode()
    assert "This username is taken" in page
    assert 'value="To"' in page


def test_revoking_ones_own_admin_role_is_refused_with_a_message(
    office: Office, office_admin: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    response = client.post(
        url("staff_revoke_role", office_admin.public_id), {"role": "office_admin"}, follow=True
    )
    assert "the office&#x27;s only administrator" in response.content.decode()
    assert viewer_of(office_admin).roles == {Role.OFFICE_ADMIN}


def test_deactivating_the_last_admin_is_refused_with_a_message(
    office: Office, office_admin: User, client_for: ClientFor
) -> None:
    response = client_for(office_admin).post(url("staff_deactivate", office_admin.public_id), follow=True)
    assert "only administrator" in response.content.decode()
    office_admin.refresh_from_db()
    assert office_admin.is_active


def test_granting_revoking_and_deactivating_through_the_pages(
    office: Office, office_admin: User, adviser: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    page = client.post(url("staff_grant_role", adviser.public_id), {"role": "mediator"}, follow=True)
    assert "Aisha Adviser is now mediator." in page.content.decode()
    page = client.post(url("staff_revoke_role", adviser.public_id), {"role": "adviser"}, follow=True)
    assert "Aisha Adviser is no longer legal adviser." in page.content.decode()
    assert viewer_of(adviser).roles == {Role.MEDIATOR}
    confirm = client.get(url("staff_deactivate", adviser.public_id))
    assert "Deactivate Aisha Adviser?" in confirm.content.decode()
    client.post(url("staff_deactivate", adviser.public_id))
    adviser.refresh_from_db()
    assert not adviser.is_active


def test_a_new_password_and_authenticator_are_shown_once_and_audited(
    office_admin: User, adviser: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    page = client.post(url("staff_reset_password", adviser.public_id)).content.decode()
    password = re.search(r'<code id="new-password">([^<]+)</code>', page)
    assert password is not None
    adviser.refresh_from_db()
    assert adviser.check_password(password.group(1))
    page = client.post(
        url("staff_add_authenticator", adviser.public_id), {"name": "Work phone"}
    ).content.decode()
    assert "<svg" in page
    page = client.post(url("staff_reset_authenticators", adviser.public_id)).content.decode()
    assert "<svg" in page
    assert TOTPDevice.objects.filter(user=adviser).count() == 1
    assert list(
        AuditEvent.objects.filter(target_id=str(adviser.public_id))
        .order_by("id")
        .values_list("action", flat=True)
    ) == [AuditAction.RESET_PASSWORD, AuditAction.ADD_AUTHENTICATOR, AuditAction.RESET_AUTHENTICATORS]


def test_a_person_of_another_office_is_not_found(
    office_admin: User, other_adviser: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    assert client.get(url("staff_detail", other_adviser.public_id)).status_code == 404
    for name in ("staff_reset_password", "staff_reset_authenticators", "staff_deactivate"):
        assert client.post(url(name, other_adviser.public_id)).status_code == 404
    assert (
        client.post(url("staff_grant_role", other_adviser.public_id), {"role": "mediator"}).status_code == 404
    )
    assert "Bjørn" not in client.get(url("staff_list")).content.decode()
    assert not AuditEvent.objects.filter(target_id=str(other_adviser.public_id)).exists()


def test_the_office_details_page_saves_the_details(
    office: Office, office_admin: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    assert 'value="DiMe Oslo"' in client.get(url("office_details")).content.decode()
    response = client.post(
        url("office_details"),
        {
            "name": "DiMe Oslo",
            "phone": "",
            "email": "oslo@example.org",
            "address": "",
            "opening_hours": "Mandag–fredag 9–15",
            "languages": ["nb", "so"],
            "municipalities": "Oslo\r\nBærum\r\n",
        },
    )
    assert response.status_code == 302
    office.refresh_from_db()
    assert office.opening_hours == "Mandag–fredag 9–15"
    assert office.languages == ["nb", "so"]
    assert office.municipalities == ["Oslo", "Bærum"]


def test_categories_are_added_renamed_and_retired_through_the_pages(
    office: Office, office_admin: User, other_admin: User, client_for: ClientFor
) -> None:
    theirs = taxonomy_services.add_reporting_category(
        viewer=viewer_of(other_admin), labels=taxonomy_services.CategoryLabels("Bolig", "Bostad", "Housing")
    )
    client = client_for(office_admin)
    client.post(url("category_add"), {"label_nb": "Idrett", "label_sv": "Idrott", "label_en": "Sport"})
    listing = client.get(url("category_list")).content.decode()
    assert "Sport" in listing
    assert "Housing" not in listing
    category = office.reporting_categories.get()
    client.post(
        url("category_edit", category.public_id),
        {"label_nb": "Idrett", "label_sv": "Idrott", "label_en": "Sport and leisure"},
    )
    client.post(url("category_retire", category.public_id))
    category.refresh_from_db()
    assert (category.label_en, category.is_active) == ("Sport and leisure", False)
    assert client.get(url("category_edit", theirs.public_id)).status_code == 404
    assert client.post(url("category_retire", theirs.public_id)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_active


def test_the_page_of_someone_who_also_works_elsewhere_offers_no_password_or_authenticator_change(
    office: Office, other_office: Office, office_admin: User, adviser: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    assert "Make a new password" in client.get(url("staff_detail", adviser.public_id)).content.decode()
    Membership.objects.create(user=adviser, office=other_office, role=Role.MEDIATOR)
    page = client.get(url("staff_detail", adviser.public_id)).content.decode()
    assert "Also works in another office" in page
    assert "Make a new password" not in page
    assert "Replace the authenticators" not in page
    assert "Revoke Mediator" not in page  # the role in the other office is not this office's to revoke


def test_retiring_a_retired_category_says_so_and_changes_nothing(
    office: Office, office_admin: User, client_for: ClientFor
) -> None:
    category = taxonomy_services.add_reporting_category(
        viewer=viewer_of(office_admin), labels=taxonomy_services.CategoryLabels("Idrett", "Idrott", "Sport")
    )
    client = client_for(office_admin)
    first = client.post(url("category_retire", category.public_id), follow=True).content.decode()
    assert "Retired “Idrett”" in first or "Retired “Sport”" in first
    again = client.post(url("category_retire", category.public_id), follow=True).content.decode()
    assert "This category is already retired." in again
    assert "Retired “" not in again
    assert (
        AuditEvent.objects.filter(action=AuditAction.RETIRE, target_id=str(category.public_id)).count() == 1
    )
