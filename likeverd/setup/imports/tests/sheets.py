"""Spreadsheets for the tests, written as the offices' own tools write them: CSV with ";"
in Windows-1252 (Norwegian Excel), "," in UTF-8 with a BOM, tab in UTF-16, and XLSX written
with openpyxl (date cells as dates)."""

import csv
import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook

from tests.model_report_2019 import AREAS_2019

type Cell = str | int | float | dt.date | dt.datetime | None
type Rows = Sequence[Sequence[Cell]]


def _as_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime | dt.date):
        return cell.strftime("%d.%m.%Y")
    return str(cell)


def csv_bytes(rows: Rows, *, delimiter: str = ";", encoding: str = "cp1252") -> bytes:
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_as_text(cell) for cell in row])
    return stream.getvalue().encode(encoding)


def xlsx_bytes(rows: Rows, *, title: str = "Saker", above: Rows = ()) -> bytes:
    """An XLSX workbook; `above` are rows before the header (a title, a blank line)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in [*above, *rows]:
        sheet.append(list(row))
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, dt.datetime | dt.date):
                cell.number_format = "DD.MM.YYYY"
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


NB_HEADER = (
    "Saksnr", "Mottatt", "Kanal", "Samfunnsområde", "Diskrimineringsgrunnlag",
    "Meglingsbenken", "Meglingsområde", "Meglingsresultat",
)  # fmt: skip
SV_HEADER = ("Ärendenummer", "Inkommet", "Kanal", "Område", "Diskrimineringsgrund", "Medling")
EN_HEADER = ("Case number", "Received", "Channel", "Area", "Ground", "Mediation", "Mediation result")

# 3.2.2: eight of them went to the mediation bench, by area; two were mediated with good results
# (agreement), the others were resolved in the preparatory talks.
MEDIATION_2019 = (
    ("Arbeidsplass", "Avtale"),
    ("Arbeidsplass", "Løst før meglingsmøte"),
    ("Varer/tjenester", "Avtale"),
    ("Varer/tjenester", "Løst før meglingsmøte"),
    ("Varer/tjenester", "Løst før meglingsmøte"),
    ("Internett", "Løst før meglingsmøte"),
    ("Nabokonflikt", "Løst før meglingsmøte"),
    ("Skole/utdanning", "Løst før meglingsmøte"),
)
# Five on ethnicity, one on political view, two hate speech on sexual orientation / ethnicity.
MEDIATION_GROUNDS_2019 = (
    "Etnisitet", "Etnisitet", "Etnisitet", "Etnisitet", "Etnisitet",
    "Politisk syn", "Seksuell orientering/ etnisitet", "seksuell orientering; Etnisitet",
)  # fmt: skip
GROUNDS_2019 = ("etnisitet, hudfarge", "Religion", "nasjonal opprinnelse", "Etnisitet; religion")
CHANNELS_2019 = ("Telefon", "E-post", "Skeiv Kafé", "Antirasistisk Senter")
DATE_FORMS = ("{d:%d.%m.%Y}", "{d:%Y-%m-%d}", "{d.day}/{d.month}/{d:%Y}", "{d.day}.{d.month}.{d:%y}")


def rows_2019(*, date_cells: bool = False) -> list[list[Cell]]:
    """The 2019 model report as the sheet DiMe kept: 60 rows, 8 sent to the bench. Dates are
    typed in the four forms offices use (or, for XLSX, date cells)."""
    areas = [area for area, count in AREAS_2019 for _ in range(count)]
    rows: list[list[Cell]] = [list(NB_HEADER)]
    mediated = iter(zip(MEDIATION_2019, MEDIATION_GROUNDS_2019, strict=True))
    for index, area in enumerate(areas):
        day = dt.date(2019, 1, 7) + dt.timedelta(days=index * 6)
        received: Cell = day if date_cells else DATE_FORMS[index % 4].format(d=day)
        channel = CHANNELS_2019[index % 4]
        mediation_area: str | None = None
        result: str | None = None
        grounds: str | None = None
        if index % 7 == 3 and (sent_to_bench := next(mediated, None)) is not None:
            (mediation_area, result), grounds = sent_to_bench
        sent = "ja" if result else ("nei" if index % 2 else None)
        rows.append(
            [
                f"2019-{index + 1:03d}",
                received,
                channel,
                area,
                grounds or GROUNDS_2019[index % 4],
                sent,
                mediation_area,
                result,
            ]
        )
    return rows


# What the unrecognised values of the 2019 sheet are (the channels as DiMe wrote them): the
# screen's choices, or --mapping.
MAPPING_2019_TOML = """
[Kanal]
"Skeiv Kafé" = "drop_in"
"Antirasistisk Senter" = "Henvist fra samarbeidspartner"
"""
