"""A spreadsheet's bytes to a `Sheet`: its header and rows of cells, whatever wrote it.

CSV: the encoding is UTF-16 when it starts with a byte-order mark (Excel's "Unicode text"),
else UTF-8 (with or without a BOM), else Windows-1252 (Norwegian and Swedish Excel's "CSV"),
else Latin-1. The delimiter is the one of ";", "," and tab under which a header row is found.

XLSX: read with openpyxl in read-only mode, values only (formulas give their last result):
the first worksheet with a header row. Dates formatted as dates arrive as datetimes.

Nothing here writes to disk: the bytes are read in memory.
"""

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from likeverd.setup.imports.headers import HeaderRow, find_header_row

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 60
DELIMITERS = (";", ",", "\t")

type Cell = str | int | float | object | None
Kind = Literal["csv", "xlsx"]


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row's number as the spreadsheet shows it (1 is the first line)
    cells: tuple[Cell, ...]

    def cell(self, position: int | None) -> Cell:
        if position is None or position >= len(self.cells):
            return None
        return self.cells[position]


@dataclass(frozen=True)
class Sheet:
    kind: Kind
    header: HeaderRow
    rows: tuple[SheetRow, ...]
    encoding: str = ""  # CSV only
    delimiter: str = ""  # CSV only
    worksheet: str = ""  # XLSX only


class SheetError(ValidationError):
    """The file as a whole cannot be read (each row's problems are the dry run's)."""


def read_sheet(data: bytes) -> Sheet:
    """Read CSV or XLSX bytes; a SheetError (translated) says why a file cannot be read."""
    if not data:
        raise SheetError(_("The file is empty."), code="empty")
    if len(data) > MAX_BYTES:
        raise SheetError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(len(data)), "limit": filesizeformat(MAX_BYTES)},
            code="too_large",
        )
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SheetError(
            _("This is an old Excel file (.xls). Save it as .xlsx or CSV in Excel, and upload that."),
            code="file_type",
        )
    return _read_csv(data)


def _with_header(rows: Sequence[Sequence[Cell]]) -> HeaderRow:
    texts = [[str(cell) if cell is not None else "" for cell in row] for row in rows]
    header = find_header_row(texts)
    if header is None:
        raise SheetError(
            _(
                "We found no header row. The first line should name the columns, for example "
                "Saksnr, Mottatt, Kanal, Samfunnsområde, Diskrimineringsgrunnlag."
            ),
            code="no_header",
        )
    if header.missing:
        raise SheetError(
            _("The sheet has no column for: %(columns)s."),
            params={"columns": ", ".join(str(column.label) for column in header.missing)},
            code="missing_column",
        )
    return header


def _rows_after(header: HeaderRow, rows: Iterable[tuple[int, Sequence[Cell]]]) -> tuple[SheetRow, ...]:
    read = []
    for number, cells in rows:
        if number <= header.index + 1:
            continue
        values = tuple(_tidy(cell) for cell in cells[:MAX_COLUMNS])
        if all(value is None for value in values):
            continue
        read.append(SheetRow(number=number, cells=values))
        if len(read) > MAX_ROWS:
            raise SheetError(
                _("The sheet has more than %(limit)s rows. Split it into several files."),
                params={"limit": MAX_ROWS},
                code="too_many_rows",
            )
    return tuple(read)


def _tidy(cell: Cell) -> Cell:
    if isinstance(cell, str):
        text = cell.strip()
        return text or None
    return cell


# --- CSV -------------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    return data.decode("latin-1"), "latin-1"


def _parse(text: str, delimiter: str, limit: int | None = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    for row in reader:
        rows.append(row)
        if limit is not None and len(rows) >= limit:
            break
    return rows


def sniff_delimiter(text: str) -> str:
    """The delimiter under which the header row names most known columns; without a header, the
    one that occurs most on the first line."""
    best, best_count = "", 0
    for delimiter in DELIMITERS:
        try:
            header = find_header_row(_parse(text, delimiter, limit=12))
        except csv.Error:
            continue
        count = len(header.found) if header else 0
        if count > best_count:
            best, best_count = delimiter, count
    if best:
        return best
    first_line = text.split("\n", 1)[0]
    return max(DELIMITERS, key=first_line.count)


def _read_csv(data: bytes) -> Sheet:
    text, encoding = decode(data)
    if "\x00" in text:
        raise SheetError(_("This is not a spreadsheet we can read. Upload CSV or XLSX."), code="file_type")
    delimiter = sniff_delimiter(text)
    try:
        rows = _parse(text, delimiter)
    except csv.Error as error:
        raise SheetError(
            _("The CSV file cannot be read: %(reason)s."), params={"reason": str(error)}, code="csv"
        ) from None
    header = _with_header(rows)
    return Sheet(
        kind="csv",
        header=header,
        rows=_rows_after(header, enumerate(rows, start=1)),
        encoding=encoding,
        delimiter=delimiter,
    )


# --- XLSX ------------------------------------------------------------------------------------------


def _read_xlsx(data: bytes) -> Sheet:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        names = set()
    if "xl/workbook.xml" not in names:
        raise SheetError(
            _("This is not an Excel workbook (.xlsx). Save it as .xlsx or CSV, and upload that."),
            code="file_type",
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise SheetError(_("The Excel file is damaged and cannot be read."), code="xlsx") from None
    try:
        for worksheet in workbook.worksheets:
            head: list[tuple[Cell, ...]] = []
            for row in worksheet.iter_rows(max_row=10, values_only=True):
                head.append(tuple(row))
            texts = [["" if cell is None else str(cell) for cell in row] for row in head]
            if find_header_row(texts) is None:
                continue
            header = _with_header(head)
            rows = (
                (number, tuple(row))
                for number, row in enumerate(
                    worksheet.iter_rows(max_row=header.index + MAX_ROWS + 1000, values_only=True), start=1
                )
            )
            return Sheet(
                kind="xlsx", header=header, rows=_rows_after(header, rows), worksheet=str(worksheet.title)
            )
    finally:
        workbook.close()
    return Sheet(kind="xlsx", header=_with_header([]), rows=())
