"""Every staff page may show personal data: none is kept by a browser's or a proxy's cache."""

import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "page",
    [
        "dashboard",
        "case_list",
        "case_detail",
        "case_edit",
        "case_classify",
        "case_assign",
        "case_status",
        "case_add_entry",
        "case_add_task",
        "case_upload",
        "case_add_party",
        "case_access_history",
        "register_call",
        "privacy:office_audit_log",
        "accounts:profile",
    ],
)
def test_a_staff_page_is_sent_with_no_store(
    office: Office, adviser: User, client_for: ClientFor, page: str
) -> None:
    from likeverd.accounts.roles import Role
    from likeverd.accounts.tests.factories import make_staff

    case = register(viewer_of(adviser), person_name="Amina Hassan")
    reader = make_staff(office, Role.ADVISER, Role.DATA_PROTECTION_OFFICER)
    takes_case = page.startswith("case_") and page not in {"case_list"}
    address = url(page, case.public_id) if takes_case else url(page)

    response = client_for(reader).get(address)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_login_page_is_not_cached_either(client_for: ClientFor) -> None:
    from django.test import Client

    response = Client().get(url("accounts:login"))
    assert "no-store" in response["Cache-Control"]
