"""`likeverd deadlines`: JSON for scripts, one clear line for bad input."""

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from likeverd.triage.management.commands.deadlines import Command


def run(*args: str) -> dict[str, Any]:
    out = StringIO()
    call_command("deadlines", *args, "--language", "en", stdout=out)
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


def test_a_swedish_minor_gets_the_two_year_period_from_the_18th_birthday() -> None:
    result = run(
        "--jurisdiction", "SE", "--incident-date", "14.03.2025", "--birth-date", "2010-06-15",
        "--area", "GOODS_SERVICES_HOUSING", "--track", "civil", "--today", "2026-11-29",
    )  # fmt: skip
    (deadline,) = result["deadlines"]
    assert deadline["rule_id"] == "SE-DL-2Y"
    assert deadline["ends_on"] == "2030-06-15"
    assert deadline["body"] == "COURT"
    assert deadline["status"] == "PARTIAL"
    assert deadline["verification"] == "PARTIAL"
    assert deadline["citations"][0]["section"].startswith("6 kap. 6 §")
    assert deadline["days_left"] == 1294
    assert result["counting"]["status"] == "UNVERIFIED"


def test_an_approximate_norwegian_date_shows_earliest_and_latest_and_says_so() -> None:
    result = run(
        "--jurisdiction",
        "no",
        "--incident-date",
        "våren 2025",
        "--track",
        "criminal",
        "--today",
        "2026-11-29",
    )
    public = next(d for d in result["deadlines"] if d["rule_id"] == "NO-STRL-185-PUBLIC-5Y")
    assert (public["earliest_ends_on"], public["latest_ends_on"]) == ("2030-03-01", "2030-05-31")
    assert public["approximate"] is True
    assert public["ends_on"] == public["earliest_ends_on"]
    assert {d["track"] for d in result["deadlines"]} == {"CRIMINAL"}
    assert result["incident"] == {
        "text": "våren 2025",
        "from": "2025-03-01",
        "to": "2025-05-31",
        "precision": "season",
    }


def test_without_a_birth_date_the_swedish_output_says_it_is_needed() -> None:
    result = run("--jurisdiction", "SE", "--incident-date", "2026-01-10", "--today", "2026-11-29")
    general = next(d for d in result["deadlines"] if d["rule_id"] == "SE-DL-2Y")
    assert general["birth_date_needed"] is True
    assert general["latest_ends_on"] is None


def test_deadlines_that_have_certainly_passed_are_listed_apart() -> None:
    result = run("--jurisdiction", "NO", "--incident-date", "01.02.2024", "--today", "2026-11-29")
    assert "NO-STRL-186-2Y" in result["expired"]
    assert "NO-STRL-186-2Y" not in {d["rule_id"] for d in result["deadlines"]}
    assert "NO-NEMNDA-3Y" in {d["rule_id"] for d in result["deadlines"]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jurisdiction", "DK", "--incident-date", "2025"], "--jurisdiction must be one of NO, SE."),
        (["--jurisdiction", "NO"], "--incident-date is required"),
        (["--jurisdiction", "NO", "--incident-date", "yesterday-ish"], 'We could not read "yesterday-ish"'),
        (
            ["--jurisdiction", "NO", "--incident-date", "2031", "--today", "2026-11-29"],
            "cannot be in the future",
        ),
        (
            ["--jurisdiction", "NO", "--incident-date", "2025", "--today", "29.11.2026"],
            "--today must be a date",
        ),
        (
            ["--jurisdiction", "NO", "--incident-date", "2025", "--birth-date", "2099-01-01"],
            "--birth-date cannot be",
        ),
        (
            ["--jurisdiction", "NO", "--incident-date", "2025", "--area", "NIGHTCLUB"],
            "Unknown area NIGHTCLUB for NO",
        ),
        (
            ["--jurisdiction", "SE", "--incident-date", "2025", "--form", "COMPLICITY"],
            "Unknown form COMPLICITY",
        ),
        (
            ["--jurisdiction", "NO", "--incident-date", "2025", "--track", "both"],
            "--track must be civil or criminal",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=None) as error:
        call_command("deadlines", *args, "--language", "en", stdout=StringIO())
    assert message in str(error.value)


def test_bad_input_on_the_command_line_is_one_line_on_stderr_and_exit_status_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(
            ["likeverd", "deadlines", "--jurisdiction", "XX", "--incident-date", "2025", "--language", "en"]
        )
    assert exit_.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "--jurisdiction must be one of NO, SE." in captured.err
