"""`likeverd report`: the files it writes, and what it says when asked for something it cannot do."""

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services
from likeverd.statistics.selectors import TABLE_IDS
from likeverd.statistics.tests.helpers import at, case

pytestmark = pytest.mark.django_db

PERIOD = ("--from", "2019-01-01", "--to", "2019-12-31")


@pytest.fixture
def cases_of_2019(office: Office, adviser: User) -> None:
    services.create_default_reporting_categories(office=office)
    advising = viewer_of(adviser)
    case(advising, at(dt.date(2019, 3, 5)), category_code="housing")
    case(advising, at(dt.date(2019, 5, 5)), category_code="working_life")


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_json_goes_to_standard_output_in_the_open_data_shape(cases_of_2019: None) -> None:
    document = json.loads(_run("--office", "OSL", *PERIOD, "--format", "json", "--language", "en"))
    assert [table["id"] for table in document["tables"]] == list(TABLE_IDS)
    category = document["tables"][0]
    # One case each: too few to publish, so hidden (null), never shown as a count.
    assert {"label": "Housing and neighbour conflicts", "values": [None]} in category["rows"]
    assert category["suppressed"] is True
    assert document["disclosure_controlled"] is True
    assert document["period"] == {"from": "2019-01-01", "to": "2019-12-31"}


def test_the_language_defaults_to_the_offices_own(cases_of_2019: None) -> None:
    document = json.loads(_run("--office", "osl", *PERIOD, "--format", "json"))
    assert document["language"] == "nb"
    assert {"label": "Bolig og nabokonflikter", "values": [None]} in document["tables"][0]["rows"]


def test_csv_goes_to_standard_output(cases_of_2019: None) -> None:
    lines = list(
        csv.DictReader(io.StringIO(_run("--office", "OSL", *PERIOD, "--format", "csv", "--language", "sv")))
    )
    assert {line["table_id"] for line in lines} >= {"cases_by_category", "cases_by_month"}
    housing = next(line for line in lines if line["row"] == "Boende och grannkonflikter")
    assert (housing["value"], housing["suppressed"]) == ("", "1")
    # What leaves Likeverd shows no count of people from 1 to 4 in any row (money is not counted).
    counts = [line for line in lines if line["unit"] == "" and line["row_key"] != "total"]
    assert all(line["value"] in {"", "0"} or int(line["value"]) >= 5 for line in counts)


def test_xlsx_and_pdf_are_written_to_the_file_given(cases_of_2019: None, tmp_path: Path) -> None:
    _run(
        "--office",
        "OSL",
        *PERIOD,
        "--format",
        "xlsx",
        "--language",
        "en",
        "--output",
        str(tmp_path / "r.xlsx"),
    )
    workbook = load_workbook(tmp_path / "r.xlsx")
    assert workbook.sheetnames == ["about", *TABLE_IDS]

    _run(
        "--office", "OSL", *PERIOD, "--format", "pdf", "--language", "en", "--output", str(tmp_path / "r.pdf")
    )
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages)
    assert "Annual report 2019" in text
    assert "Housing and neighbour conflicts" in text


def test_the_read_and_the_export_are_audited_under_the_commands_name(cases_of_2019: None) -> None:
    _run("--office", "OSL", *PERIOD, "--format", "json")
    rows = AuditEvent.objects.filter(actor_label="the likeverd report command")
    assert {row.action for row in rows} == {AuditAction.VIEW, AuditAction.EXPORT}
    assert all(row.actor_id is None for row in rows)


def test_several_offices_make_one_report(cases_of_2019: None, other_office: Office) -> None:
    document = json.loads(_run("--office", "OSL", "--office", "BGO", *PERIOD, "--format", "json"))
    assert [office["code"] for office in document["offices"]] == ["OSL", "BGO"]


class _Terminal(io.StringIO):
    """Standard output that is a terminal (what `isatty` says of a console)."""

    buffer = io.BytesIO()

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--office", "NOPE", *PERIOD, "--format", "json"), "No active office with the code NOPE"),
        (
            ("--office", "OSL", "--from", "2019-12-31", "--to", "2019-01-01", "--format", "json"),
            "before it starts",
        ),
        (
            ("--office", "OSL", "--from", "2019-02-30", "--to", "2019-03-01", "--format", "json"),
            "not a day of the calendar",
        ),
        (("--office", "OSL", "--from", "1.1.2019", "--to", "2019-03-01", "--format", "json"), "YYYY-MM-DD"),
        (
            ("--office", "OSL", "--from", "2000-01-01", "--to", "2019-01-01", "--format", "json"),
            "at most ten years",
        ),
        (
            ("--office", "OSL", "--from", "2019-01-02", "--to", "2019-12-31", "--format", "json"),
            "whole months only: --from must be the first day of a month",
        ),
        (
            ("--office", "OSL", "--from", "2019-01-01", "--to", "2019-12-30", "--format", "json"),
            r"for example --from 2019-01-01 --to 2019-12-31",
        ),
        (
            ("--office", "OSL", "--from", "2020-02-01", "--to", "2020-02-28", "--format", "json"),
            r"--to 2020-02-29",  # a leap year's February
        ),
        (("--office", "OSL", *PERIOD, "--format", "docx"), "invalid choice"),
        (("--office", "OSL", *PERIOD, "--format", "json", "--language", "de"), "invalid choice"),
    ],
)
def test_clear_errors(office: Office, args: tuple[str, ...], message: str) -> None:
    with translation.override("nb"), pytest.raises(CommandError, match=message):
        _run(*args)  # in English, like every message of the command line, whatever the language


def test_a_binary_file_is_never_written_to_a_terminal(cases_of_2019: None) -> None:
    terminal = _Terminal()
    with pytest.raises(CommandError, match="not for a terminal"):
        call_command("report", "--office", "OSL", *PERIOD, "--format", "pdf", stdout=terminal)
    assert terminal.buffer.getvalue() == b""
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_a_binary_file_goes_to_a_pipe(cases_of_2019: None) -> None:
    class _Pipe(io.StringIO):
        buffer = io.BytesIO()

    pipe = _Pipe()
    call_command("report", "--office", "OSL", *PERIOD, "--format", "xlsx", stdout=pipe)
    assert load_workbook(io.BytesIO(pipe.buffer.getvalue())).sheetnames[0] == "about"


def test_whole_months_of_any_length_are_reported(cases_of_2019: None) -> None:
    document = json.loads(
        _run("--office", "OSL", "--from", "2019-03-01", "--to", "2019-05-31", "--format", "json")
    )
    assert document["period"] == {"from": "2019-03-01", "to": "2019-05-31"}


def test_a_period_that_splits_a_month_ends_the_command_with_exit_status_1(cases_of_2019: None) -> None:
    with pytest.raises(CommandError, match="whole months only") as refused:
        _run("--office", "OSL", "--from", "2019-01-02", "--to", "2019-12-31", "--format", "json")
    assert refused.value.returncode == 1  # what `likeverd report` exits with (run_from_argv)
    assert not AuditEvent.objects.filter(detail__read="statistics").exists()
