"""`likeverd importcases`: exit codes, the problems and the summary it prints, --dry-run, --mapping."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from likeverd.accounts.models import Office
from likeverd.cases.models import Case, Channel
from likeverd.setup.imports.models import ImportedCase
from likeverd.setup.imports.tests.sheets import MAPPING_2019_TOML, NB_HEADER, csv_bytes, rows_2019, xlsx_bytes

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("importcases", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def sheet_2019(tmp_path: Path) -> Path:
    path = tmp_path / "saker 2019.csv"
    path.write_bytes(csv_bytes(rows_2019()))
    return path


def test_a_dry_run_lists_every_problem_and_imports_nothing(oslo: Office, sheet_2019: Path) -> None:
    out = StringIO()
    with pytest.raises(CommandError) as failed:
        call_command(
            "importcases", str(sheet_2019), "--office", "osl", "--dry-run", "--language", "en", stdout=out
        )

    assert failed.value.returncode == 1
    printed = out.getvalue()
    assert "row 4, Kanal “Skeiv Kafé”: “Skeiv Kafé” is not one of the channels. Map it to one." in printed
    assert (
        "Rows read: 60, imported: 0, already present: 0, changed and not updated: 0, problems: 30" in printed
    )
    assert not Case.objects.exists()


def test_with_a_toml_mapping_the_file_is_imported_and_a_second_time_adds_nothing(
    oslo: Office, sheet_2019: Path, tmp_path: Path
) -> None:
    mapping = tmp_path / "kanaler.toml"
    mapping.write_text(MAPPING_2019_TOML, encoding="utf-8")

    dry = _run(str(sheet_2019), "--office", "OSL", "--mapping", str(mapping), "--dry-run", "--language", "en")
    assert "Dry run: nothing was imported." in dry
    assert not Case.objects.exists()
    first = _run(str(sheet_2019), "--office", "OSL", "--mapping", str(mapping), "--language", "en")
    second = _run(str(sheet_2019), "--office", "OSL", "--mapping", str(mapping), "--language", "en")

    assert "Rows read: 60, imported: 60, already present: 0" in first
    assert "Rows read: 60, imported: 0, already present: 60" in second
    assert Case.objects.filter(office=oslo).count() == 60


def test_a_csv_mapping_and_a_workbook_in_english(oslo: Office, tmp_path: Path) -> None:
    rows = [
        ["Case number", "Received", "Channel", "Area", "Ground"],
        ["E-1", "2021-06-01", "Facebook", "Housing", "Skin colour; Age"],
    ]
    sheet = tmp_path / "cases.xlsx"
    sheet.write_bytes(xlsx_bytes(rows))
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("column,value,target\nChannel,facebook,web\n", encoding="utf-8")

    out = _run(str(sheet), "--office", "OSL", "--mapping", str(mapping), "--language", "en")

    assert "imported: 1" in out
    case = ImportedCase.objects.get(sheet_number="E-1").case
    assert case.channel == Channel.WEB
    assert sorted(case.grounds.values_list("code", flat=True)) == ["AGE", "ETHNICITY"]


@pytest.mark.parametrize(
    ("mapping_text", "message"),
    [
        ('[Kanal]\n"Skeiv Kafé" = "brevdue"\n', "“brevdue” is not one of the office's values for Channel"),
        ('[Kommentar]\n"x" = "y"\n', "“Kommentar” is not a column whose values can be mapped"),
        ("Kanal = 3\n", "must be a table"),
    ],
)
def test_a_mapping_that_cannot_be_used_is_refused_with_its_place(
    oslo: Office, sheet_2019: Path, tmp_path: Path, mapping_text: str, message: str
) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text(mapping_text, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        _run(str(sheet_2019), "--office", "OSL", "--mapping", str(mapping), "--language", "en")
    assert not Case.objects.exists()


def test_clear_errors_for_a_missing_file_an_unknown_office_and_an_unreadable_file(
    oslo: Office, tmp_path: Path
) -> None:
    with pytest.raises(CommandError, match="No such file"):
        _run(str(tmp_path / "missing.csv"), "--office", "OSL")
    with pytest.raises(CommandError, match="no office with the code 'XYZ'"):
        _run(str(tmp_path / "missing.csv"), "--office", "XYZ")
    bad = tmp_path / "old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    with pytest.raises(CommandError, match="old Excel file"):
        _run(str(bad), "--office", "OSL", "--language", "en")


def test_a_file_with_a_bad_row_imports_nothing_and_exits_1(oslo: Office, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(
        csv_bytes(
            [
                list(NB_HEADER),
                ["1", "04.03.2019", "Telefon", "", "", "", "", ""],
                ["2", "", "", "", "", "", "", ""],
            ]
        )
    )
    out = StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("importcases", str(path), "--office", "OSL", stdout=out)
    assert failed.value.returncode == 1
    assert "rad 3" in out.getvalue() or "row 3" in out.getvalue()
    assert not Case.objects.exists()
