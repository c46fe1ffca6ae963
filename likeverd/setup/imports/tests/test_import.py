"""The import itself: the 2019 model report's sheet, re-imports, changed rows, atomicity, the
system actor in the audit log, the mediation bench, and office isolation."""

import datetime as dt
from collections import Counter

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from likeverd.accounts.actors import ReporterActor, SystemActor
from likeverd.accounts.models import Office
from likeverd.audit.actors import ActorKind
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import Case, CaseEvent, CaseStatus, Channel, Outcome, PlaceKind
from likeverd.cases.services import (
    CaseDetails,
    Classification,
    classify_case_as,
    open_case,
    record_past_status,
)
from likeverd.mediation.models import BenchKind, BenchOutcome, BenchReferral, Stage
from likeverd.mediation.selectors import bench_figures
from likeverd.mediation.services import record_past_referral
from likeverd.setup.imports import vocabulary as vocabularies
from likeverd.setup.imports.headers import Column
from likeverd.setup.imports.mapping import read_mapping_file
from likeverd.setup.imports.models import ImportedCase, ImportRun
from likeverd.setup.imports.reading import read_sheet
from likeverd.setup.imports.selectors import plan_import
from likeverd.setup.imports.services import ImportRefusedError, run_import
from likeverd.setup.imports.tests.sheets import (
    EN_HEADER,
    MAPPING_2019_TOML,
    NB_HEADER,
    SV_HEADER,
    Cell,
    csv_bytes,
    rows_2019,
    xlsx_bytes,
)
from tests.model_report_2019 import AREAS_2019

pytestmark = pytest.mark.django_db

