from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff

pytestmark = pytest.mark.django_db


def test_an_office_is_addressed_by_its_public_id_in_the_admin(
    office: Office, client_for: Callable[[User], Client]
) -> None:
    installer: User = make_staff(office, Role.OFFICE_ADMIN, is_staff=True, is_superuser=True)
    client = client_for(installer)

    listing = client.get(reverse("admin:accounts_office_changelist")).content.decode()
    by_public_id = reverse("admin:accounts_office_change", args=[str(office.public_id)])
    assert by_public_id in listing
    assert client.get(by_public_id).status_code == 200
    by_sequential_id = reverse("admin:accounts_office_change", args=[office.pk])
    assert by_sequential_id not in listing
    assert client.get(by_sequential_id, follow=True).request["PATH_INFO"] != by_sequential_id
