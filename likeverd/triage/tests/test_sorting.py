"""The sorting conversation on a case: saved half-way, resumed, encrypted, audited, office-bound;
and the case page's deadlines, checklist and actors computed from the case itself."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services as case_services
from likeverd.cases.dates import parse_incident_date
from likeverd.cases.models import Case, CaseStatus, Channel
from likeverd.cases.services import CaseDetails, Classification
from likeverd.taxonomy.models import Term, TermKind
from likeverd.triage import selectors, services
from likeverd.triage.models import SortingEvidence, SortingRecord
from likeverd.triage.services import SortingAnswers

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 29)


def register(user: User, *, incident: str = "", place_kind: str = "") -> Case:
    viewer = viewer_of(user)
    details = CaseDetails(
        channel=Channel.PHONE,
        narrative="Refused at the door.",
        incident_date=parse_incident_date(incident, today=TODAY),
        place_kind=place_kind,
    )
    return case_services.register_case(viewer=viewer, details=details)


def classify(user: User, case: Case, *, areas: tuple[str, ...] = (), tracks: tuple[str, ...] = ()) -> None:
    def terms(kind: TermKind, codes: tuple[str, ...]) -> list[Term]:
        return list(
            Term.objects.filter(
                jurisdiction=case.office.jurisdiction, kind=kind, code__in=codes, valid_to__isnull=True
            )
        )

    classification = Classification(areas=terms(TermKind.AREA, areas), tracks=terms(TermKind.TRACK, tracks))
    case_services.classify_case(viewer=viewer_of(user), case=case, classification=classification)


def events(case: Case, action: AuditAction, target_type: str) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            case_id=str(case.public_id), action=action, target_type=target_type
        ).order_by("id")
    )


def test_a_conversation_saved_half_way_keeps_its_answers_and_says_what_is_missing(adviser: User) -> None:
    case = register(adviser)
    viewer = viewer_of(adviser)
    services.save_sorting(
        viewer=viewer, case=case, answers=SortingAnswers(what_happened="Refused at the door")
    )
    services.save_sorting(viewer=viewer, case=case, answers=SortingAnswers(where="Club Nova, Oslo"))
    record = selectors.get_sorting(viewer=viewer, case=case)
    assert record is not None
    assert (record.what_happened, record.where) == ("Refused at the door", "Club Nova, Oslo")
    assert "who_was_present" in record.missing
    assert "what_happened" not in record.missing
    assert not record.is_complete
    with pytest.raises(ValidationError) as refused:
        services.complete_sorting(viewer=viewer, case=case)
    assert refused.value.code == "incomplete"
    record.refresh_from_db()
    assert not record.is_complete
    services.save_sorting(
        viewer=viewer,
        case=case,
        answers=SortingAnswers(when="Saturday night", who_was_present="A friend", wants="An apology"),
    )
    services.add_evidence(viewer=viewer, case=case, description="Receipt from the bar")
    services.complete_sorting(viewer=viewer, case=case)
    record.refresh_from_db()
    assert record.is_complete


def test_every_save_is_audited_with_the_fields_changed_but_not_their_contents(adviser: User) -> None:
    case = register(adviser)
    viewer = viewer_of(adviser)
    services.save_sorting(viewer=viewer, case=case, answers=SortingAnswers(what_happened="Called a slur"))
    services.save_sorting(
        viewer=viewer,
        case=case,
        answers=SortingAnswers(what_happened="Called a slur", other_problems=["no_papers"]),
    )
    services.save_sorting(viewer=viewer, case=case, answers=SortingAnswers(other_problems=["no_papers"]))
    created = events(case, AuditAction.CREATE, "triage.SortingRecord")
    changed = events(case, AuditAction.CHANGE, "triage.SortingRecord")
    assert [e.detail["fields"] for e in created] == [["what_happened"]]
    assert [e.detail["fields"] for e in changed] == [["other_problems"]]  # the unchanged save wrote nothing
    assert "slur" not in str(created[0].detail)
    assert "no_papers" not in str(changed[0].detail)
    selectors.get_sorting(viewer=viewer, case=case)
    assert len(events(case, AuditAction.VIEW, "triage.SortingRecord")) == 1


def test_what_the_person_says_is_encrypted_at_rest_including_their_other_problems(adviser: User) -> None:
    case = register(adviser)
    services.save_sorting(
        viewer=viewer_of(adviser),
        case=case,
        answers=SortingAnswers(
            who_was_present="Ahmed Hansen", other_problems=["violence_at_home", "housing"]
        ),
    )
    record = SortingRecord.objects.get(case=case)
    assert record.problems == ["housing", "violence_at_home"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT who_was_present, other_problems FROM triage_sortingrecord WHERE id = %s", [record.pk]
        )
        raw = b"".join(bytes(value) for value in cursor.fetchone())
    assert b"Ahmed" not in raw
    assert b"violence" not in raw


def test_bad_answers_are_refused_and_nothing_is_saved(adviser: User) -> None:
    case = register(adviser)
    viewer = viewer_of(adviser)
    with pytest.raises(ValidationError):
        services.save_sorting(viewer=viewer, case=case, answers=SortingAnswers(other_problems=["debt"]))
    with pytest.raises(ValidationError):
        services.save_sorting(viewer=viewer, case=case, answers=SortingAnswers(birth_date="15.06.2010"))
    with pytest.raises(ValidationError):
        services.save_sorting(viewer=viewer, case=case, answers=SortingAnswers(birth_date="2999-01-01"))
    assert not SortingRecord.objects.filter(case=case).exists()


def test_another_office_can_neither_read_nor_write_the_conversation(
    adviser: User, other_adviser: User
) -> None:
    case = register(adviser)
    services.save_sorting(viewer=viewer_of(adviser), case=case, answers=SortingAnswers(where="Oslo"))
    evidence = services.add_evidence(
        viewer=viewer_of(adviser), case=case, description="Receipt", item="RECEIPTS"
    )
    outsider = viewer_of(other_adviser)
    with pytest.raises(Http404):
        selectors.get_sorting(viewer=outsider, case=case)
    with pytest.raises(PermissionDenied):
        services.save_sorting(viewer=outsider, case=case, answers=SortingAnswers(where="Bergen"))
    with pytest.raises(PermissionDenied):
        services.update_evidence(viewer=outsider, evidence=evidence, is_secured=True)
    with pytest.raises(Http404):
        selectors.get_evidence_for_change(viewer=outsider, public_id=str(evidence.public_id))
    assert SortingRecord.objects.get(case=case).where == "Oslo"


def test_a_role_without_case_editing_cannot_write(office: Office, adviser: User) -> None:
    case = register(adviser)
    officer = make_staff(office, Role.DATA_PROTECTION_OFFICER)
    with pytest.raises(PermissionDenied):
        services.save_sorting(viewer=viewer_of(officer), case=case, answers=SortingAnswers(where="Oslo"))


def test_evidence_is_noted_with_who_holds_it_ticked_when_secured_and_removed_with_an_audit_row(
    adviser: User,
) -> None:
    case = register(adviser)
    viewer = viewer_of(adviser)
    cctv = services.add_evidence(
        viewer=viewer, case=case, description="Door camera", held_by="Club Nova", item="CCTV"
    )
    services.add_evidence(viewer=viewer, case=case, description="Friend who was let in")
    services.update_evidence(viewer=viewer, evidence=cctv, is_secured=True)
    record = SortingRecord.objects.get(case=case)
    listed = selectors.list_evidence(record=record)
    assert [(e.item, e.held_by, e.is_secured) for e in listed] == [
        ("CCTV", "Club Nova", True),
        ("", "", False),
    ]
    with pytest.raises(ValidationError):
        services.add_evidence(viewer=viewer, case=case, description="x", item="DNA")
    services.remove_evidence(viewer=viewer, evidence=listed[1])
    assert SortingEvidence.objects.filter(record=record).count() == 1
    assert events(case, AuditAction.CREATE, "triage.SortingEvidence")
    assert events(case, AuditAction.CHANGE, "triage.SortingEvidence")[0].detail == {"fields": ["is_secured"]}
    assert "removed" in events(case, AuditAction.CHANGE, "triage.SortingRecord")[-1].detail


def test_the_case_deadlines_follow_the_incident_date_and_the_classification(adviser: User) -> None:
    case = register(adviser, incident="14.03.2025")
    found = {d.rule.id: d for d in selectors.case_deadlines(case=case, today=TODAY)}
    assert found["NO-NEMNDA-3Y"].ends_on == dt.date(2028, 3, 14)
    assert "NO-STRL-185-PUBLIC-5Y" in found
    classify(adviser, case, tracks=("CIVIL",), areas=("PRIVATE_LIFE",))
    case.refresh_from_db()
    after = {d.rule.id for d in selectors.case_deadlines(case=case, today=TODAY)}
    assert "NO-NEMNDA-3Y" not in after
    assert "NO-STRL-185-PUBLIC-5Y" not in after


def test_a_swedish_case_uses_the_recorded_birth_date_for_the_minors_rule(swedish_office: Office) -> None:
    adviser = make_staff(swedish_office, Role.ADVISER)
    case = register(adviser, incident="mars 2025")
    viewer = viewer_of(adviser)
    without = {d.rule.id: d for d in selectors.case_deadlines(case=case, today=TODAY)}["SE-DL-2Y"]
    assert without.birth_date_needed
    record = services.save_sorting(viewer=viewer, case=case, answers=SortingAnswers(birth_date="2010-06-15"))
    with_birth = {
        d.rule.id: d for d in selectors.case_deadlines(case=case, birth_date=record.birth_day, today=TODAY)
    }
    assert with_birth["SE-DL-2Y"].ends_on == dt.date(2030, 6, 15)
    assert selectors.case_situation(case=case, birth_date=record.birth_day, today=TODAY).minor is True


def test_the_checklist_and_actors_follow_the_place_and_classification(adviser: User) -> None:
    case = register(adviser, incident="2026-11-01", place_kind="nightlife")
    codes = [e.item.code for e in selectors.case_evidence_checklist(case=case)]
    assert {"DOOR_STAFF", "RECEIPTS", "WITNESSES"} <= set(codes)
    classify(adviser, case, tracks=("CRIMINAL",))
    case.refresh_from_db()
    actors = [a.code for a in selectors.case_other_actors(case=case)]
    assert "POLITIET" in actors
    assert "KOMMUNEN_SKJENKEBEVILLING" in actors


@time_machine.travel(dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC), tick=False)
def test_the_dashboard_warns_of_deadlines_within_30_days_on_open_cases_of_the_own_office_only(
    adviser: User, other_adviser: User
) -> None:
    soon = register(adviser, incident="20.12.2023")  # Tribunal: 20.12.2026, 21 days left
    later = register(adviser, incident="01.06.2026")
    closed = register(adviser, incident="20.12.2023")
    case_services.change_case_status(
        viewer=viewer_of(adviser), case=closed, to_status=CaseStatus.CLOSED, outcome="advice_given"
    )
    register(other_adviser, incident="20.12.2023")
    warned = selectors.upcoming_deadlines(viewer=viewer_of(adviser), today=TODAY)
    assert {item.case.pk for item in warned} == {soon.pk}
    # Unclassified, so every three-year civil rule that may apply warns (the sexual-harassment one too).
    assert {item.deadline.rule.id for item in warned} == {
        "NO-NEMNDA-3Y", "NO-NEMNDA-3Y-SEXUAL-HARASSMENT", "NO-COURT-COMPENSATION-3Y",
    }  # fmt: skip
    assert all(0 <= item.deadline.days_left <= 30 for item in warned if item.deadline.days_left is not None)
    assert later.pk not in {item.case.pk for item in warned}


def _every_upcoming(user: User, within_days: int) -> set[tuple[int, str]]:
    """What the warning must list, computed for every open case of the office (no bound)."""
    found = set()
    for case in Case.objects.filter(office__memberships__user=user).exclude(status=CaseStatus.CLOSED):
        record = SortingRecord.objects.filter(case=case).first()
        for deadline in selectors.case_deadlines(
            case=case, birth_date=record.birth_day if record else None, today=TODAY
        ):
            if deadline.days_left is not None and 0 <= deadline.days_left <= within_days:
                found.add((case.pk, deadline.rule.id))
    return found


@time_machine.travel(dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC), tick=False)
@pytest.mark.parametrize("within_days", [30, 400, 2000])
def test_the_warning_reads_only_cases_whose_deadlines_may_still_run_and_misses_none(
    adviser: User, swedish_office: Office, within_days: int
) -> None:
    swede = make_staff(swedish_office, Role.ADVISER)
    for incident in ["20.12.2023", "01.12.2023", "15.11.2026", "01.01.2020", "03.03.2010", "mars 2024", ""]:
        register(adviser, incident=incident)
    # Classified cases: the warning reads the codes alone, the case page the terms.
    classify(adviser, register(adviser, incident="20.12.2023"), tracks=("CRIMINAL",))
    classify(adviser, register(adviser, incident="01.12.2023"), tracks=("CIVIL",), areas=("PRIVATE_LIFE",))
    for incident in ["2024-01-15", "2012-05-01", "2004-05-01"]:
        register(swede, incident=incident)
    # A child's case from long ago: the minors' rule starts at the 18th birthday, so it still runs.
    child = register(swede, incident="2015-05-01")
    services.save_sorting(
        viewer=viewer_of(swede), case=child, answers=SortingAnswers(birth_date="2010-06-15")
    )
    for user in (adviser, swede):
        warned = selectors.upcoming_deadlines(viewer=viewer_of(user), within_days=within_days, today=TODAY)
        assert {(item.case.pk, item.deadline.rule.id) for item in warned} == _every_upcoming(
            user, within_days
        )
    if within_days == 2000:
        assert child.pk in {
            item.case.pk
            for item in selectors.upcoming_deadlines(viewer=viewer_of(swede), within_days=2000, today=TODAY)
        }


@time_machine.travel(dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC), tick=False)
def test_the_warning_does_not_read_cases_from_long_ago(adviser: User) -> None:
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        register(adviser, incident="03.03.2005")
    recent = register(adviser, incident="20.12.2023")
    with CaptureQueriesContext(connection) as captured:
        warned = selectors.upcoming_deadlines(viewer=viewer_of(adviser), today=TODAY)
    assert {item.case.pk for item in warned} == {recent.pk}
    # The classification is read for the cases the warning looked at: the recent one alone.
    areas_read = [q["sql"] for q in captured.captured_queries if '"cases_case_areas"' in q["sql"]]
    assert len(areas_read) == 1
    assert f'"cases_case_areas"."case_id" IN ({recent.pk})' in areas_read[0]
