"""The office admin writes the public page per language; every change is audited; offices never mix."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.intake.models import OfficePageText
from likeverd.intake.services import save_office_page_text

pytestmark = pytest.mark.django_db

TEXTS = {"introduction": "نحن نساعدك.", "offer": "استشارة مجانية.", "opening_hours": "", "directions": ""}


@pytest.fixture
def office_admin(office: Office) -> User:
    return make_staff(office, Role.OFFICE_ADMIN)


def test_the_office_admin_writes_a_language_and_the_audit_log_names_the_language_and_fields(
    office: Office, office_admin: User
) -> None:
    text = save_office_page_text(viewer=viewer_of(office_admin, office), language="ar", **TEXTS)
    assert text.office == office
    event = AuditEvent.objects.get(target_id=str(text.public_id))
    assert event.action == AuditAction.CREATE
    assert event.actor == office_admin
    assert event.office == office
    assert event.detail == {"language": "ar", "fields": ["introduction", "offer"]}
    assert "نحن" not in str(event.detail)

    save_office_page_text(
        viewer=viewer_of(office_admin, office), language="ar", **{**TEXTS, "offer": "مشورة."}
    )
    change = AuditEvent.objects.filter(target_id=str(text.public_id)).order_by("-id").first()
    assert change is not None
    assert change.action == AuditAction.CHANGE
    assert change.detail["fields"] == ["offer"]


def test_only_the_office_admin_may_write_the_page(office: Office, adviser: User) -> None:
    with pytest.raises(PermissionDenied):
        save_office_page_text(viewer=viewer_of(adviser, office), language="nb", **TEXTS)
    assert not OfficePageText.objects.exists()


def test_a_language_the_public_pages_do_not_speak_is_refused(office: Office, office_admin: User) -> None:
    with pytest.raises(ValidationError):
        save_office_page_text(viewer=viewer_of(office_admin, office), language="de", **TEXTS)


def test_an_office_admin_edits_only_their_own_offices_page(
    client_for: object, office: Office, other_office: Office, office_admin: User
) -> None:
    other_admin = make_staff(other_office, Role.OFFICE_ADMIN)
    theirs = save_office_page_text(viewer=viewer_of(other_admin, other_office), language="nb", **TEXTS)
    client: Client = client_for(office_admin)  # type: ignore[operator]
    listing = client.get("/en/staff/public-page/")
    assert listing.status_code == 200
    edit = client.get("/en/staff/public-page/nb/")
    assert "نحن نساعدك." not in edit.content.decode()
    response = client.post("/en/staff/public-page/nb/", {**TEXTS, "introduction": "Vi hjelper deg i Oslo."})
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.introduction == "نحن نساعدك."
    mine = OfficePageText.objects.get(office=office, language="nb")
    assert mine.introduction == "Vi hjelper deg i Oslo."
    assert "Vi hjelper deg i Oslo." in Client().get("/nb/offices/osl/").content.decode()
    assert "Vi hjelper deg i Oslo." not in Client().get("/nb/offices/bgo/").content.decode()


def test_the_edit_screen_is_closed_to_other_roles_and_unknown_languages(
    client_for: object, office: Office, adviser: User, office_admin: User
) -> None:
    adviser_client: Client = client_for(adviser)  # type: ignore[operator]
    assert adviser_client.get("/en/staff/public-page/").status_code == 403
    admin_client: Client = client_for(office_admin)  # type: ignore[operator]
    assert admin_client.get("/en/staff/public-page/de/").status_code == 404
    arabic = admin_client.get("/en/staff/public-page/ar/").content.decode()
    assert 'lang="ar" dir="rtl"' in arabic


def test_the_office_admin_sees_the_public_page_in_the_main_navigation(
    client_for: object, office_admin: User
) -> None:
    client: Client = client_for(office_admin)  # type: ignore[operator]
    assert 'href="/en/staff/public-page/"' in client.get("/en/staff/").content.decode()
