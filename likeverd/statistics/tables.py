"""The one shape every figure leaves Likeverd in: a titled table of labelled rows.

The JSON of `likeverd report` (the open-data shape), the CSV, XLSX and PDF exports, the annual
report's HTML tables and its charts are all drawn from these values. A table's `id` is stable
across languages (`cases_by_category`, `cases_by_ground`, ...); titles and labels are already
translated into the report's language when the table is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

# How a chart draws a table: bars for categories, a line over months, none for money tables.
Chart = Literal["bar", "line", "none"]


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    # One value per column; None is a suppressed cell (disclosure control), shown as "·" or "<5".
    values: tuple[int | None, ...]
    # A stable key for the row across languages (a term id, a channel value, "2019-03"), or "".
    key: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    # True when disclosure control suppressed at least one cell of this table.
    suppressed: bool = False
    chart: Chart = "bar"
    # A total row shown under the rows (not part of `rows`), when the table has one.
    total: Row | None = None
    # True when every counted unit sits in exactly one row (channels, months, ground combinations):
    # then the total row is the rows' sum. False when a unit may count in several rows (each
    # ground of a case with three grounds counts), so the total is not the rows' sum.
    additive: bool = True
    # True when the last column is each row's total over the other columns.
    row_totals: bool = False
    # Money tables carry amounts in the office's currency (`unit` says which), others counts.
    unit: str = ""
    note: str = ""
    meta: dict[str, str] = field(default_factory=dict)

    def with_rows(self, rows: tuple[Row, ...], *, total: Row | None, suppressed: bool) -> Table:
        return replace(self, rows=rows, total=total, suppressed=suppressed)

    def as_open_data(self) -> dict[str, object]:
        """The JSON shape of issue 11: id, title, columns, rows of label and values, suppressed."""
        rows = [{"label": row.label, "values": list(row.values)} for row in self.rows]
        if self.total is not None:
            rows.append({"label": self.total.label, "values": list(self.total.values)})
        return {
            "id": self.id,
            "title": self.title,
            "columns": list(self.columns),
            "rows": rows,
            "suppressed": self.suppressed,
        }
