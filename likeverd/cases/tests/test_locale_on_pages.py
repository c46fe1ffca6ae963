"""The case pages in the reader's language: languages by name, dates and times day first in
24-hour time, whatever the interface language."""

from collections.abc import Callable
from uuid import UUID

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.models import PartyRole
from likeverd.cases.services import PersonDetails
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def case_page(client: Client, public_id: UUID, language: str) -> str:
    with translation.override(language):
        address = reverse("cases:case_detail", args=[public_id])
    return client.get(address).content.decode()


@pytest.mark.parametrize(
    ("language", "arabic", "somali"),
    [("nb", "arabisk", "somali"), ("sv", "arabiska", "somaliska"), ("en", "Arabic", "Somali")],
)
def test_a_partys_language_is_named_not_coded_on_the_case_page(
    office: Office, adviser: User, client_for: ClientFor, language: str, arabic: str, somali: str
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer, person_name="Amina Hassan")
    for name, code, needs_interpreter in (("Samir", "ar", True), ("Hodan", "so", False)):
        services.add_party(
            viewer=viewer,
            case=case,
            role=PartyRole.WITNESS,
            details=PersonDetails(name=name, language=code, needs_interpreter=needs_interpreter),
        )

    page = case_page(client_for(adviser), case.public_id, language)

    assert f"({arabic})" in page
    assert f": {somali}</li>" in page
    assert "(ar)" not in page
