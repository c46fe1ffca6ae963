import datetime as dt
import threading
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import selectors, services
from likeverd.cases.models import Case, CaseStatus, Channel, EventKind, Outcome, Party, PartyRole
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.services import Classification, PersonDetails
from likeverd.cases.tests.factories import register
from likeverd.taxonomy.models import Term, TermKind

pytestmark = pytest.mark.django_db


def terms(jurisdiction: str, kind: TermKind, *codes: str) -> list[Term]:
    found = list(
        Term.objects.filter(jurisdiction=jurisdiction, kind=kind, code__in=codes, valid_to__isnull=True)
    )
    assert len(found) == len(codes), f"missing taxonomy terms {codes}"
    return found


def test_case_numbers_count_up_per_office_and_year(
    office: Office, other_office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    first, second = register(viewer), register(viewer)
    bergen = register(viewer_of(make_staff(other_office)))
    year = first.received_at.year
    assert (first.number, second.number) == (f"OSL-{year}-0001", f"OSL-{year}-0002")
    assert bergen.number == f"BGO-{year}-0001"


@pytest.mark.django_db(transaction=True)
def test_case_numbers_stay_unique_when_registered_at_the_same_time(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def register_five() -> None:
        try:
            for _ in range(5):
                case = register(viewer)
                with lock:
                    numbers.append(case.number)
        except BaseException as error:  # reported below, with the thread's traceback lost otherwise
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register_five) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(numbers) == 30
    assert len(set(numbers)) == 30
    assert sorted(int(n.rsplit("-", 1)[1]) for n in numbers) == list(range(1, 31))


def test_registering_records_the_person_encrypted_a_timeline_entry_and_an_audit_event(
    office: Office, adviser: User
) -> None:
    case = register(
        viewer_of(adviser), person_name="Amina Hassan", narrative="Harassed on the tram for her hijab"
    )
    person = case.parties.get()
    assert person.role == PartyRole.PERSON
    assert person.name == "Amina Hassan"
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM cases_party WHERE id = %s", [person.pk])
        assert b"Amina" not in bytes(cursor.fetchone()[0])
    assert case.events.filter(kind=EventKind.CREATED).exists()
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, target_id=str(case.public_id), actor=adviser
    ).exists()


def test_an_anonymous_person_leaves_no_name(office: Office, adviser: User) -> None:
    case = services.register_case(
        viewer=viewer_of(adviser),
        details=services.CaseDetails(channel=Channel.WEB, narrative="x"),
        person=PersonDetails(name="Should not be kept", is_anonymous=True),
    )
    party = case.parties.get()
    assert party.name == ""
    assert party.name_key is None
    with translation.override("en"):
        assert party.display_name == "Anonymous"


def test_a_coordinator_can_register_but_not_see_or_classify_cases(office: Office) -> None:
    coordinator = viewer_of(make_staff(office, Role.COORDINATOR))
    case = register(coordinator)
    assert not selectors.list_cases(viewer=coordinator).exists()
    with pytest.raises(PermissionDenied):
        services.classify_case(viewer=coordinator, case=case, classification=Classification())


def test_an_adviser_cannot_touch_another_offices_case(
    office: Office, adviser: User, other_adviser: User
) -> None:
    case = register(viewer_of(adviser), person_name="Amina Hassan")
    intruder = viewer_of(other_adviser)
    with pytest.raises(PermissionDenied):
        services.add_timeline_entry(viewer=intruder, case=case, kind=EventKind.NOTE, body="sneaky")
    with pytest.raises(PermissionDenied):
        services.change_case_status(viewer=intruder, case=case, to_status=CaseStatus.SORTING)
    assert not selectors.list_cases(viewer=intruder).exists()
    assert not selectors.list_cases(viewer=intruder, filters=CaseFilters(query="Amina")).exists()
    assert not selectors.list_cases(viewer=intruder, filters=CaseFilters(query=case.number)).exists()
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.get_case(viewer=intruder, public_id=str(case.public_id))


