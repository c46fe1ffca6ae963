"""Encrypted fields keep the purpose their stored values were made with, and bind each value to
its row: moving a model in the code, or copying a value into another row, never silently breaks
or leaks data."""

import os
import uuid

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import connection

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases.models import Case, Party
from likeverd.cases.tests.factories import register
from likeverd.core import crypto
from likeverd.core.checks import encrypted_fields
from likeverd.core.fields import EncryptedTextField, SealedText

# Every encrypted field and the purpose its stored values are bound to. A purpose never
# changes (stored values would stop decrypting); a model that moves keeps its fields' purposes,
# and only the first column of this list changes. A new encrypted field adds a line.
PINNED_PURPOSES = {
    ("cases.Case", "narrative"): "cases.Case.narrative",
    ("cases.CaseEvent", "body"): "cases.CaseEvent.body",
    ("cases.Document", "filename"): "cases.Document.filename",
    ("cases.Party", "email"): "cases.Party.email",
    ("cases.Party", "name"): "cases.Party.name",
    ("cases.Party", "notes"): "cases.Party.notes",
    ("cases.Party", "phone"): "cases.Party.phone",
    ("cases.Task", "title"): "cases.Task.title",
    ("triage.AssessmentDecision", "reasons"): "triage.AssessmentDecision.reasons",
    ("intake.ReportConfirmation", "receipt_code"): "intake.ReportConfirmation.receipt_code",
    ("intake.WebReport", "best_time"): "intake.WebReport.best_time",
    ("intake.Booking", "email"): "intake.Booking.email",
    ("intake.Booking", "name"): "intake.Booking.name",
    ("intake.Booking", "phone"): "intake.Booking.phone",
    ("intake.ReporterMessage", "body"): "intake.ReporterMessage.body",
    ("mediation.Agreement", "text"): "mediation.Agreement.text",
    ("mediation.BenchReferral", "counterpart_contact"): "mediation.BenchReferral.counterpart_contact",
    ("mediation.BenchReferral", "counterpart_name"): "mediation.BenchReferral.counterpart_name",
    (
        "mediation.BenchReferral",
        "counterpart_representative",
    ): "mediation.BenchReferral.counterpart_representative",
    ("mediation.BenchReferral", "facts_waiver"): "mediation.BenchReferral.facts_waiver",
    ("mediation.BenchReferral", "interpreter_needs"): "mediation.BenchReferral.interpreter_needs",
    ("mediation.BenchReferral", "reasons"): "mediation.BenchReferral.reasons",
    ("mediation.Meeting", "interpreter"): "mediation.Meeting.interpreter",
    ("mediation.Meeting", "invitees"): "mediation.Meeting.invitees",
    ("mediation.Meeting", "neutrality_note"): "mediation.Meeting.neutrality_note",
    ("mediation.Meeting", "participants"): "mediation.Meeting.participants",
    ("mediation.Meeting", "place"): "mediation.Meeting.place",
    ("mediation.MediatorNote", "body"): "mediation.MediatorNote.body",
    ("mediation.PreparatoryTalk", "note"): "mediation.PreparatoryTalk.note",
    ("setup.PendingUpload", "content"): "setup.PendingUpload.content",
    ("triage.DraftVersion", "content"): "triage.DraftVersion.content",
    ("triage.Referral", "consent_given_by"): "triage.Referral.consent_given_by",
    ("triage.Referral", "need"): "triage.Referral.need",
    ("triage.Referral", "note"): "triage.Referral.note",
    ("triage.Referral", "shared_text"): "triage.Referral.shared_text",
    ("triage.SortingEvidence", "description"): "triage.SortingEvidence.description",
    ("triage.SortingEvidence", "held_by"): "triage.SortingEvidence.held_by",
    ("triage.SortingRecord", "birth_date"): "triage.SortingRecord.birth_date",
    ("triage.SortingRecord", "evidence"): "triage.SortingRecord.evidence",
    ("triage.SortingRecord", "other_problems"): "triage.SortingRecord.other_problems",
    ("triage.SortingRecord", "other_problems_notes"): "triage.SortingRecord.other_problems_notes",
    ("triage.SortingRecord", "wants"): "triage.SortingRecord.wants",
    ("triage.SortingRecord", "what_happened"): "triage.SortingRecord.what_happened",
    ("triage.SortingRecord", "when"): "triage.SortingRecord.when",
    ("triage.SortingRecord", "where"): "triage.SortingRecord.where",
    ("triage.SortingRecord", "who_was_present"): "triage.SortingRecord.who_was_present",
}