YEAR_2019 = (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def _import(
    office: Office, data: bytes, *, mapping_toml: str = "", name: str = "saker-2019.csv"
) -> ImportRun:
    sheet = read_sheet(data)
    vocabulary = vocabularies.for_office(office)
    mapping = (
        read_mapping_file(mapping_toml.encode(), name="m.toml", vocabulary=vocabulary) if mapping_toml else {}
    )
    return run_import(office=office, sheet=sheet, mapping=mapping, file_name=name, started_by=None).run


def test_the_2019_sheet_gives_back_the_annual_reports_tables(oslo: Office) -> None:
    run = _import(oslo, csv_bytes(rows_2019()), mapping_toml=MAPPING_2019_TOML)

    assert (run.rows_read, run.imported, run.already_present) == (60, 60, 0)
    cases = Case.objects.filter(office=oslo, received_at__year=2019)
    assert cases.count() == 60
    by_area = Counter(cases.values_list("reporting_category__label_nb", flat=True))
    assert by_area == dict(AREAS_2019)
    figures = bench_figures(office=oslo, start=YEAR_2019[0], end=YEAR_2019[1])
    assert figures.referrals == 8
    assert figures.outcomes[BenchOutcome.AGREEMENT] == 2
    assert figures.outcomes[BenchOutcome.RESOLVED_IN_PREPARATION] == 6
    at_bench = cases.filter(bench_referrals__isnull=False)
    assert Counter(at_bench.values_list("place_kind", flat=True)) == {
        PlaceKind.WORKPLACE: 2,
        PlaceKind.SHOP: 3,
        PlaceKind.ONLINE: 1,
        PlaceKind.HOME: 1,
        PlaceKind.SCHOOL: 1,
    }
    assert set(cases.values_list("status", flat=True)) == {CaseStatus.CLOSED}
    assert Counter(cases.values_list("outcome", flat=True)) == {
        Outcome.OTHER: 52,
        Outcome.MEDIATED: 2,
        Outcome.RESOLVED: 6,
    }
    assert all(case.narrative == "" for case in cases)


def test_an_imported_case_keeps_its_day_channel_grounds_and_the_sheets_number(oslo: Office) -> None:
    rows = [
        list(NB_HEADER),
        ["2019-017", "4.3.19", "E-post", "Uteliv", "etnisitet, hudfarge; Religion", "", "", ""],
    ]
    _import(oslo, csv_bytes(rows))

    imported = ImportedCase.objects.select_related("case").get(office=oslo)
    case = imported.case
    assert imported.sheet_number == "2019-017"
    assert timezone.localdate(case.received_at) == dt.date(2019, 3, 4)
    assert case.number == "OSL-2019-0001"
    assert case.channel == Channel.EMAIL
    assert case.reporting_category is not None
    assert case.reporting_category.code == "nightlife"
    assert sorted(case.grounds.values_list("code", flat=True)) == ["ETHNICITY", "RELIGION"]
    assert list(case.areas.values_list("code", flat=True)) == ["GOODS_SERVICES"]
    assert case.narrative == ""
    assert (case.status, case.outcome) == (CaseStatus.CLOSED, Outcome.OTHER)


def test_the_same_file_twice_adds_nothing(oslo: Office) -> None:
    data = csv_bytes(rows_2019())
    _import(oslo, data, mapping_toml=MAPPING_2019_TOML)
    again = _import(oslo, data, mapping_toml=MAPPING_2019_TOML)

    assert (again.imported, again.already_present, again.changed) == (0, 60, 0)
    assert Case.objects.filter(office=oslo).count() == 60
    assert BenchReferral.objects.filter(office=oslo).count() == 8


def test_a_changed_row_is_reported_and_not_overwritten(oslo: Office) -> None:
    rows = [list(NB_HEADER), ["7", "04.03.2019", "Telefon", "Helse", "Alder", "nei", "", ""]]
    _import(oslo, csv_bytes(rows))
    rows[1][3] = "Arbeidsliv"
    rows.append(["8", "05.03.2019", "Telefon", "Helse", "", "", "", ""])
    vocabulary = vocabularies.for_office(oslo)
    plan = plan_import(office=oslo, sheet=read_sheet(csv_bytes(rows)), vocabulary=vocabulary, mapping={})

    [changed] = plan.changed
    assert (changed.row, changed.sheet_number) == (2, "7")
    assert [(d.column, d.before, d.after) for d in changed.differences] == [
        ("Samfunnsområde", "Helse", "Arbeidsliv")
    ]
    run = _import(oslo, csv_bytes(rows))
    assert (run.imported, run.changed) == (1, 1)
    case = ImportedCase.objects.get(office=oslo, sheet_number="7").case
    assert case.reporting_category is not None
    assert case.reporting_category.code == "health"


def test_one_bad_row_and_nothing_is_imported(oslo: Office) -> None:
    rows = [
        list(NB_HEADER),
        ["1", "04.03.2019", "Telefon", "Helse", "", "", "", ""],
        ["2", "31.02.2019", "Telefon", "Helse", "", "", "", ""],
        ["3", "05.03.2019", "Brevdue", "Helse", "", "", "", ""],
        ["1", "06.03.2019", "Telefon", "Helse", "", "", "", ""],
        ["", "07.03.2019", "Telefon", "Helse", "", "kanskje", "", ""],
    ]
    with pytest.raises(ImportRefusedError) as refused:
        _import(oslo, csv_bytes(rows))

    problems = [(p.row, p.column) for p in refused.value.plan.problems]
    assert problems == [(3, "Mottatt"), (4, "Kanal"), (5, "Saksnr"), (6, "Saksnr"), (6, "Meglingsbenken")]
    assert "rad 2" in refused.value.plan.problems[2].message  # the messages are in the office's nb
    assert not Case.objects.exists()
    assert not ImportRun.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.CREATE).exists()


def test_every_write_is_audited_as_the_import_of_the_file(oslo: Office) -> None:
    rows = [list(NB_HEADER), ["1", "04.03.2019", "Telefon", "Helse", "", "ja", "Arbeidsplass", "Avtale"]]
    _import(oslo, csv_bytes(rows), name="C:\\Users\\dime\\Saker 2019.csv")

    case = Case.objects.get(office=oslo)
    rows_of_case = AuditEvent.objects.filter(case_id=str(case.public_id))
    assert {(event.actor_kind, event.actor_label) for event in rows_of_case} == {
        (ActorKind.SYSTEM, "the import of file Saker 2019.csv")
    }
    assert {event.action for event in rows_of_case} == {AuditAction.CREATE, AuditAction.CHANGE}
    assert set(CaseEvent.objects.filter(case=case).values_list("actor_label", flat=True)) == {
        "the import of file Saker 2019.csv"
    }
    run_row = AuditEvent.objects.get(target_type="setup.ImportRun")
    assert run_row.actor_label == "the command line"
    assert run_row.detail["imported"] == 1