def test_classification_takes_several_grounds_and_keeps_history(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    grounds = sorted(terms("NO", TermKind.GROUND, "ETHNICITY", "RELIGION", "SEX"), key=lambda t: t.code)
    services.classify_case(viewer=viewer, case=case, classification=Classification(grounds=grounds[:2]))
    services.classify_case(viewer=viewer, case=case, classification=Classification(grounds=grounds))
    assert sorted(case.grounds.values_list("code", flat=True)) == ["ETHNICITY", "RELIGION", "SEX"]
    history = list(case.events.filter(kind=EventKind.CLASSIFICATION).order_by("occurred_at", "id"))
    assert [e.data["after"]["grounds"] for e in history] == [
        ["ETHNICITY", "RELIGION"],
        ["ETHNICITY", "RELIGION", "SEX"],
    ]
    assert history[1].data["before"]["grounds"] == ["ETHNICITY", "RELIGION"]


def test_a_swedish_ground_cannot_classify_a_norwegian_case(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    with pytest.raises(ValidationError):
        services.classify_case(
            viewer=viewer,
            case=case,
            classification=Classification(grounds=terms("SE", TermKind.GROUND, "AGE")),
        )


def test_the_workflow_allows_only_listed_moves_and_closing_needs_an_outcome(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    with pytest.raises(ValidationError):
        services.change_case_status(viewer=viewer, case=case, to_status=CaseStatus.MEDIATION)
    services.change_case_status(viewer=viewer, case=case, to_status=CaseStatus.SORTING)
    with pytest.raises(ValidationError):
        services.change_case_status(viewer=viewer, case=case, to_status=CaseStatus.CLOSED)
    services.change_case_status(
        viewer=viewer, case=case, to_status=CaseStatus.CLOSED, outcome=Outcome.ADVICE_GIVEN
    )
    case.refresh_from_db()
    assert case.is_closed
    assert case.outcome == Outcome.ADVICE_GIVEN
    assert case.closed_at is not None
    moves = [(e.data["from"], e.data["to"]) for e in case.events.filter(kind=EventKind.STATUS).order_by("id")]
    assert moves == [("new", "sorting"), ("sorting", "closed")]


def test_a_mediator_sees_only_cases_at_the_bench(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    mediator = viewer_of(make_staff(office, Role.MEDIATOR))
    at_bench, elsewhere = register(viewer), register(viewer)
    services.change_case_status(viewer=viewer, case=at_bench, to_status=CaseStatus.SORTING)
    services.change_case_status(viewer=viewer, case=at_bench, to_status=CaseStatus.MEDIATION)
    assert list(selectors.list_cases(viewer=mediator)) == [at_bench]
    assert elsewhere not in selectors.list_cases(viewer=mediator)


def test_search_finds_words_of_narrative_notes_and_names_but_stores_no_words(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer, person_name="Amina Hassan", narrative="Bouncer refused entry at Club Nova")
    other = register(viewer, narrative="Landlord refused to rent")
    services.add_timeline_entry(
        viewer=viewer, case=other, kind=EventKind.CALL, body="Talked about the deposit"
    )

    def found(query: str) -> list[Case]:
        return list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query=query)))

    assert found("nova") == [case]
    assert found("Ami") == [case]  # the first letters of a name
    assert found("refused") == [other, case]
    assert found("deposit landlord") == [other]
    assert found("deposit nova") == []
    assert found(case.number) == [case]
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM cases_searchtoken")
        assert all(isinstance(row[0], int) for row in cursor.fetchall())


def test_a_search_is_audited_without_the_search_text(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="Amina")))
    event = AuditEvent.objects.get(action=AuditAction.SEARCH)
    assert "Amina" not in str(event.detail)


def test_conflict_of_interest_when_a_counterpart_is_a_client_elsewhere(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    earlier = register(viewer, person_name="Ola Nordmann")
    case = register(viewer, person_name="Fatima Ali")
    services.add_party(
        viewer=viewer,
        case=case,
        role=PartyRole.COUNTERPART,
        details=PersonDetails(name="ola  NORDMANN"),
        counterpart_kind="landlord",
    )
    conflicts = selectors.list_conflicts(viewer=viewer, case=case)
    assert [c.other_case_number for c in conflicts] == [earlier.number]
    assert selectors.list_conflicts(viewer=viewer, case=earlier)[0].other_case_number == case.number


def test_viewing_a_case_is_audited(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    selectors.get_case(viewer=viewer, public_id=str(case.public_id))
    assert (
        AuditEvent.objects.filter(action=AuditAction.VIEW, case_id=str(case.public_id), actor=adviser).count()
        == 1
    )


def test_the_audit_log_cannot_be_changed_or_deleted(office: Office, adviser: User) -> None:
    register(viewer_of(adviser))
    event = AuditEvent.objects.first()
    assert event is not None
    from likeverd.audit.models import AuditLogAppendOnlyError

    with pytest.raises(AuditLogAppendOnlyError):
        event.save()
    with pytest.raises(AuditLogAppendOnlyError):
        event.delete()
    with pytest.raises(AuditLogAppendOnlyError):
        AuditEvent.objects.all().update(action="view")
    with pytest.raises(AuditLogAppendOnlyError):
        AuditEvent.objects.all().delete()


def test_the_database_refuses_to_update_an_audit_event(office: Office, adviser: User) -> None:
    register(viewer_of(adviser))
    from django.db import DatabaseError, transaction

    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'view'")


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_documents_are_encrypted_on_disk_and_read_back_with_an_audit_entry(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    document = services.upload_document(
        viewer=viewer, case=case, upload=SimpleUploadedFile("letter from landlord.pdf", PDF), kind="evidence"
    )
    stored = services.document_path(document.storage_name).read_bytes()
    assert PDF not in stored
    assert b"%PDF" not in stored
    assert document.content_type == "application/pdf"
    assert services.read_document(viewer=viewer, document=document) == PDF
    assert AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, target_id=str(document.public_id)).exists()
    assert list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="landlord"))) == [case]


