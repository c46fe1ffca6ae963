"""Opening a case without a staff member: a reporter's form or a system job opens it for a given
office, and the timeline and the audit log name that actor, never nobody."""

import pytest
from django.http import Http404

from likeverd.accounts.actors import ReporterActor, SystemActor
from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.actors import ActorKind
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import selectors, services
from likeverd.cases.models import Channel, EventKind, PartyRole
from likeverd.cases.services import CaseDetails, PersonDetails
from likeverd.cases.tests.pages import ClientFor, url

pytestmark = pytest.mark.django_db


def test_a_reporter_opens_a_case_and_the_timeline_and_log_name_the_public_form(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    reporter = ReporterActor("the public form", office)
    case = services.open_case(
        actor=reporter,
        office=office,
        details=CaseDetails(channel=Channel.WEB, narrative="Refused a flat because of my name"),
    )

    assert case.office == office
    assert case.number.startswith(f"{office.code}-")
    created = case.events.get(kind=EventKind.CREATED)
    assert created.author is None
    assert (created.actor_kind, created.actor_label) == (ActorKind.REPORTER, "the public form")
    audit = AuditEvent.objects.get(case_id=str(case.public_id), action=AuditAction.CREATE)
    assert audit.actor_id is None
    assert (audit.actor_kind, audit.actor_label, audit.office_id) == (
        ActorKind.REPORTER,
        "the public form",
        office.pk,
    )

    # The office's staff see the case, its timeline says who opened it, and so does its history.
    page = client_for(adviser).get(url("case_detail", case.public_id)).content.decode()
    assert "Refused a flat because of my name" in page
    assert "the public form" in page
    history = client_for(adviser).get(url("case_access_history", case.public_id)).content.decode()
    assert "the public form" in history


def test_a_system_import_opens_a_case_with_its_person_and_every_row_names_the_import(office: Office) -> None:
    importer = SystemActor("the import of file cases-2025.xlsx")
    case = services.open_case(
        actor=importer,
        office=office,
        details=CaseDetails(channel=Channel.EMAIL, narrative="Imported case"),
        person=PersonDetails(name="Amina Hassan", role=PartyRole.PERSON),
    )

    assert case.parties.get().name == "Amina Hassan"
    assert {(e.kind, e.actor_kind, e.actor_label) for e in case.events.all()} == {
        (EventKind.CREATED, ActorKind.SYSTEM, "the import of file cases-2025.xlsx"),
        (EventKind.PARTY, ActorKind.SYSTEM, "the import of file cases-2025.xlsx"),
    }
    rows = AuditEvent.objects.filter(case_id=str(case.public_id))
    assert {(row.target_type, row.actor_kind, row.actor_label) for row in rows} == {
        ("cases.Case", ActorKind.SYSTEM, "the import of file cases-2025.xlsx"),
        ("cases.Party", ActorKind.SYSTEM, "the import of file cases-2025.xlsx"),
    }


def test_a_case_opened_for_one_office_stays_out_of_another_offices_sight(
    office: Office, other_office: Office, adviser: User, other_adviser: User
) -> None:
    case = services.open_case(
        actor=ReporterActor("the public form", other_office),
        office=other_office,
        details=CaseDetails(channel=Channel.WEB, narrative="For the other office"),
    )

    assert case.number.startswith(f"{other_office.code}-")
    with pytest.raises(Http404):
        selectors.get_case(viewer=viewer_of(adviser), public_id=str(case.public_id))
    assert selectors.get_case(viewer=viewer_of(other_adviser), public_id=str(case.public_id)) == case
    assert not AuditEvent.objects.filter(case_id=str(case.public_id), office=office).exists()


def test_staff_registration_still_names_the_staff_member(office: Office, adviser: User) -> None:
    case = services.register_case(
        viewer=viewer_of(adviser), details=CaseDetails(channel=Channel.PHONE, narrative="By phone")
    )
    created = case.events.get(kind=EventKind.CREATED)
    assert created.author == adviser
    assert created.actor_kind == ActorKind.STAFF
    audit = AuditEvent.objects.get(case_id=str(case.public_id), action=AuditAction.CREATE)
    assert (audit.actor_id, audit.actor_kind, audit.actor_label) == (
        adviser.pk,
        ActorKind.STAFF,
        adviser.username,
    )
