"""Parsing taxonomy files: versions close each other, and bad files are refused by name."""

import datetime as dt
from pathlib import Path

import pytest

from likeverd.taxonomy.loader import (
    TaxonomyDataError,
    load_all,
    parse_reporting_categories,
    parse_taxonomy_file,
)

HEAD = """
[jurisdiction]
code = "XX"
name_nb = "Testland"
name_sv = "Testland"
name_en = "Testland"

[[source]]
key = "XX-LAW-1"
law = "Test Act"
section = "§ 1"
url = "https://example.org/law"
status = "V-LAW"
"""


def term(
    code: str = "ETHNICITY", *, kind: str = "ground", valid_from: str = "2018-01-01", **extra: str
) -> str:
    fields = {
        "kind": f'"{kind}"',
        "code": f'"{code}"',
        "label_nb": '"Etnisitet"',
        "label_sv": '"Etnicitet"',
        "label_en": '"Ethnicity"',
        "valid_from": valid_from,
        "status": '"V-SEC"',
        "sources": '["XX-LAW-1"]',
        **extra,
    }
    return "\n[[term]]\n" + "\n".join(f"{name} = {value}" for name, value in fields.items() if value) + "\n"


def write(tmp_path: Path, *terms: str, head: str = HEAD, name: str = "xx.toml") -> Path:
    path = tmp_path / name
    path.write_text(head + "".join(terms), encoding="utf-8")
    return path


def test_a_valid_file_parses_with_its_sources_and_terms(tmp_path: Path) -> None:
    parsed = parse_taxonomy_file(write(tmp_path, term(), term("RELIGION")))
    assert parsed.jurisdiction.code == "XX"
    assert [source.key for source in parsed.sources] == ["XX-LAW-1"]
    assert [(t.code, t.sort_order, t.valid_to) for t in parsed.terms] == [
        ("ETHNICITY", 10, None),
        ("RELIGION", 20, None),
    ]
    assert parsed.terms[0].valid_from == dt.date(2018, 1, 1)


def test_a_new_version_closes_the_old_one_the_day_before(tmp_path: Path) -> None:
    parsed = parse_taxonomy_file(
        write(
            tmp_path, term(valid_from="2021-01-01", label_en='"Ethnic origin"'), term(valid_from="2018-01-01")
        )
    )
    versions = {t.valid_from: t for t in parsed.terms}
    assert versions[dt.date(2018, 1, 1)].valid_to == dt.date(2020, 12, 31)
    assert versions[dt.date(2021, 1, 1)].valid_to is None


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ((term(kind="grund"),), "term #1 (grund/ETHNICITY): unknown kind 'grund'"),
        ((term(status='"VERIFIED"'),), "term #1 (ground/ETHNICITY): unknown status 'VERIFIED'"),
        (
            (term(), term()),
            "term #2 (ground/ETHNICITY): duplicate term ground/ETHNICITY valid from 2018-01-01",
        ),
        ((term(sources='["XX-LAW-9"]'),), "term #1 (ground/ETHNICITY): cites unknown source key(s) XX-LAW-9"),
        ((term(sources="[]"),), "term #1 (ground/ETHNICITY): needs at least one source"),
        ((term(label_sv=""),), "term #1 (ground/ETHNICITY): missing label_sv"),
        ((term(label_sv='"  "'),), "term #1 (ground/ETHNICITY): missing label_sv"),
        ((term(valid_to="2017-12-31"),), "valid_to 2017-12-31 is before valid_from 2018-01-01"),
        ((term(valid_from='"2018-01-01"'),), "valid_from must be a TOML date"),
        ((term(lable_en='"Typo"'),), "term #1 (ground/ETHNICITY): unknown field(s) lable_en"),
        ((term("ethnicity"),), "code 'ethnicity' is not UPPER_SNAKE_CASE"),
        (
            (term(valid_to="2022-06-30"), term(valid_from="2021-01-01")),
            "the version from 2018-01-01 runs to 2022-06-30, past the next version starting 2021-01-01",
        ),
    ],
)
def test_a_bad_term_is_refused_with_the_file_and_entry_named(
    tmp_path: Path, terms: tuple[str, ...], message: str
) -> None:
    with pytest.raises(TaxonomyDataError) as refused:
        parse_taxonomy_file(write(tmp_path, *terms))
    assert str(refused.value).startswith("xx.toml: ")
    assert message in str(refused.value)


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (HEAD.replace('status = "V-LAW"', 'status = "LAW"'), "source #1 (XX-LAW-1): unknown status 'LAW'"),
        (HEAD.replace('code = "XX"', 'code = "Norway"'), "[jurisdiction]: code 'Norway' is not a two-letter"),
        (HEAD.replace('name_sv = "Testland"\n', ""), "[jurisdiction]: missing name_sv"),
        (HEAD + HEAD.split("\n\n", 1)[1].replace("[jurisdiction]", ""), "duplicate"),
        (HEAD + "\n[[sources]]\n", "unknown top-level key(s) sources"),
        (HEAD.replace("https://example.org/law", "example.org/law"), "url 'example.org/law' must start with"),
        ("[jurisdiction\n", "not valid TOML"),
    ],
)
def test_a_bad_file_header_or_source_is_refused(tmp_path: Path, head: str, message: str) -> None:
    with pytest.raises(TaxonomyDataError, match=r"^xx\.toml: ") as refused:
        parse_taxonomy_file(write(tmp_path, term(), head=head))
    assert message in str(refused.value)


def test_a_jurisdiction_file_must_be_named_for_its_country(tmp_path: Path) -> None:
    write(tmp_path, term(), name="yy.toml")
    with pytest.raises(
        TaxonomyDataError, match=r"yy.toml: declares jurisdiction XX; the file must be named xx.toml"
    ):
        load_all(tmp_path)


def test_a_reporting_category_with_a_bad_entry_is_refused_by_code(tmp_path: Path) -> None:
    path = tmp_path / "categories.toml"
    path.write_text(
        '[[category]]\ncode = "nightlife"\nlabel_nb = "Uteliv"\nlabel_sv = "Nöjesliv"\nlabel_en = ""\n'
        'areas.NO = ["GOODS_SERVICES"]\n',
        encoding="utf-8",
    )
    with pytest.raises(
        TaxonomyDataError, match=r"categories.toml: category #1 \(nightlife\): missing label_en"
    ):
        parse_reporting_categories(path)

    path.write_text('[[category]]\ncode = "Night Life"\n', encoding="utf-8")
    with pytest.raises(TaxonomyDataError, match="code 'Night Life' is not lower_snake_case"):
        parse_reporting_categories(path)

    path.write_text(
        '[[category]]\ncode = "nightlife"\nlabel_nb = "a"\nlabel_sv = "b"\nlabel_en = "c"\n'
        "areas.Norway = []\n",
        encoding="utf-8",
    )
    with pytest.raises(TaxonomyDataError, match="areas key 'Norway' is not a two-letter country code"):
        parse_reporting_categories(path)
