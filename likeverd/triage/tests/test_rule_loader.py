"""Parsing deadline files: a bad file is refused with the file and the rule named."""

import datetime as dt
from pathlib import Path

import pytest

from likeverd.triage.datafile import TriageDataError
from likeverd.triage.rules import KnownCodes, Length, parse_rules_file, parse_rules_text

KNOWN = KnownCodes(areas=frozenset({"EMPLOYMENT", "HOUSING"}), forms=frozenset({"DIRECT", "HARASSMENT"}))

HEAD = """
[jurisdiction]
code = "XX"

[counting]
method = "SAME_DAY_OR_MONTH_END"
law = "Counting Act"
section = "§ 1"
status = "UNVERIFIED"

[[body]]
code = "TRIBUNAL"
name_nb = "Nemnda"
name_sv = "Nämnden"
name_en = "The tribunal"

[[trigger]]
code = "INCIDENT"
from_incident = true
label_nb = "Hendelsen"
label_sv = "Händelsen"
label_en = "The incident"
"""


def rule(rule_id: str = "XX-TRIBUNAL-3Y", *, extra: str = "", **fields: str) -> str:
    values = {
        "id": f'"{rule_id}"',
        "body": '"TRIBUNAL"',
        "track": '"CIVIL"',
        "runs_from": '"INCIDENT"',
        "length": "{ years = 3 }",
        "valid_from": "2018-01-01",
        "status": '"V-OFF"',
        "label_nb": '"Klage"',
        "label_sv": '"Klagomål"',
        "label_en": '"Complaint"',
        "consequence_nb": '"Kan avvises"',
        "consequence_sv": '"Kan avvisas"',
        "consequence_en": '"May be dismissed"',
        "citations": '[{ law = "Test Act", section = "§ 3", url = "https://example.org", status = "V-OFF" }]',
    }
    values.update(fields)
    body = "\n".join(f"{key} = {value}" for key, value in values.items() if value)
    return f"\n[[rule]]\n{body}\n{extra}\n"


def parse(text: str) -> list[str]:
    return [r.id for r in parse_rules_text(text, origin="deadlines_xx.toml", known=KNOWN).rules]


def refused(text: str) -> str:
    with pytest.raises(TriageDataError) as error:
        parse_rules_text(text, origin="deadlines_xx.toml", known=KNOWN)
    message = str(error.value)
    assert message.startswith("deadlines_xx.toml")
    return message


def test_a_well_formed_rule_is_read_with_its_length_and_citation() -> None:
    rule_set = parse_rules_text(HEAD + rule(), origin="deadlines_xx.toml", known=KNOWN)
    (only,) = rule_set.rules
    assert only.length == Length(years=3)
    assert only.citations[0].section == "§ 3"
    assert only.body.name.en == "The tribunal"
    assert rule_set.counting.citation.status == "UNVERIFIED"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"citations": "[]"}, "needs at least one citation"),
        ({"citations": '[{ law = "Test Act", section = "§ 3", status = "V-LAW" }]'}, "missing url"),
        ({"status": '"VERIFIED"'}, "unknown status 'VERIFIED'"),
        ({"length": "{ years = 3, months = 2 }"}, "length must be one of"),
        ({"length": "{ fortnights = 1 }"}, "length unit 'fortnights'"),
        ({"length": "{ years = 0 }"}, "from 1 to 30"),
        ({"areas": '["NIGHTCLUBS"]'}, "unknown code(s) NIGHTCLUBS"),
        ({"except_forms": '["DIRECT", "DIRECT"]'}, "lists a code twice"),
        ({"areas": '["HOUSING"]', "except_areas": '["HOUSING"]'}, "both included and excepted"),
        ({"body": '"OMBUD"'}, "unknown body 'OMBUD'"),
        ({"runs_from": '"BIRTH"'}, "unknown runs_from 'BIRTH'"),
        ({"track": '"civil"'}, "unknown track 'civil'"),
        ({"valid_from": '"2018-01-01"'}, "must be a TOML date"),
        ({"valid_to": "2017-12-31"}, "before valid_from"),
        ({"label_sv": ""}, "missing label_sv"),
        ({"condition_en": '"Only if"'}, "condition must be given in all of nb, sv, en or none"),
        ({"minor_until_age": "0"}, "minor_until_age must be a whole number"),
        ({"years": "3"}, "unknown field(s) years"),
    ],
)
def test_a_malformed_rule_is_refused_naming_the_rule(fields: dict[str, str], message: str) -> None:
    text = refused(HEAD + rule(**fields))
    assert "XX-TRIBUNAL-3Y" in text
    assert message in text


def test_a_rule_id_must_carry_its_jurisdiction() -> None:
    assert "must start with XX-" in refused(HEAD + rule("NO-TRIBUNAL-3Y"))


def test_a_body_no_rule_uses_is_refused_as_a_probable_typo() -> None:
    extra_body = '\n[[body]]\ncode = "POLICE"\nname_nb = "P"\nname_sv = "P"\nname_en = "P"\n'
    assert "never used by a rule: POLICE" in refused(HEAD + extra_body + rule())


def test_a_later_version_of_a_rule_closes_the_earlier_one_the_day_before() -> None:
    text = HEAD + rule() + rule(valid_from="2022-07-01", length="{ years = 2 }")
    first, second = parse_rules_text(text, origin="deadlines_xx.toml", known=KNOWN).rules
    assert first.valid_to == dt.date(2022, 6, 30)
    assert second.valid_to is None
    assert "two versions from 2018-01-01" in refused(HEAD + rule() + rule())


def test_missing_tables_and_bad_toml_are_refused() -> None:
    assert "missing [counting]" in refused('[jurisdiction]\ncode = "XX"\n')
    assert "not valid TOML" in refused(HEAD + "[[rule]\n")
    assert "no [[rule]] entries" in refused(HEAD.split("[[body]]")[0])


def test_a_file_must_be_named_for_its_jurisdiction(tmp_path: Path) -> None:
    path = tmp_path / "deadlines_se.toml"
    path.write_text(HEAD + rule(), encoding="utf-8")
    with pytest.raises(TriageDataError, match=r"must be named deadlines_xx\.toml"):
        parse_rules_file(path, known=KNOWN)


def test_the_shipped_data_files_pass_the_system_check() -> None:
    from likeverd.triage.checks import data_files_parse

    assert data_files_parse() == []
