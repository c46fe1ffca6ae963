"""Search of the directory: by need, place and language, urgent help first, never another office's rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from likeverd.accounts.models import Office
from likeverd.directory.models import AreaKind, Need, Service, ServiceStatus
from likeverd.directory.selectors import (
    get_service,
    list_places,
    list_services_for_actor,
    search_services,
    suggest_services,
)
from likeverd.directory.tests.factories import AreaFactory, LanguageFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def names(services: object) -> list[str]:
    return [service.name for service in services]  # type: ignore[attr-defined]


@pytest.fixture
def oslo_service(office: Office) -> Service:
    service = ServiceFactory.create(office=office, name="Oslo-kontorets egen leksehjelp")
    AreaFactory.create(service=service, name="Oslo")
    return service


def test_an_office_sees_the_network_and_its_own_services_never_another_offices(
    office: Office, other_office: Office, oslo_service: Service
) -> None:
    own = names(search_services(office=office))
    other = names(search_services(office=other_office))
    network = names(search_services(office=None))

    assert "Oslo-kontorets egen leksehjelp" in own
    assert "Oslo-kontorets egen leksehjelp" not in other
    assert "Oslo-kontorets egen leksehjelp" not in network
    assert "Gratis juridisk veiledning om diskriminering" in own
    assert "Gratis juridisk veiledning om diskriminering" in other
    assert get_service(office=office, public_id=oslo_service.public_id) == oslo_service
    with pytest.raises(Service.DoesNotExist):
        get_service(office=other_office, public_id=oslo_service.public_id)
    AreaFactory.create(service=oslo_service, kind=AreaKind.MUNICIPALITY, name="Nesodden")
    assert "Nesodden" in list_places(office=office)
    assert "Nesodden" not in list_places(office=other_office)


def test_urgent_help_comes_first(office: Office) -> None:
    services = list(search_services(office=office, country="NO"))
    urgent = [service.is_urgent for service in services]
    assert urgent[0] is True
    assert urgent == sorted(urgent, reverse=True)
    assert names(services)[:2] == [
        "Bistand og beskyttelse for kvinner utsatt for menneskehandel",
        "Nødnummer 112 (politi)",
    ]


def test_search_by_need_finds_the_services_for_that_need(office: Office) -> None:
    found = names(search_services(office=office, need="forced_marriage"))
    assert "Hjelp til unge som frykter tvangsekteskap" in found
    assert "Egen oppholdstillatelse etter mishandling eller tvangsekteskap" in found
    assert "Klage på offentlig forvaltning" not in found


def test_search_by_municipality_finds_local_services_and_those_of_the_whole_country(office: Office) -> None:
    bergen = names(search_services(office=office, municipality="bergen"))
    assert "Klage på diskriminering, trakassering og gjengjeldelse" in bergen  # in Bergen, for all of Norway
    assert "Gratis rettshjelp fra jusstudenter" in bergen  # Jussformidlingen in Bergen
    assert "Gratis helsehjelp for papirløse migranter" in bergen
    assert "Rettshjelp og megling ved rasisme og diskriminering" not in bergen  # DiMe, Oslo only
    assert "Anmäla diskriminering och repressalier" not in bergen  # Swedish, whole of Sweden

    dalarna = names(search_services(office=None, municipality="Dalarna", country="SE"))
    assert "Rådgivning vid diskriminering i Dalarna" in dalarna
    assert "Kostnadsfri rådgivning vid diskriminering" not in dalarna  # Uppsala and Norrbotten
    assert "Nödnummer 112 (polis)" in dalarna


def test_search_by_language(office: Office, oslo_service: Service) -> None:
    LanguageFactory.create(service=oslo_service, code="ar", name="Arabic")
    assert names(search_services(office=office, language="ar")) == ["Oslo-kontorets egen leksehjelp"]
    swedish = names(search_services(office=office, language="sv"))
    assert "Polisanmäla hatbrott" in swedish
    assert "Polisanmäla hatbrott" not in names(search_services(office=office, language="nb"))


def test_filters_combine(office: Office) -> None:
    found = names(search_services(office=office, need="hate_crime", municipality="Oslo", language="nb"))
    assert found[0] == "Nødnummer 112 (politi)"
    assert "Rettshjelp og megling ved rasisme og diskriminering" in found
    assert "Polisanmäla hatbrott" not in found


def test_search_by_words_in_the_name_or_the_organization(office: Office) -> None:
    assert "Innkvartering i asylmottak" in names(search_services(office=office, text="UDI"))
    assert names(search_services(office=office, text="asylmottak innkvartering")) == [
        "Innkvartering i asylmottak"
    ]


def test_closed_services_are_not_offered(office: Office, oslo_service: Service) -> None:
    oslo_service.status = ServiceStatus.DEFUNCT
    oslo_service.save()
    assert "Oslo-kontorets egen leksehjelp" not in names(search_services(office=office))


def test_suggestions_for_a_persons_problems_put_urgent_help_and_the_best_match_first(office: Office) -> None:
    suggestions = names(
        suggest_services(office=office, needs=["trafficking", "residence_permit"], municipality="Oslo")
    )
    assert suggestions[0] == "Bistand og beskyttelse for kvinner utsatt for menneskehandel"
    assert suggestions.index("Refleksjonsperiode for ofre for menneskehandel") < suggestions.index(
        "Klage over avslag fra UDI"
    )
    assert all("Sverige" not in name for name in suggestions)
    assert suggest_services(office=office, needs=[]) == []


def test_a_search_costs_the_same_few_queries_however_many_services_match(office: Office) -> None:
    with CaptureQueriesContext(connection) as few:
        list(search_services(office=office, need="hate_crime"))
    with CaptureQueriesContext(connection) as many:
        list(search_services(office=office))
    assert len(many) == len(few) <= 8
    assert Need.objects.exists()


def test_the_services_of_an_actor_the_assessment_suggests(office: Office, other_office: Office) -> None:
    police = Service.objects.filter(organization__actor_code="POLITIET").first()
    assert police is not None
    own = ServiceFactory.create(
        office=office, organization=police.organization, name="Politikontakten i bydelen"
    )

    assert names(list_services_for_actor(office=office, actor_code="POLITIET")) == [
        "Nødnummer 112 (politi)",
        "Anmelde hatkriminalitet og hatefulle ytringer",
        "Politikontakten i bydelen",
    ]
    assert own not in list_services_for_actor(office=other_office, actor_code="POLITIET")
    assert names(list_services_for_actor(office=office, actor_code="DO")) == [
        "Anmäla diskriminering och repressalier"
    ]
    assert not list_services_for_actor(office=office, actor_code="")
