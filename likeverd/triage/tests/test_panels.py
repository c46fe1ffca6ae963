"""Triage on the case screens (through likeverd.cases.registry): the case page's section
"Sorting and legal assessment" and the dashboard's deadlines box, read-only and audited."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services as case_services
from likeverd.cases.dates import parse_incident_date
from likeverd.cases.models import Case, Channel
from likeverd.cases.services import CaseDetails
from likeverd.cases.tests.pages import ClientFor, url
from likeverd.triage import services
from likeverd.triage.services import SortingAnswers

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 29)
NOW = dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC)


def register(user: User, *, incident: str = "", place_kind: str = "") -> Case:
    details = CaseDetails(
        channel=Channel.PHONE,
        narrative="Refused at the door.",
        incident_date=parse_incident_date(incident, today=TODAY),
        place_kind=place_kind,
    )
    return case_services.register_case(viewer=viewer_of(user), details=details)


@time_machine.travel(NOW, tick=False)
def test_the_case_page_shows_running_deadlines_evidence_and_other_actors(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(adviser, incident="14.03.2025", place_kind="nightlife")

    page = client_for(adviser).get(url("case_detail", case.public_id)).content.decode()
    assert "Sorting and legal assessment" in page
    assert "Running deadlines" in page
    assert 'datetime="2028-03-14"' in page  # the tribunal's three years from 14 March 2025
    assert "Evidence to secure" in page
    assert "Others who can act" in page
    assert "The sorting conversation has not been saved yet." in page


@time_machine.travel(NOW, tick=False)
def test_an_approximate_incident_date_says_the_date_is_the_earliest_possible_expiry(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(adviser, incident="mars 2025")
    page = client_for(adviser).get(url("case_detail", case.public_id)).content.decode()
    assert 'datetime="2028-03-01"' in page
    assert "approximate: earliest possible expiry" in page


@time_machine.travel(NOW, tick=False)
def test_reading_the_section_audits_the_sorting_record_and_shows_secured_evidence(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(adviser, incident="14.03.2025", place_kind="nightlife")
    viewer = viewer_of(adviser)
    record = services.save_sorting(viewer=viewer, case=case, answers=SortingAnswers(what_happened="Refused"))
    services.add_evidence(
        viewer=viewer, case=case, item="DOOR_STAFF", description="", held_by="", is_secured=True
    )

    page = client_for(adviser).get(url("case_detail", case.public_id)).content.decode()
    assert "The sorting conversation has not been saved yet." not in page
    assert "Secured" in page
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, target_type="triage.SortingRecord", target_id=str(record.public_id)
    ).exists()


@time_machine.travel(NOW, tick=False)
def test_the_dashboard_box_lists_deadlines_within_30_days_of_the_own_office_only(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    soon = register(adviser, incident="20.12.2023")  # the tribunal's three years end 20.12.2026
    later = register(adviser, incident="01.06.2026")
    elsewhere = register(other_adviser, incident="20.12.2023")

    page = client_for(adviser).get(url("dashboard")).content.decode()
    box = page.split('id="deadlines-soon"')[1].split("</section>")[0]
    assert "Deadlines ending within 30 days" in box
    assert soon.number in box
    assert later.number not in box
    assert elsewhere.number not in page
    listed = AuditEvent.objects.get(action=AuditAction.LIST, actor=adviser)
    assert listed.detail == {"list": "upcoming_deadlines", "cases": 1}
    assert listed.office_id == office.pk


@time_machine.travel(NOW, tick=False)
def test_the_box_and_section_speak_norwegian(office: Office, adviser: User, client_for: ClientFor) -> None:
    case = register(adviser, incident="20.12.2023")
    client = client_for(adviser)
    with translation.override("nb"):
        page_url, dashboard_url = (
            reverse("cases:case_detail", args=[case.public_id]),
            reverse("cases:dashboard"),
        )
    page = client.get(page_url).content.decode()
    dashboard = client.get(dashboard_url).content.decode()
    assert "Sortering og juridisk vurdering" in page
    assert "Frister som løper ut innen 30 dager" in dashboard


@time_machine.travel(NOW, tick=False)
def test_each_other_actor_with_a_directory_entry_links_to_it(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    from likeverd.directory.selectors import services_for_actors
    from likeverd.triage import selectors

    case = register(adviser, incident="14.03.2025", place_kind="nightlife")
    actors = selectors.case_other_actors(case=case)
    entries = services_for_actors(office=office, actor_codes=[actor.code for actor in actors])
    assert entries, "the seeded directory has entries for the actors a nightlife case suggests"

    page = client_for(adviser).get(url("case_detail", case.public_id)).content.decode()
    for code, service in entries.items():
        assert code in {actor.code for actor in actors}
        assert f'href="{reverse("directory:service_detail", args=[service.public_id])}"' in page