def test_every_encrypted_field_keeps_its_pinned_purpose() -> None:
    declared = {(model._meta.label, field.name): field.purpose for model, field in encrypted_fields()}
    assert declared == PINNED_PURPOSES


def test_no_purpose_is_shared_by_two_fields() -> None:
    purposes = list(PINNED_PURPOSES.values())
    assert len(purposes) == len(set(purposes))


def test_a_purpose_must_be_stated() -> None:
    with pytest.raises(TypeError, match="purpose"):
        EncryptedTextField("notes")  # type: ignore[call-arg]


def test_every_model_with_encrypted_fields_has_a_public_id_to_bind_them_to() -> None:
    models = {model for model, _ in encrypted_fields()}
    assert models
    for model in models:
        public_id = model._meta.get_field("public_id")
        assert public_id.get_internal_type() == "UUIDField"
        assert public_id.unique
    assert [error for _, field in encrypted_fields() for error in field.check()] == []


def _stored(table: str, column: str, pk: int) -> bytes:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608 (fixed names)
        return bytes(cursor.fetchone()[0])


def _store(table: str, column: str, pk: int, token: bytes) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [token, pk])  # noqa: S608


@pytest.mark.django_db
def test_a_narrative_copied_into_another_case_does_not_decrypt(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    secret = register(viewer, narrative="She was refused the flat because of her name")
    other = register(viewer, narrative="Nothing to see")
    _store("cases_case", "narrative", other.pk, _stored("cases_case", "narrative", secret.pk))
    with pytest.raises(crypto.DecryptionError):
        _ = Case.objects.get(pk=other.pk).narrative
    assert Case.objects.get(pk=secret.pk).narrative == "She was refused the flat because of her name"


@pytest.mark.django_db
def test_a_name_copied_into_another_field_of_the_same_row_does_not_decrypt(
    office: Office, adviser: User
) -> None:
    party = register(viewer_of(adviser), person_name="Amina Hassan").parties.get()
    _store("cases_party", "notes", party.pk, _stored("cases_party", "name", party.pk))
    with pytest.raises(crypto.DecryptionError):
        _ = Party.objects.get(pk=party.pk).notes


@pytest.mark.django_db
def test_values_written_before_row_binding_are_still_read(office: Office, adviser: User) -> None:
    case = register(viewer_of(adviser), narrative="placeholder")
    legacy = _unbound_v1("Written by the first release", purpose="cases.Case.narrative")
    _store("cases_case", "narrative", case.pk, legacy)
    assert Case.objects.get(pk=case.pk).narrative == "Written by the first release"


def _unbound_v1(text: str, *, purpose: str) -> bytes:
    """A ciphertext as the first release wrote it: format 1, purpose bound, row not."""
    key_id, keys = crypto._current()
    nonce = os.urandom(crypto.NONCE_BYTES)
    header = crypto.FORMAT_V1 + key_id
    return header + nonce + AESGCM(keys[key_id]).encrypt(nonce, text.encode(), header + purpose.encode())


@pytest.mark.django_db
def test_text_cannot_be_written_past_the_row_that_binds_it(office: Office, adviser: User) -> None:
    case = register(viewer_of(adviser))
    with pytest.raises(TypeError, match="bound to its row"):
        Case.objects.filter(pk=case.pk).update(narrative="rewritten in bulk")


@pytest.mark.django_db
def test_values_read_without_their_row_stay_sealed(office: Office, adviser: User) -> None:
    register(viewer_of(adviser), narrative="Harassed on the tram")
    public_id, stored = Case.objects.values_list("public_id", "narrative").get()
    sealed: object = stored
    assert isinstance(sealed, SealedText)
    with pytest.raises(TypeError):
        str(sealed)
    assert sealed.open(public_id) == "Harassed on the tram"
    with pytest.raises(crypto.DecryptionError):
        sealed.open(uuid.uuid4())
