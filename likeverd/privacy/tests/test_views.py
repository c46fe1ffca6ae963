import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, url

pytestmark = pytest.mark.django_db


def test_the_json_record_is_not_found_for_another_office(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser), person_name="Amina Hassan")
    own = client_for(adviser).get(url("privacy:case_export", case.public_id))
    assert own.status_code == 200
    assert own.json()["parties"][0]["name"] == "Amina Hassan"
    assert client_for(other_adviser).get(url("privacy:case_export", case.public_id)).status_code == 404


def test_the_data_protection_officer_reads_the_offices_audit_log_and_nothing_else(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    ours = register(viewer_of(adviser))
    theirs = register(viewer_of(other_adviser))
    dpo = make_staff(office, Role.DATA_PROTECTION_OFFICER)
    page = client_for(dpo).get(url("privacy:office_audit_log")).content.decode()
    assert url("privacy:office_audit_log") in page  # in the main navigation
    assert ours.number in page
    assert theirs.number not in page
    assert client_for(adviser).get(url("privacy:office_audit_log")).status_code == 403
