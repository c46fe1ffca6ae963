"""Reading the files offices have: CSV from Norwegian and Swedish Excel, UTF-8 and UTF-16, XLSX."""

import datetime as dt

import pytest

from likeverd.setup.imports.headers import Column
from likeverd.setup.imports.reading import MAX_ROWS, SheetError, read_sheet
from likeverd.setup.imports.tests.sheets import EN_HEADER, NB_HEADER, SV_HEADER, Cell, csv_bytes, xlsx_bytes

NB_ROWS = [
    list(NB_HEADER),
    ["2019-001", "04.03.2019", "Telefon", "Bolig og nabokonflikter", "Etnisitet", "nei", "", ""],
]


@pytest.mark.parametrize(
    ("delimiter", "encoding", "read_as"),
    [
        (";", "cp1252", "cp1252"),
        (",", "utf-8-sig", "utf-8"),
        ("\t", "utf-16", "utf-16"),
        (";", "utf-8", "utf-8"),
    ],
)
def test_a_csv_file_is_read_whatever_its_delimiter_and_encoding(
    delimiter: str, encoding: str, read_as: str
) -> None:
    sheet = read_sheet(csv_bytes(NB_ROWS, delimiter=delimiter, encoding=encoding))
    assert sheet.encoding == read_as
    assert sheet.delimiter == delimiter
    assert sheet.header.position(Column.AREA) == 3
    [row] = sheet.rows
    assert row.number == 2
    assert row.cell(sheet.header.position(Column.AREA)) == "Bolig og nabokonflikter"


def test_swedish_headers_and_letters_from_swedish_excel() -> None:
    rows = [
        list(SV_HEADER),
        ["Ä-12", "2019-03-04", "Telefon", "Hälsa och vård", "Etnisk tillhörighet", "Nej"],
    ]
    sheet = read_sheet(csv_bytes(rows, delimiter=";", encoding="cp1252"))
    assert sheet.rows[0].cells[:4] == ("Ä-12", "2019-03-04", "Telefon", "Hälsa och vård")


def test_an_xlsx_workbook_gives_date_cells_as_dates_and_row_numbers_as_excel_shows_them() -> None:
    excel_day = dt.datetime(2019, 3, 4)  # noqa: DTZ001 (Excel's date cells have no time zone)
    rows: list[list[Cell]] = [list(EN_HEADER), ["C-1", excel_day, "Phone", "Health", "Ethnicity", "no", None]]
    sheet = read_sheet(xlsx_bytes(rows, above=[["Cases 2019"], []]))
    assert sheet.kind == "xlsx"
    assert sheet.worksheet == "Saker"
    [row] = sheet.rows
    assert row.number == 4  # title, blank line, header, then this row
    assert row.cell(sheet.header.position(Column.RECEIVED)) == excel_day


def test_blank_rows_are_skipped_and_numbers_keep_their_place() -> None:
    rows = [*NB_ROWS, [], ["", "", ""], ["2019-002", "05.03.2019"]]
    sheet = read_sheet(csv_bytes(rows))
    assert [row.number for row in sheet.rows] == [2, 5]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "file_type"),
        (b"PK\x03\x04 not a workbook", "file_type"),
        (b"Navn;Telefon\nOla;123\n", "no_header"),
        ("Kanal;Samfunnsområde\nTelefon;Helse\n".encode(), "missing_column"),
        (b"x" * (5 * 1024 * 1024 + 1), "too_large"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(data: bytes, code: str) -> None:
    with pytest.raises(SheetError) as refused:
        read_sheet(data)
    assert refused.value.code == code


def test_a_sheet_longer_than_the_limit_is_refused() -> None:
    rows = [["Saksnr", "Mottatt"], *([str(n), "04.03.2019"] for n in range(MAX_ROWS + 1))]
    with pytest.raises(SheetError) as refused:
        read_sheet(csv_bytes(rows))
    assert refused.value.code == "too_many_rows"
