"""The staff directory pages: search with urgent help first, a service's page, an office's own services."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.directory.models import Organization, Service
from likeverd.directory.selectors import search_services
from likeverd.directory.tests.factories import AreaFactory, ServiceFactory

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def url(name: str, *args: Any) -> str:
    with translation.override("en"):
        return reverse(f"directory:{name}", args=args)


@pytest.fixture
def office_admin(office: Office) -> User:
    return make_staff(office, Role.OFFICE_ADMIN, username="admin")


def test_the_directory_opens_on_the_offices_country_with_urgent_help_first(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    page = client_for(adviser).get(url("directory_search")).content.decode()
    assert page.index("Nødnummer 112 (politi)") < page.index("Gratis juridisk veiledning om diskriminering")
    assert "Polisanmäla hatbrott" not in page
    assert 'href="tel:112"' in page
    assert 'aria-current="page"' in page


def test_staff_search_by_need_municipality_and_language(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    client = client_for(adviser)
    page = client.get(
        url("directory_search"), {"need": "forced_marriage", "municipality": "Stavanger"}
    ).content.decode()
    assert "Hjelp til unge som frykter tvangsekteskap" in page
    assert "22 03 48 30" in page
    assert "Jussbuss" not in page
    swedish = client.get(url("directory_search"), {"language": "sv", "country": ""}).content.decode()
    assert "Polisanmäla hatbrott" in swedish
    assert "114 14" in swedish


def test_a_service_page_shows_its_facts_and_when_they_were_checked(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    seif = Service.objects.get(name="Hjelp til unge som frykter tvangsekteskap")
    page = client_for(adviser).get(url("service_detail", seif.public_id)).content.decode()
    assert "Mandag til torsdag kl. 09.00–16.00." in page
    assert "SEIF Trondheim" in page
    assert "Forced marriage" in page
    assert 'datetime="2026-11-29"' in page
    assert "Edit" not in page


def test_another_office_never_sees_an_offices_own_service(
    office: Office, other_office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    own = ServiceFactory.create(office=office, name="Oslos egen kafékveld")
    AreaFactory.create(service=own, name="Oslo")

    assert "Oslos egen kafékveld" in client_for(adviser).get(url("directory_search")).content.decode()
    other = client_for(other_adviser)
    assert "Oslos egen kafékveld" not in other.get(url("directory_search")).content.decode()
    assert other.get(url("service_detail", own.public_id)).status_code == 404


def test_the_search_costs_the_same_queries_for_few_or_many_results(
    office: Office, adviser: User, client_for: ClientFor, django_assert_max_num_queries: Any
) -> None:
    client = client_for(adviser)
    with CaptureQueriesContext(connection) as few:
        client.get(url("directory_search"), {"need": "trafficking"})
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("directory_search"), {"country": ""})
    assert f"{search_services(office=office).count()} services" in response.content.decode()


def test_an_office_admin_adds_and_edits_an_own_service(
    office: Office, office_admin: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    response = client.post(
        url("organization_create"), {"name": "Biblioteket på Grünerløkka", "description": "Bibliotek."}
    )
    assert response.status_code == 302
    library = Organization.objects.get(name="Biblioteket på Grünerløkka", office=office)

    response = client.post(
        url("service_create"),
        {
            "organization": library.pk,
            "name": "Juridisk kafé",
            "description": "Jurister svarer på spørsmål.",
            "status": "active",
            "phone": "22 12 34 56",
            "municipalities": "Oslo",
            "languages": ["nb", "ar"],
        },
    )
    service = Service.objects.get(name="Juridisk kafé")
    assert response.status_code == 302
    assert response["Location"] == url("service_detail", service.public_id)
    assert service.office == office

    page = client.get(url("service_edit", service.public_id)).content.decode()
    assert 'value="22 12 34 56"' in page
    response = client.post(
        url("service_edit", service.public_id),
        {
            "organization": library.pk,
            "name": "Juridisk kafé hver onsdag",
            "description": "Jurister.",
            "status": "active",
        },
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Juridisk kafé hver onsdag"
    assert list(
        AuditEvent.objects.filter(actor=office_admin, target_type="directory.Service").values_list(
            "action", flat=True
        )
    ) == [AuditAction.CHANGE, AuditAction.CREATE]
    assert "Juridisk kafé hver onsdag" in client.get(url("office_services")).content.decode()


def test_a_missing_name_is_shown_on_the_form(
    office: Office, office_admin: User, client_for: ClientFor
) -> None:
    response = client_for(office_admin).post(
        url("service_create"),
        {"organization": Organization.objects.filter(office__isnull=True).first().pk},  # type: ignore[union-attr]
    )
    assert response.status_code == 200
    assert "Please check the form" in response.content.decode()
    assert not Service.objects.filter(office=office).exists()


def test_network_services_and_other_offices_services_cannot_be_edited(
    office: Office, other_office: Office, office_admin: User, client_for: ClientFor
) -> None:
    client = client_for(office_admin)
    network = Service.objects.filter(office__isnull=True).first()
    theirs = ServiceFactory.create(office=other_office)
    assert network is not None
    assert client.get(url("service_edit", network.public_id)).status_code == 404
    assert client.get(url("service_edit", theirs.public_id)).status_code == 404
    assert client.post(url("service_edit", theirs.public_id), {"name": "Mine now"}).status_code == 404


def test_an_adviser_may_search_but_not_add_services(adviser: User, client_for: ClientFor) -> None:
    client = client_for(adviser)
    assert client.get(url("directory_search")).status_code == 200
    assert client.get(url("office_services")).status_code == 403
    assert client.get(url("service_create")).status_code == 403


def test_the_directory_is_for_staff_only(client: Client) -> None:
    response = client.get(url("directory_search"))
    assert response.status_code == 302
    assert "login" in response["Location"]
