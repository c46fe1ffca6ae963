"""What every statistics table shares: the active language's label column, the total row, and
turning one GROUP BY's rows into a `Table` in a fixed row order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from likeverd.statistics.tables import Chart, Row, Table

LABEL_LANGUAGES = ("nb", "sv", "en")


def language() -> str:
    """nb, sv or en: the active language as the taxonomy's label columns name it."""
    code = (get_language() or "en")[:2]
    code = {"no": "nb", "nn": "nb", "se": "sv"}.get(code, code)
    return code if code in LABEL_LANGUAGES else "en"


def label_field(prefix: str = "label") -> str:
    return f"{prefix}_{language()}"


def whole(amount: Decimal | int | None) -> int:
    """An amount of money in whole units of the currency (kroner), rounded half up."""
    if amount is None:
        return 0
    return int(Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def choice_rows(
    choices: Iterable[tuple[str, object]], counts: Mapping[str | None, int], *, blank: str = ""
) -> list[Row]:
    """A row per choice that was counted, in the choices' order; `blank` labels the count of
    rows without a value ("" or NULL), last."""
    rows = [
        Row(label=str(label), values=(counts[value],), key=value)
        for value, label in choices
        if counts.get(value)
    ]
    empty = counts.get("", 0) + counts.get(None, 0)
    if blank and empty:
        rows.append(Row(label=blank, values=(empty,), key=""))
    return rows


def count_table(
    table_id: str,
    title: str,
    rows: list[Row],
    *,
    column: str,
    total: int,
    additive: bool = True,
    chart: Chart = "bar",
    note: str = "",
) -> Table:
    """A table of one count column with its total row: the rows' sum when every unit sits in one
    row, otherwise the number of units (cases) the rows were counted from."""
    label = _("Total") if additive else _("All cases")
    return Table(
        id=table_id,
        title=title,
        columns=(column,),
        rows=tuple(rows),
        chart=chart,
        total=Row(label=label, values=(total,), key="total"),
        additive=additive,
        note=note,
    )
