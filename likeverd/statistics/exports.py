"""The annual report's figures as files: JSON (the open-data shape), CSV, XLSX and PDF.

Every export is built from the same `Table` values as the page, so a figure reads the same in
each. Ids are stable across languages; titles and labels are in the report's language.

- JSON: `{"tables": [table.as_open_data(), ...]}` (issue 11's open-data shape), with the period,
  the offices, the language and whether disclosure control was applied beside "tables".
- CSV: ONE file in long form, one line per figure: `table_id, table, row_key, row, column,
  value, unit, suppressed`. Every table fits the same columns whatever its shape, a program
  reads it without knowing the tables, and a spreadsheet pivots it back. A suppressed figure
  has an empty value and `suppressed` = 1 (never 0, which would read as "none"). UTF-8, no BOM.
- XLSX: an "About" sheet (the report, the period, the legend of the suppression mark), then one
  sheet per table named by its id; headers bold, figures as numbers, a suppressed cell as "·".
- PDF: the report page's own body (the same template and the same SVG charts), on A4 with page
  numbers, printed by WeasyPrint, which loads nothing from outside.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from likeverd.statistics.charts import HIDDEN_MARK
from likeverd.statistics.tables import Row, Table

if TYPE_CHECKING:
    from likeverd.statistics.report import AnnualReport

STYLESHEET = Path(__file__).parent / "static" / "likeverd" / "statistics.css"
CSV_HEADER = ("table_id", "table", "row_key", "row", "column", "value", "unit", "suppressed")
TOTAL_KEY = "total"


@dataclass(frozen=True)
class About:
    """What a file says about itself: the period, the offices, the language, whether the
    figures went through disclosure control."""

    title: str
    start: str  # ISO dates
    end: str
    offices: tuple[tuple[str, str], ...]  # (code, name)
    language: str
    controlled: bool

    def as_open_data(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "period": {"from": self.start, "to": self.end},
            "offices": [{"code": code, "name": name} for code, name in self.offices],
            "language": self.language,
            "disclosure_controlled": self.controlled,
        }


def as_json(tables: Sequence[Table], *, about: About | None = None) -> bytes:
    document: dict[str, Any] = dict(about.as_open_data()) if about is not None else {}
    document["tables"] = [table.as_open_data() for table in tables]
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _rows_with_total(table: Table) -> Iterator[tuple[Row, bool]]:
    for row in table.rows:
        yield row, False
    if table.total is not None:
        yield table.total, True


def as_csv(tables: Sequence[Table]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for table in tables:
        for row, is_total in _rows_with_total(table):
            key = TOTAL_KEY if is_total else row.key
            for column, value in zip(table.columns, row.values, strict=False):
                writer.writerow(
                    (
                        table.id,
                        table.title,
                        key,
                        row.label,
                        column,
                        "" if value is None else value,
                        table.unit,
                        1 if value is None else 0,
                    )
                )
    return out.getvalue().encode("utf-8")


def as_xlsx(tables: Sequence[Table], *, about: About | None = None) -> bytes:
    # openpyxl is imported here: only the XLSX download needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "about"
    sheet["A1"] = about.title if about is not None else _("Statistics")
    sheet["A1"].font = Font(bold=True, size=14)
    line = 3
    if about is not None:
        facts = [
            (_("Period"), f"{about.start} – {about.end}"),
            (_("Offices"), ", ".join(f"{name} ({code})" for code, name in about.offices)),
            (
                _("Disclosure control"),
                _("applied: small numbers are hidden")
                if about.controlled
                else _("not applied: internal figures"),
            ),
        ]
        for label_text, value_text in facts:
            sheet.cell(line, 1, label_text).font = bold
            sheet.cell(line, 2, value_text)
            line += 1
    sheet.cell(line, 1, HIDDEN_MARK).font = bold
    sheet.cell(line, 2, _hidden_legend())
    line += 2
    sheet.cell(line, 1, _("Sheet")).font = bold
    sheet.cell(line, 2, _("Table")).font = bold
    for table in tables:
        line += 1
        cell = sheet.cell(line, 1, table.id[:31])
        cell.hyperlink = f"#'{table.id[:31]}'!A1"
        sheet.cell(line, 2, table.title)
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 70

    for table in tables:
        page = workbook.create_sheet(table.id[:31])
        page["A1"] = table.title
        page["A1"].font = Font(bold=True, size=13)
        header = 3
        page.cell(header, 1, "").font = bold
        for index, column in enumerate(table.columns, start=2):
            cell = page.cell(header, index, f"{column} ({table.unit})" if table.unit else column)
            cell.font = bold
            cell.alignment = Alignment(horizontal="right", wrap_text=True)
        line = header
        for row, is_total in _rows_with_total(table):
            line += 1
            label = page.cell(line, 1, row.label)
            label.font = bold if is_total else Font()
            for index, figure in enumerate(row.values, start=2):
                cell = page.cell(line, index, HIDDEN_MARK if figure is None else figure)
                cell.alignment = Alignment(horizontal="right")
                if figure is not None:
                    cell.number_format = "#,##0"
                if is_total:
                    cell.font = bold
        notes = [text for text in (table.note,) if text]
        if table.suppressed:
            notes.append(f"{HIDDEN_MARK} {_hidden_legend()}")
        for text in notes:
            line += 2
            page.cell(line, 1, text)
        page.freeze_panes = page.cell(header + 1, 2)
        page.column_dimensions["A"].width = min(60, max([20, *(len(row.label) + 2 for row in table.rows)]))
        for index in range(2, len(table.columns) + 2):
            page.column_dimensions[get_column_letter(index)].width = 16
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _hidden_legend() -> str:
    return _(
        "hidden: too few to show without the risk of pointing to a person, or a number from "
        "which such a figure could be worked out"
    )


def _refuse_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    import weasyprint

    if url.startswith("data:"):
        return weasyprint.default_url_fetcher(url)  # type: ignore[no-any-return]
    raise ValueError("the annual report loads nothing from outside")


def as_pdf(report: AnnualReport) -> bytes:
    """The report page's body (texts, charts, tables) on A4 pages with page numbers."""
    from weasyprint import HTML  # imported here: WeasyPrint loads its fonts on import (slow)

    with translation.override(report.language):
        page = render_to_string(
            "statistics/report_print.html",
            {"report": report, "stylesheet": STYLESHEET.read_text(encoding="utf-8")},
        )
    pdf = HTML(string=page, url_fetcher=_refuse_fetch).write_pdf()
    if not isinstance(pdf, bytes):  # pragma: no cover - WeasyPrint returns bytes without a target
        raise TypeError("WeasyPrint gave no PDF")
    return pdf


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


def export_report(report: AnnualReport, file_format: str) -> bytes:
    """The report as a file of `file_format` (a key of CONTENT_TYPES), in the report's language."""
    with translation.override(report.language):
        if file_format == "pdf":
            return as_pdf(report)
        if file_format == "xlsx":
            return as_xlsx(report.tables, about=report.about)
        if file_format == "csv":
            return as_csv(report.tables)
        if file_format == "json":
            return as_json(report.tables, about=report.about)
    raise ValueError(f"no export to {file_format!r}")
