import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from likeverd.core.datafiles import DataEntry, DataFileError, array, parse_toml, read_toml


class ShapeError(DataFileError):
    pass


class Shape(DataEntry):
    error = ShapeError


def test_a_missing_file_is_one_error_that_names_it(tmp_path: Path) -> None:
    with pytest.raises(ShapeError, match=r"^gone\.toml: no such file \(.*gone\.toml\)$"):
        read_toml(tmp_path / "gone.toml", error=ShapeError)


def test_a_file_that_is_not_utf8_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('name = "Bodø"'.encode("latin-1"))
    with pytest.raises(DataFileError, match=r"^latin1\.toml: cannot be read"):
        read_toml(path)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[[area]\n", encoding="utf-8")
    with pytest.raises(ShapeError, match=r"^broken\.toml: not valid TOML"):
        read_toml(path, error=ShapeError)


@given(st.text(max_size=200))
def test_any_text_is_a_document_or_a_data_file_error(text: str) -> None:
    message = ""
    try:
        document = parse_toml(text, origin="any.toml")
    except DataFileError as error:
        message = str(error)
    else:
        assert isinstance(document, dict)
    assert not message or message.startswith("any.toml: not valid TOML")


def test_an_entry_refuses_unknown_fields_and_names_them() -> None:
    with pytest.raises(ShapeError, match=r"^f\.toml: area #1: unknown field\(s\) colour, size$"):
        Shape({"code": "A", "size": 1, "colour": "red"}, where="f.toml: area #1", allowed={"code"})


def test_typed_reads_fail_with_the_entry_in_the_message() -> None:
    entry = Shape(
        {
            "code": "bad code",
            "day": dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC),
            "count": -1,
            "site": "ftp://x",
            "ok": "yes",
        },
        where="f.toml: thing #2",
        allowed={"code", "day", "count", "site", "ok"},
    )
    refusals: dict[str, Callable[[], object]] = {
        "pattern": lambda: entry.pattern("code", re.compile(r"^[A-Z]+$"), "UPPER CASE"),
        "date": lambda: entry.date("day"),
        "number": lambda: entry.optional_number("count"),
        "url": lambda: entry.url("site"),
        "boolean": lambda: entry.boolean("ok"),
        "text": lambda: entry.text("missing"),
    }
    for read in refusals.values():
        with pytest.raises(ShapeError, match=r"^f\.toml: thing #2: "):
            read()


def test_absent_optional_values_read_as_their_defaults() -> None:
    entry = Shape({}, where="f.toml", allowed=set())
    assert entry.text("note", required=False) == ""
    assert entry.optional_date("until") is None
    assert entry.number("sort_order", 30) == 30
    assert entry.boolean("is_urgent", default=False) is False
    assert entry.strings("languages") == ()
    assert array({}, "rule", origin="f.toml") == []


def test_a_number_outside_its_range_says_the_range() -> None:
    entry = Shape({"age": 130}, where="f.toml", allowed={"age"})
    with pytest.raises(ShapeError, match="age must be a whole number from 0 to 120"):
        entry.optional_number("age", high=120)
