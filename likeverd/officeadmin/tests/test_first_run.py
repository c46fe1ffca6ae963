"""A new office in one sitting: `createoffice` and `createstaff` at the command line, then the
first administrator does everything else in the browser."""

import re
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff
from likeverd.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_createoffice_and_one_admin_then_the_rest_in_the_browser(
    client_for: Callable[[User], Client],
) -> None:
    call_command(
        "createoffice", "--name", "DiMe Drammen", "--code", "DRM", "--jurisdiction", "NO", stdout=StringIO()
    )
    printed = StringIO()
    call_command(
        "createstaff",
        *("--office", "DRM", "--username", "kari", "--first-name", "Kari", "--last-name", "Nordmann"),
        *("--role", "office_admin", "--no-qr"),
        stdout=printed,
    )
    [generated] = re.findall(r"^Password: (\S+)$", printed.getvalue(), flags=re.MULTILINE)
    office = Office.objects.get(code="DRM")
    kari = User.objects.get(username="kari")
    created = AuditEvent.objects.get(action=AuditAction.CREATE, target_id=str(kari.public_id))
    assert (created.office, created.actor, created.detail["via"]) == (office, None, "command line")
    assert (created.actor_kind, created.actor_label) == ("system", "the command line")  # never nobody

    client = client_for(kari)
    # The installer read the generated password off the terminal: Kari chooses her own first.
    assert client.get(reverse("home"))["Location"].startswith(reverse("accounts:change_password"))
    new_password = {"new_password1": "fjord kettle lantern oak", "new_password2": "fjord kettle lantern oak"}
    changed = client.post(
        reverse("accounts:change_password"), {"current_password": generated, **new_password}
    )
    assert changed.status_code == 302
    home = client.get(reverse("home")).content.decode()
    assert "Running DiMe Drammen" in home
    assert "No legal adviser works in the office yet" in home
    assert "no reporting categories" not in home  # createoffice added the defaults

    response = client.post(
        reverse("officeadmin:staff_add"),
        {
            "first_name": "Per",
            "last_name": "Rådgiver",
            "username": "per",
            "roles": ["adviser"],
            "how": "password",
        },
    )
    assert response.status_code == 200
    assert User.objects.get(username="per").memberships.get().office == office


def test_the_staff_list_takes_the_same_queries_for_many_people(
    office: Office, office_admin: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(office_admin)
    make_staff(office, Role.ADVISER)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("officeadmin:staff_list")).status_code == 200
    for role in (Role.ADVISER, Role.MEDIATOR, Role.COORDINATOR, Role.DATA_PROTECTION_OFFICER):
        make_staff(office, role, Role.ADVISER if role != Role.ADVISER else Role.MEDIATOR)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("officeadmin:staff_list")).content.decode()
    assert len(set(re.findall(r"/office/staff/[0-9a-f-]{36}/", page))) == 6  # five and the admin
    assert len(many.captured_queries) == len(few.captured_queries)
