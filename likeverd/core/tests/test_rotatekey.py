"""`likeverd rotatekey` from an old key to a new one, end to end: every value and file is readable
with the old key gone, search and the conflict check still find what they found, and an
interrupted run continues where it stopped."""

from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import selectors, services
from likeverd.cases.models import Case, Party, PartyRole
from likeverd.cases.search import rebuild
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.services import PersonDetails
from likeverd.cases.tests.factories import register
from likeverd.core import crypto, rotation
from likeverd.core.checks import encrypted_fields
from likeverd.core.models import RotationProgress
from likeverd.core.tests.test_encryption_purposes import _unbound_v1
from likeverd.core.tests.test_files import PDF

pytestmark = pytest.mark.django_db

NEW_KEY = crypto.generate_key()


def _counterpart(viewer: Any, case: Case, name: str) -> Party:
    return services.add_party(
        viewer=viewer,
        case=case,
        role=PartyRole.COUNTERPART,
        details=PersonDetails(name=name),
        counterpart_kind="nightlife",
    )


def _found(viewer: Any, query: str) -> set[str]:
    return {case.number for case in selectors.list_cases(viewer=viewer, filters=CaseFilters(query=query))}


def _raw(table: str, column: str) -> list[bytes]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} ORDER BY id")  # noqa: S608 (fixed names)
        return [bytes(row[0]) for row in cursor.fetchall()]


@pytest.fixture
def old_office_data(
    office: Office, adviser: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> dict[str, Any]:
    """Cases, parties, a document and a value of the first release, all under the old key."""
    viewer = viewer_of(adviser)
    with django_capture_on_commit_callbacks(execute=True):
        client = register(viewer, person_name="Samir Nasser", narrative="Refused at the nightclub door")
        other = register(viewer, person_name="Leila Berg", narrative="Harassed by a doorman")
        _counterpart(viewer, other, "Samir Nasser")
        document = services.upload_document(
            viewer=viewer, case=other, upload=SimpleUploadedFile("letter from landlord.pdf", PDF)
        )
        legacy = register(viewer, narrative="placeholder")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE cases_case SET narrative = %s WHERE id = %s",
            [_unbound_v1("Written before rows were bound", purpose="cases.Case.narrative"), legacy.pk],
        )
    assert [n for c in selectors.list_conflicts(viewer=viewer, case=other) for n in c.other_case_numbers] == [
        client.number
    ]
    return {"viewer": viewer, "client": client, "other": other, "document": document, "legacy": legacy}


def test_after_rotation_everything_is_read_found_and_conflict_checked_without_the_old_key(
    old_office_data: dict[str, Any], settings: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    viewer, client, other = old_office_data["viewer"], old_office_data["client"], old_office_data["other"]
    old_key = settings.DATA_KEY
    settings.DATA_KEY, settings.DATA_KEYS_PREVIOUS = NEW_KEY, old_key
    assert _found(viewer, "nightclub") == set()  # the index is keyed by the old key until rebuilt

    out = StringIO()
    call_command("rotatekey", "--batch-size", "2", stdout=out)
    settings.DATA_KEYS_PREVIOUS = ""  # the old key is gone

    assert Case.objects.get(pk=client.pk).narrative == "Refused at the nightclub door"
    assert Case.objects.get(pk=old_office_data["legacy"].pk).narrative == "Written before rows were bound"
    names = sorted(p.name for p in Party.objects.all())
    assert names == ["", "Leila Berg", "Samir Nasser", "Samir Nasser"]  # one anonymous
    assert services.read_document(viewer=viewer, document=old_office_data["document"]) == PDF
    assert all(
        crypto.is_current(token) for token in _raw("cases_case", "narrative") + _raw("cases_party", "name")
    )
    assert _found(viewer, "nightclub") == {client.number}
    assert _found(viewer, "Sam") == {client.number, other.number}
    assert _found(viewer, "landlord") == {other.number}
    assert [n for c in selectors.list_conflicts(viewer=viewer, case=other) for n in c.other_case_numbers] == [
        client.number
    ]

    # A name registered after the rotation matches the one registered before it.
    with django_capture_on_commit_callbacks(execute=True):
        later = register(viewer, person_name="Ines Moe")
        _counterpart(viewer, later, "samir NASSER")
    assert [n for c in selectors.list_conflicts(viewer=viewer, case=later) for n in c.other_case_numbers] == [
        client.number
    ]

    report = out.getvalue()
    assert "cases.Case: done, 3 of 3 rows re-encrypted" in report
    assert "cases.Document files: done, 1 of 1 re-encrypted" in report
    assert "cases: search index: done" in report
    assert "cases: conflict-check name keys: done" in report
    for personal in ("Samir", "Nasser", "nightclub", "landlord"):
        assert personal not in report
    assert not RotationProgress.objects.exists()


def test_an_interrupted_rotation_continues_where_it_stopped(
    old_office_data: dict[str, Any], settings: Any
) -> None:
    viewer = old_office_data["viewer"]
    settings.DATA_KEY, settings.DATA_KEYS_PREVIOUS = NEW_KEY, settings.DATA_KEY
    # The first run stopped after one batch of narratives and one batch of the search index.
    rotation.reencrypt_rows(Case, [f for m, f in encrypted_fields() if m is Case], after_pk=0, limit=1)
    step = "cases: search index"
    last_pk = rebuild.reindex_cases(after_pk=0, limit=1)
    RotationProgress.objects.create(key_id=crypto.current_key_id(), step=step, last_pk=last_pk or 0)

    out = StringIO()
    call_command("rotatekey", stdout=out)
    report = out.getvalue()
    assert "cases.Case: done, 2 of 3 rows re-encrypted, 1 already under the current key" in report
    assert f"{step}: continuing after row {last_pk}" in report
    assert _found(viewer, "nightclub") == {old_office_data["client"].number}
    assert _found(viewer, "doorman") == {old_office_data["other"].number}

    again = StringIO()
    call_command("rotatekey", stdout=again)
    assert "cases.Case: done, 0 of 3 rows re-encrypted, 3 already under the current key" in again.getvalue()
    assert "cases.Document files: done, 0 of 1 re-encrypted" in again.getvalue()


def test_a_missing_old_key_stops_the_rotation_with_the_remedy(
    old_office_data: dict[str, Any], settings: Any
) -> None:
    settings.DATA_KEY, settings.DATA_KEYS_PREVIOUS = NEW_KEY, ""
    with pytest.raises(CommandError, match="LIKEVERD_DATA_KEYS_PREVIOUS"):
        call_command("rotatekey", stdout=StringIO())


def test_reindex_rebuilds_the_name_keys_of_the_conflict_check(old_office_data: dict[str, Any]) -> None:
    viewer, other = old_office_data["viewer"], old_office_data["other"]
    for party in Party.objects.filter(name_key__isnull=False):
        party.name_key = party.pk  # as keys made in another word order or under another key
        party.save(update_fields=["name_key"])
    assert selectors.list_conflicts(viewer=viewer, case=other) == []
    out = StringIO()
    call_command("reindex", stdout=out)
    assert "OSL: 3 cases re-indexed, name keys of 4 parties rebuilt" in out.getvalue()
    assert [n for c in selectors.list_conflicts(viewer=viewer, case=other) for n in c.other_case_numbers] == [
        old_office_data["client"].number
    ]
