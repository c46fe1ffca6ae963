"""Confidentiality per role: the mediator's notes (the talks' notes, the notes, the agreement) are
read by mediators only; the adviser sees the bench's stage and outcome; the audit log shows who
read what, and who was refused."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.core import clock
from likeverd.mediation import selectors, services
from likeverd.mediation.models import BenchOutcome, Side
from likeverd.mediation.tests.helpers import consented, mediator_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

TALK = "He admitted he shouted at her because of her scarf"
NOTE = "She needs time; next talk after Eid"


@pytest.fixture
def bench(office: Office, adviser: User):  # type: ignore[no-untyped-def]
    mediator = mediator_in(office, "mona.mediator")
    referral = consented(viewer_of(adviser), mediator)
    mediating = viewer_of(mediator)
    services.add_talk(
        viewer=mediating, referral=referral, side=Side.COUNTERPART, held_on=clock.today(), note=TALK
    )
    services.add_note(viewer=mediating, referral=referral, body=NOTE)
    services.record_outcome(viewer=mediating, referral=referral, outcome=BenchOutcome.RESOLVED_IN_PREPARATION)
    return mediator, referral


def test_a_mediator_reads_the_notes_and_the_read_is_logged(bench) -> None:  # type: ignore[no-untyped-def]
    mediator, referral = bench
    confidential = selectors.get_confidential(viewer=viewer_of(mediator), referral=referral)
    assert [talk.note for talk in confidential.talks] == [TALK]
    assert [note.body for note in confidential.notes] == [NOTE]
    read = AuditEvent.objects.get(action=AuditAction.VIEW, actor=mediator, detail__screen="mediator_notes")
    assert read.target_id == str(referral.public_id)
    assert read.detail["notes"] == 1
    assert read.detail["talks"] == 1


@pytest.mark.parametrize(
    "role", [Role.ADVISER, Role.DATA_PROTECTION_OFFICER, Role.COORDINATOR, Role.OFFICE_ADMIN]
)
def test_no_other_role_reads_the_notes_and_the_refusal_is_logged(bench, office: Office, role: Role) -> None:  # type: ignore[no-untyped-def]
    _mediator, referral = bench
    person = make_staff(office, role)
    with pytest.raises(PermissionDenied):
        selectors.get_confidential(viewer=viewer_of(person), referral=referral)
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, actor=person).count() == 1


def test_the_adviser_sees_stage_and_outcome_but_never_the_notes(bench, adviser: User, client_for) -> None:  # type: ignore[no-untyped-def]
    _mediator, referral = bench
    client = client_for(adviser)
    page = client.get(reverse("cases:case_detail", args=[referral.case.public_id])).content.decode()
    assert 'data-bench-stage="outcome"' in page
    assert 'data-bench-outcome="resolved_in_preparation"' in page
    assert TALK not in page
    assert NOTE not in page
    assert client.get(reverse("mediation:referral", args=[referral.public_id])).status_code == 403
    assert client.get(reverse("mediation:agreement_pdf", args=[referral.public_id])).status_code == 403


def test_the_mediators_bench_page_shows_the_notes_and_logs_who_read_them(bench, client_for) -> None:  # type: ignore[no-untyped-def]
    mediator, referral = bench
    page = client_for(mediator).get(reverse("mediation:referral", args=[referral.public_id])).content.decode()
    assert TALK in page
    assert NOTE in page
    reads = AuditEvent.objects.filter(
        action=AuditAction.VIEW, actor=mediator, case_id=str(referral.case.public_id)
    )
    assert reads.filter(detail__screen="mediator_notes").count() == 1
    assert reads.filter(target_id=str(referral.public_id)).count() >= 2  # the referral and its notes


def test_the_notes_are_encrypted_at_rest(bench) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM mediation_preparatorytalk")
        stored = bytes(cursor.fetchone()[0])
        cursor.execute("SELECT body FROM mediation_mediatornote")
        stored_note = bytes(cursor.fetchone()[0])
    assert TALK.encode() not in stored
    assert NOTE.encode() not in stored_note