def test_another_office_cannot_read_a_document(office: Office, adviser: User, other_adviser: User) -> None:
    viewer = viewer_of(adviser)
    document = services.upload_document(
        viewer=viewer, case=register(viewer), upload=SimpleUploadedFile("a.pdf", PDF)
    )
    with pytest.raises(PermissionDenied):
        services.read_document(viewer=viewer_of(other_adviser), document=document)


def test_oversize_and_disguised_files_are_refused(office: Office, adviser: User, settings: object) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    settings.DOCUMENT_MAX_BYTES = 100  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as too_large:
        services.upload_document(viewer=viewer, case=case, upload=SimpleUploadedFile("big.pdf", PDF * 10))
    assert too_large.value.code == "too_large"
    settings.DOCUMENT_MAX_BYTES = 10_000  # type: ignore[attr-defined]
    executable = BytesIO(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4).getvalue()
    with pytest.raises(ValidationError) as disguised:
        services.upload_document(viewer=viewer, case=case, upload=SimpleUploadedFile("photo.jpg", executable))
    assert disguised.value.code == "file_type"
    assert not case.documents.exists()


def test_tasks_are_assigned_within_the_office_and_can_be_completed(
    office: Office, adviser: User, other_adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    with pytest.raises(ValidationError):
        services.add_task(
            viewer=viewer, case=case, title="Call back", due_date=dt.date(2026, 12, 1), assignee=other_adviser
        )
    task = services.add_task(viewer=viewer, case=case, title="Call back", due_date=dt.date(2026, 12, 1))
    assert task.assignee == adviser
    services.complete_task(viewer=viewer, task=task)
    task.refresh_from_db()
    assert task.is_done


def test_assignment_only_to_caseworkers_of_the_office(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    coordinator = make_staff(office, Role.COORDINATOR)
    with pytest.raises(ValidationError):
        services.assign_case(viewer=viewer, case=case, assignee=coordinator)
    services.assign_case(viewer=viewer, case=case, assignee=adviser)
    case.refresh_from_db()
    assert case.assigned_to == adviser


def test_parties_of_other_cases_are_not_representable(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    one, two = register(viewer, person_name="A Person"), register(viewer)
    with pytest.raises(ValidationError):
        services.add_party(
            viewer=viewer,
            case=two,
            role=PartyRole.REPRESENTATIVE,
            details=PersonDetails(name="Rep"),
            represents=Party.objects.get(case=one),
        )


def test_the_csv_export_holds_only_the_offices_cases_and_no_names(
    office: Office, adviser: User, other_adviser: User
) -> None:
    from likeverd.cases import exports

    ours = register(viewer_of(adviser), person_name="Amina Hassan", narrative="hijab on the tram")
    theirs = register(viewer_of(other_adviser))
    text = "".join(exports.export_cases_csv(viewer=viewer_of(adviser), filters=CaseFilters()))
    assert ours.number in text
    assert theirs.number not in text
    assert "Amina" not in text
    assert "hijab" not in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=adviser).exists()


def test_a_case_record_export_is_complete_and_refused_to_other_offices(
    office: Office, adviser: User, other_adviser: User
) -> None:
    from django.http import Http404

    from likeverd.cases import exports

    case = register(viewer_of(adviser), person_name="Amina Hassan", narrative="hijab on the tram")
    record = exports.export_case_record(viewer=viewer_of(adviser), public_id=str(case.public_id))
    assert record["narrative"] == "hijab on the tram"
    assert record["parties"][0]["name"] == "Amina Hassan"
    with pytest.raises(Http404):
        exports.export_case_record(viewer=viewer_of(other_adviser), public_id=str(case.public_id))
    coordinator = viewer_of(make_staff(office, Role.COORDINATOR))
    with pytest.raises(PermissionDenied):
        exports.export_case_record(viewer=coordinator, public_id=str(case.public_id))


def test_search_finds_inflected_forms_of_a_word(
    office: Office, adviser: User, swedish_office: Office
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer, narrative="Dørvakten sa at utestedet var fullt")
    assert list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="dørvakt"))) == [case]
    assert list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="dørvakter"))) == [case]
    swedish = viewer_of(make_staff(swedish_office))
    ärende = register(swedish, narrative="Hyresvärden vägrade visa lägenheten")
    assert list(selectors.list_cases(viewer=swedish, filters=CaseFilters(query="lägenhet"))) == [ärende]


@pytest.mark.postgresql_only
def test_postgresql_refuses_to_delete_an_audit_event(office: Office, adviser: User) -> None:
    register(viewer_of(adviser))
    from django.db import DatabaseError, transaction

    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.exists()
