"""The parsers of a sheet's cells: headers, dates and yes/no, as offices type them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from likeverd.setup.imports.dates import EXCEL_EPOCH, parse_sheet_date
from likeverd.setup.imports.headers import HEADER_NAMES, Column, find_header_row, recognise_header
from likeverd.setup.imports.text import fold
from likeverd.setup.imports.yesno import NO, YES, parse_yes_no

TODAY = dt.date(2026, 11, 29)
NAMES = [(column, name) for column, names in HEADER_NAMES.items() for name in names]


@st.composite
def retyped(draw: st.DrawFn, name: str) -> str:
    """`name` as a hurried person types it: any case, spaces or punctuation between letters and
    around it."""
    noise = st.sampled_from(["", "", "", " ", ".", "-", "_", ":", "  "])
    letters = [
        (char.upper() if draw(st.booleans()) else char.lower()) + draw(noise) for char in name if char != " "
    ]
    return (
        draw(st.sampled_from(["", " ", "* "])) + "".join(letters) + draw(st.sampled_from(["", ".", ":", " "]))
    )


@given(data=st.data(), entry=st.sampled_from(NAMES))
def test_a_header_is_recognised_whatever_its_case_spaces_and_punctuation(
    data: st.DataObject, entry: tuple[Column, str]
) -> None:
    column, name = entry
    assert recognise_header(data.draw(retyped(name))) == column


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("Saksnr.", Column.NUMBER),
        ("ÄRENDENUMMER", Column.NUMBER),
        ("Case number", Column.NUMBER),
        ("Mottatt", Column.RECEIVED),
        ("Inkommet", Column.RECEIVED),
        ("Received", Column.RECEIVED),
        ("Samfunns-område", Column.AREA),
        ("Område", Column.AREA),
        ("Diskrimineringsgrund", Column.GROUNDS),
        ("Meglingsbenken", Column.MEDIATION),
        ("Medling", Column.MEDIATION),
        ("Meglingsområde", Column.MEDIATION_AREA),
        ("Meglings resultat", Column.MEDIATION_RESULT),
        ("Kommentar", None),
        ("Navn", None),
    ],
)
def test_headers_in_norwegian_swedish_and_english(name: str, column: Column | None) -> None:
    assert recognise_header(name) == column


def test_the_header_row_is_found_under_a_title_and_a_blank_line() -> None:
    rows = [
        ["Henvendelser 2019", "", ""],
        ["", "", ""],
        ["Saksnr", "Mottatt", "Kommentar", "Kanal"],
        ["1", "04.03.2019", "ring tilbake", "Telefon"],
    ]
    header = find_header_row(rows)
    assert header is not None
    assert header.index == 2
    assert header.position(Column.CHANNEL) == 3
    assert header.not_read == ["Kommentar"]


def test_a_title_that_names_one_column_is_not_taken_for_the_header() -> None:
    assert find_header_row([["Mottatt"], ["04.03.2019"]]) is None


days = st.dates(min_value=dt.date(1990, 1, 1), max_value=TODAY)
FORMS = [
    "{d:%Y-%m-%d}",
    "{d:%d.%m.%Y}",
    "{d.day}.{d.month}.{d:%Y}",
    "{d.day}/{d.month}/{d:%Y}",
    "{d.day}-{d.month}-{d:%Y}",
]


@given(day=days, form=st.sampled_from(FORMS), time=st.sampled_from(["", " 00:00:00", " kl. 10:15", "T09:30"]))
def test_a_typed_date_reads_back_as_that_day(day: dt.date, form: str, time: str) -> None:
    assert parse_sheet_date(form.format(d=day) + time, today=TODAY) == day


@given(day=st.dates(min_value=dt.date(2000, 1, 1), max_value=TODAY))
def test_a_two_digit_year_is_of_this_century(day: dt.date) -> None:
    assert parse_sheet_date(f"{day.day}.{day.month}.{day:%y}", today=TODAY) == day


@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(1999, 12, 31)))
def test_a_two_digit_year_not_yet_come_is_of_the_last_century(day: dt.date) -> None:
    assert parse_sheet_date(f"{day.day}.{day.month}.{day:%y}", today=TODAY) == day


@given(day=days, as_text=st.booleans(), fraction=st.sampled_from([0.0, 0.25, 0.5]))
def test_an_excel_serial_number_is_a_day(day: dt.date, as_text: bool, fraction: float) -> None:
    serial = (day - EXCEL_EPOCH).days
    cell: object = str(serial) if as_text else serial + fraction
    assert parse_sheet_date(cell, today=TODAY) == day


# Excel's date cells carry no time zone: openpyxl gives them as naive datetimes.
EARLIEST_CELL = dt.datetime(1990, 1, 1)  # noqa: DTZ001
LATEST_CELL = dt.datetime(2026, 11, 29, 23, 59)  # noqa: DTZ001


@given(moment=st.datetimes(min_value=EARLIEST_CELL, max_value=LATEST_CELL))
def test_an_excel_date_cell_is_its_day(moment: dt.datetime) -> None:
    assert parse_sheet_date(moment, today=TODAY) == moment.date()
    assert parse_sheet_date(moment.date(), today=TODAY) == moment.date()


def test_the_day_comes_first_as_in_norway_and_sweden() -> None:
    assert parse_sheet_date("4/3/2019", today=TODAY) == dt.date(2019, 3, 4)
    assert parse_sheet_date("4.3.19", today=TODAY) == dt.date(2019, 3, 4)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("31.02.2019", "invalid_date"),
        ("2019-13-01", "invalid_date"),
        ("mars 2019", "invalid_date"),
        ("12345", "invalid_date"),
        ("01.12.2026", "future_date"),
        ("04.03.1919", "early_date"),
        ("ja", "invalid_date"),
    ],
)
def test_what_is_not_a_received_day_is_refused_with_a_reason(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_sheet_date(text, today=TODAY)
    assert refused.value.code == code


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_an_empty_date_cell_is_no_date(empty: object) -> None:
    assert parse_sheet_date(empty, today=TODAY) is None


@given(word=st.sampled_from(sorted(YES)), data=st.data())
def test_yes_in_any_language_and_case_is_yes(word: str, data: st.DataObject) -> None:
    assert parse_yes_no(data.draw(retyped(word))) is True


@given(word=st.sampled_from(sorted(NO)), data=st.data())
def test_no_in_any_language_and_case_is_no(word: str, data: st.DataObject) -> None:
    assert parse_yes_no(data.draw(retyped(word))) is False


@pytest.mark.parametrize(
    ("cell", "expected"), [(1, True), (0, False), (True, True), ("✓", True), ("-", False)]
)
def test_numbers_and_marks_as_yes_and_no(cell: object, expected: bool) -> None:
    assert parse_yes_no(cell) is expected


@given(text=st.text(min_size=1).filter(lambda t: t.strip() and t.strip().casefold() not in YES | NO))
def test_anything_else_is_neither_yes_nor_no(text: str) -> None:
    # Only a word that folds to yes or no ("J.A", "n-o"), or a tick or a dash, is read as one.
    if fold(text) in YES | NO or text.strip() in "✓✔☑✅-–—":
        assert parse_yes_no(text) is not None
    else:
        with pytest.raises(ValidationError) as refused:
            parse_yes_no(text)
        assert refused.value.code == "invalid_yes_no"
