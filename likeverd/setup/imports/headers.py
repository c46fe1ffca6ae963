"""Which column is which: the header row's names in Norwegian, Swedish or English.

Names are compared folded (`text.fold`): "Saksnr.", "SAKSNR" and "saks nr" are the same header.
A sheet may have a title or a blank line above its header: the header row is the first of the
first rows that names at least two known columns, and the one naming most of them wins.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.setup.imports.text import clean, fold


class Column(models.TextChoices):
    NUMBER = "number", _("Case number")
    RECEIVED = "received", _("Received")
    CHANNEL = "channel", _("Channel")
    AREA = "area", _("Area of society")
    GROUNDS = "grounds", _("Grounds")
    MEDIATION = "mediation", _("Mediation")
    # The bench's "area", as DiMe counted it: the kind of place (workplace, online, ...).
    MEDIATION_AREA = "mediation_area", _("Mediation area")
    MEDIATION_RESULT = "mediation_result", _("Mediation result")
    OUTCOME = "outcome", _("Outcome")


# Every name a column goes by, as offices write them (folded when the table is built).
HEADER_NAMES: dict[Column, tuple[str, ...]] = {
    Column.NUMBER: (
        "Saksnr", "Saksnummer", "Sak nr", "Saks-ID", "Løpenummer", "Lnr",
        "Ärendenummer", "Ärendenr", "Ärende", "Diarienummer", "Dnr",
        "Case number", "Case no", "Case ID", "Case", "Number", "Reference",
    ),
    Column.RECEIVED: (
        "Mottatt", "Mottatt dato", "Dato mottatt", "Dato", "Registrert",
        "Inkommet", "Inkom", "Inkommen", "Inkommet datum", "Datum",
        "Received", "Date received", "Received on", "Date",
    ),
    Column.CHANNEL: ("Kanal", "Henvendelsesform", "Kontaktform", "Kontaktväg", "Channel", "Contact channel"),
    Column.AREA: (
        "Samfunnsområde", "Område", "Saksområde", "Samhällsområde", "Samhällsområden",
        "Area", "Area of society", "Sector",
    ),
    Column.GROUNDS: (
        "Diskrimineringsgrunnlag", "Grunnlag", "Diskrimineringsgrund", "Diskrimineringsgrunder",
        "Grund", "Grunder", "Ground", "Grounds", "Discrimination ground", "Discrimination grounds",
    ),
    Column.MEDIATION: (
        "Meglingsbenken", "Meglingsbenk", "Megling", "Til megling", "Medling", "Till medling",
        "Mediation", "Mediation bench", "To mediation",
    ),
    Column.MEDIATION_AREA: (
        "Meglingsområde", "Område megling", "Medlingsområde", "Område medling", "Mediation area",
    ),
    Column.MEDIATION_RESULT: (
        "Meglingsresultat", "Resultat megling", "Utfall megling", "Medlingsresultat", "Resultat medling",
        "Mediation result", "Mediation outcome",
    ),
    Column.OUTCOME: ("Utfall", "Resultat", "Sluttresultat", "Utgång", "Outcome", "Result"),
}  # fmt: skip

_BY_FOLDED: dict[str, Column] = {
    fold(name): column for column, names in HEADER_NAMES.items() for name in names
}

# Columns without which no row can be imported.
REQUIRED = (Column.NUMBER, Column.RECEIVED)
# How far down the header row may be (a title, a date and blank lines above it are common).
HEADER_SEARCH_ROWS = 10


def recognise_header(name: str) -> Column | None:
    """The column a header names, or None."""
    return _BY_FOLDED.get(fold(name))


@dataclass(frozen=True)
class HeaderRow:
    """Where the header is (its index among the rows read, from 0) and which column each
    cell names: `columns[i]` is the column of cell i, or None for a column not read."""

    index: int
    names: tuple[str, ...]
    columns: tuple[Column | None, ...]

    def position(self, column: Column) -> int | None:
        """The first cell of `column` (a second column of the same name is not read)."""
        for position, found in enumerate(self.columns):
            if found == column:
                return position
        return None

    @property
    def found(self) -> frozenset[Column]:
        return frozenset(column for column in self.columns if column is not None)

    @property
    def missing(self) -> list[Column]:
        return [column for column in REQUIRED if column not in self.found]

    @property
    def not_read(self) -> list[str]:
        """Headers of columns that are not read: unknown names and repeated columns."""
        seen: set[Column] = set()
        names = []
        for name, column in zip(self.names, self.columns, strict=True):
            if column is None or column in seen:
                if name:
                    names.append(name)
            else:
                seen.add(column)
        return names


def find_header_row(rows: Sequence[Sequence[str]]) -> HeaderRow | None:
    """The header among the first rows: the row naming most known columns (at least two)."""
    best: HeaderRow | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = tuple(clean(cell) for cell in row)
        columns = tuple(recognise_header(name) if name else None for name in names)
        count = len({column for column in columns if column is not None})
        if count >= 2 and (best is None or count > len(best.found)):
            best = HeaderRow(index=index, names=names, columns=columns)
    return best