def test_a_case_still_at_the_bench_waits_for_the_mediators(oslo: Office) -> None:
    rows = [list(EN_HEADER), ["A-1", "2019-05-06", "Phone", "Nightlife", "Ethnicity", "yes", ""]]
    _import(oslo, csv_bytes(rows, delimiter=",", encoding="utf-8"))

    case = Case.objects.get(office=oslo)
    referral = BenchReferral.objects.get(case=case)
    assert case.status == CaseStatus.MEDIATION
    assert (referral.stage, referral.outcome, referral.mediator) == (Stage.REFERRED, "", None)


def test_a_swedish_office_imports_a_swedish_workbook(malmo: Office) -> None:
    rows: list[list[Cell]] = [
        list(SV_HEADER),
        ["Ä-1", dt.datetime(2020, 2, 3, 9, 30), "E-post", "Arbetsliv", "Etnisk tillhörighet, Ålder", "Nej"],  # noqa: DTZ001
        ["Ä-2", 43900, "Telefon", "Hälsa och vård", "Funktionsnedsättning", "x"],
    ]
    run = _import(malmo, xlsx_bytes(rows), name="ärenden.xlsx")

    assert run.imported == 2
    first, second = (ImportedCase.objects.get(sheet_number=n).case for n in ("Ä-1", "Ä-2"))
    assert sorted(first.grounds.values_list("code", flat=True)) == ["AGE", "ETHNICITY"]
    assert timezone.localdate(second.received_at) == dt.date(2020, 3, 10)
    assert second.status == CaseStatus.MEDIATION


def test_an_office_imports_only_into_itself(oslo: Office, bergen: Office) -> None:
    rows = [list(NB_HEADER), ["1", "04.03.2019", "Telefon", "Helse", "", "", "", ""]]
    _import(oslo, csv_bytes(rows))
    _import(bergen, csv_bytes(rows))

    assert Case.objects.filter(office=oslo).count() == 1
    assert Case.objects.filter(office=bergen).count() == 1
    assert ImportedCase.objects.filter(sheet_number="1").count() == 2
    # Bergen's import of the same number does not make Oslo's row "present" or "changed".
    vocabulary = vocabularies.for_office(bergen)
    rows[1][3] = "Arbeidsliv"
    plan = plan_import(office=bergen, sheet=read_sheet(csv_bytes(rows)), vocabulary=vocabulary, mapping={})
    assert len(plan.changed) == 1
    assert ImportedCase.objects.get(office=oslo).case.reporting_category.code == "health"  # type: ignore[union-attr]


def test_the_dry_run_lists_the_unrecognised_values_with_their_rows(oslo: Office) -> None:
    vocabulary = vocabularies.for_office(oslo)
    plan = plan_import(
        office=oslo, sheet=read_sheet(csv_bytes(rows_2019())), vocabulary=vocabulary, mapping={}
    )

    assert not plan.can_import
    unrecognised = {(entry.column, entry.value): len(entry.rows) for entry in plan.unrecognised}
    assert unrecognised == {(Column.CHANNEL, "Skeiv Kafé"): 15, (Column.CHANNEL, "Antirasistisk Senter"): 15}
    assert len(plan.problems) == 30
    assert not Case.objects.exists()


def test_the_history_services_write_only_what_is_history(oslo: Office, bergen: Office) -> None:
    actor = SystemActor("the import of file t.csv")
    case = open_case(actor=actor, office=oslo, details=CaseDetails(channel=Channel.PHONE))
    with pytest.raises(PermissionDenied):
        classify_case_as(actor=actor, office=bergen, case=case, classification=Classification())
    with pytest.raises(PermissionDenied):
        record_past_referral(
            actor=ReporterActor("the public form", oslo),  # type: ignore[arg-type]
            case=case,
            referred_at=case.received_at,
            kind=BenchKind.DISCRIMINATION,
        )
    record_past_status(actor=actor, case=case, status=CaseStatus.CLOSED, outcome=Outcome.OTHER)
    with pytest.raises(ValidationError):
        record_past_status(actor=actor, case=case, status=CaseStatus.CLOSED, outcome=Outcome.OTHER)
    with pytest.raises(ValidationError):
        record_past_referral(
            actor=actor, case=case, referred_at=case.received_at, kind=BenchKind.DISCRIMINATION
        )
    assert not BenchReferral.objects.exists()
