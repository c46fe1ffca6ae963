"""The dry run: every row of a sheet resolved against the office's vocabulary and the user's
mapping, every problem listed (row, column, value, what is wrong), nothing written.

A row is new (to import), present (its sheet number was imported before with the same values),
or changed (imported before, with other values now: reported, never overwritten). Problems
block the import of the whole file (see services.run_import); changed rows do not.
"""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from likeverd.accounts.models import Office
from likeverd.cases.models import Channel
from likeverd.core import clock
from likeverd.setup.imports.dates import parse_sheet_date
from likeverd.setup.imports.headers import Column
from likeverd.setup.imports.mapping import ValueMapping
from likeverd.setup.imports.models import ImportedCase
from likeverd.setup.imports.reading import Cell, Sheet, SheetRow
from likeverd.setup.imports.text import clean, fold
from likeverd.setup.imports.vocabulary import EMPTY, Vocabulary
from likeverd.setup.imports.yesno import parse_yes_no

# Several grounds in one cell: "Etnisitet; Religion", "etnisitet, hudfarge",
# "seksuell orientering/ etnisitet".
GROUND_SEPARATORS = re.compile(r"[;,/\n]+")
MAX_NUMBER_LENGTH = 60


@dataclass(frozen=True)
class Problem:
    """What is wrong, where: the sheet's row number (None: the whole file), the column as the
    sheet names it, the value as written, and the message in the reader's language."""

    row: int | None
    column: str
    value: str
    message: str


@dataclass
class Unrecognised:
    """A value no name of the office's vocabulary matches: for the mapping step."""

    column: Column
    header: str
    value: str
    folded: str
    rows: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class PlannedRow:
    number: int
    sheet_number: str
    received: dt.date
    channel: str
    area: str
    grounds: tuple[str, ...]
    mediation: bool
    mediation_area: str
    mediation_result: str
    outcome: str

    def values(self) -> dict[str, object]:
        """The row's codes, as kept with an imported case to notice a changed row later."""
        return {
            "received": self.received.isoformat(),
            "channel": self.channel,
            "area": self.area,
            "grounds": list(self.grounds),
            "mediation": self.mediation,
            "mediation_area": self.mediation_area,
            "mediation_result": self.mediation_result,
            "outcome": self.outcome,
        }

    @property
    def still_at_bench(self) -> bool:
        return self.mediation and not self.mediation_result


@dataclass(frozen=True)
class Difference:
    column: str
    before: str
    after: str


@dataclass(frozen=True)
class ChangedRow:
    row: int
    sheet_number: str
    differences: tuple[Difference, ...]


@dataclass
class Plan:
    rows_read: int = 0
    new: list[PlannedRow] = field(default_factory=list)
    present: int = 0
    changed: list[ChangedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unrecognised: list[Unrecognised] = field(default_factory=list)
    not_read: list[str] = field(default_factory=list)

    @property
    def can_import(self) -> bool:
        return not self.problems

    @property
    def mediation(self) -> int:
        return sum(1 for row in self.new if row.mediation)


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date):
        return cell.strftime("%d.%m.%Y")
    return clean(str(cell))


class _RowReader:
    """Reads one row's cells, collecting its problems and unrecognised values."""

    def __init__(self, plan: Plan, sheet: Sheet, vocabulary: Vocabulary, mapping: ValueMapping) -> None:
        self.plan = plan
        self.sheet = sheet
        self.vocabulary = vocabulary
        self.mapping = mapping
        self.unrecognised: dict[tuple[Column, str], Unrecognised] = {}

    def header(self, column: Column) -> str:
        position = self.sheet.header.position(column)
        return self.sheet.header.names[position] if position is not None else str(column.label)

    def cell(self, row: SheetRow, column: Column) -> Cell:
        return row.cell(self.sheet.header.position(column))

    def problem(self, row: SheetRow, column: Column, value: str, message: str) -> None:
        self.plan.problems.append(Problem(row.number, self.header(column), value, message))

    def named(self, row: SheetRow, column: Column, text: str) -> str | None:
        """The code `text` names in `column` ("" for a value mapped to empty), or None after
        recording it as unrecognised."""
        folded = fold(text)
        code = self.mapping.get((column, folded)) or self.vocabulary.resolve(column, text)
        if code is not None:
            return "" if code == EMPTY else code
        entry = self.unrecognised.get((column, folded))
        if entry is None:
            entry = Unrecognised(column, self.header(column), text, folded)
            self.unrecognised[(column, folded)] = entry
        entry.rows.append(row.number)
        self.problem(row, column, text, _unknown_message(column) % {"value": text})
        return None


def _unknown_message(column: Column) -> str:
    if column == Column.GROUNDS:
        return _("“%(value)s” is not one of the grounds of the office's law. Map it to one, or to none.")
    if column == Column.CHANNEL:
        return _("“%(value)s” is not one of the channels. Map it to one.")
    if column == Column.MEDIATION_RESULT:
        return _("“%(value)s” is not one of the mediation bench's results. Map it to one.")
    if column == Column.OUTCOME:
        return _("“%(value)s” is not one of the outcomes of a case. Map it to one.")
    if column == Column.MEDIATION_AREA:
        return _(
            "“%(value)s” is not one of the kinds of place the bench counts by. Map it to one, or to none."
        )
    return _("“%(value)s” is not one of the office's areas of society. Map it to one, or to none.")


def plan_import(*, office: Office, sheet: Sheet, vocabulary: Vocabulary, mapping: ValueMapping) -> Plan:
    """The dry run of importing `sheet` into `office`. Reads the office's imported cases (its
    own only) to tell new rows from present and changed ones; writes nothing."""
    plan = Plan(rows_read=len(sheet.rows), not_read=sheet.header.not_read)
    reader = _RowReader(plan, sheet, vocabulary, mapping)
    today = clock.today()
    seen: dict[str, int] = {}
    planned: list[PlannedRow] = []
    for row in sheet.rows:
        result = _plan_row(reader, row, today, seen)
        if result is not None:
            planned.append(result)
    plan.unrecognised = list(reader.unrecognised.values())
    _sort_out(office, planned, plan, vocabulary)
    return plan


def _plan_row(reader: _RowReader, row: SheetRow, today: dt.date, seen: dict[str, int]) -> PlannedRow | None:
    problems_before = len(reader.plan.problems)
    number = _text(reader.cell(row, Column.NUMBER))
    if not number:
        reader.problem(row, Column.NUMBER, "", _("The case number is missing."))
    elif len(number) > MAX_NUMBER_LENGTH:
        reader.problem(
            row,
            Column.NUMBER,
            number[:40] + "…",
            _("The case number is longer than %(limit)s characters.") % {"limit": MAX_NUMBER_LENGTH},
        )
    elif number in seen:
        reader.problem(
            row, Column.NUMBER, number, _("The same case number is in row %(row)s.") % {"row": seen[number]}
        )
    else:
        seen[number] = row.number
    received = _received(reader, row, today)
    channel = _channel(reader, row)
    area = _named_one(reader, row, Column.AREA)
    grounds = _grounds(reader, row)
    mediation = _mediation(reader, row)
    outcome = _named_one(reader, row, Column.OUTCOME)
    if mediation is not None and mediation[0] and not mediation[2] and outcome:
        reader.problem(
            row,
            Column.OUTCOME,
            _text(reader.cell(row, Column.OUTCOME)),
            _("The case is still at the mediation bench (no mediation result), so it has no outcome yet."),
        )
    if len(reader.plan.problems) > problems_before or received is None or mediation is None:
        return None
    sent, mediation_area, result = mediation
    return PlannedRow(
        number=row.number,
        sheet_number=number,
        received=received,
        channel=channel or Channel.OTHER,
        area=area,
        grounds=grounds,
        mediation=sent,
        mediation_area=mediation_area,
        mediation_result=result,
        outcome=outcome,
    )


def _received(reader: _RowReader, row: SheetRow, today: dt.date) -> dt.date | None:
    cell = reader.cell(row, Column.RECEIVED)
    try:
        received = parse_sheet_date(cell, today=today)
    except ValidationError as error:
        reader.problem(row, Column.RECEIVED, _text(cell), " ".join(error.messages))
        return None
    if received is None:
        reader.problem(row, Column.RECEIVED, "", _("The date received is missing."))
    return received


def _channel(reader: _RowReader, row: SheetRow) -> str:
    text = _text(reader.cell(row, Column.CHANNEL))
    if not text:
        return ""
    return reader.named(row, Column.CHANNEL, text) or ""


def _named_one(reader: _RowReader, row: SheetRow, column: Column) -> str:
    text = _text(reader.cell(row, column))
    if not text:
        return ""
    return reader.named(row, column, text) or ""


def _grounds(reader: _RowReader, row: SheetRow) -> tuple[str, ...]:
    text = _text(reader.cell(row, Column.GROUNDS))
    codes: list[str] = []
    for part in GROUND_SEPARATORS.split(text):
        name = clean(part)
        if not name:
            continue
        code = reader.named(row, Column.GROUNDS, name)
        if code and code not in codes:
            codes.append(code)
    return tuple(sorted(codes))


def _mediation(reader: _RowReader, row: SheetRow) -> tuple[bool, str, str] | None:
    """(sent to the bench, its area, its result), or None when the row cannot say."""
    area = _named_one(reader, row, Column.MEDIATION_AREA)
    result = _named_one(reader, row, Column.MEDIATION_RESULT)
    cell = reader.cell(row, Column.MEDIATION)
    try:
        sent = parse_yes_no(cell)
    except ValidationError as error:
        reader.problem(row, Column.MEDIATION, _text(cell), " ".join(error.messages))
        return None
    has_details = bool(
        _text(reader.cell(row, Column.MEDIATION_AREA)) or _text(reader.cell(row, Column.MEDIATION_RESULT))
    )
    if sent is False and has_details:
        reader.problem(
            row,
            Column.MEDIATION,
            _text(cell),
            _("The row says the case did not go to mediation, but gives a mediation area or result."),
        )
        return None
    return (bool(sent) or has_details, area, result)


def _labelled(vocabulary: Vocabulary, key: str, value: object) -> str:
    columns = {
        "channel": Column.CHANNEL,
        "area": Column.AREA,
        "mediation_area": Column.MEDIATION_AREA,
        "mediation_result": Column.MEDIATION_RESULT,
        "outcome": Column.OUTCOME,
    }
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(vocabulary.label(Column.GROUNDS, str(code)) for code in value) or "—"
    if key in columns and value:
        return vocabulary.label(columns[key], str(value))
    return str(value) or "—"


_VALUE_COLUMNS = {
    "received": Column.RECEIVED,
    "channel": Column.CHANNEL,
    "area": Column.AREA,
    "grounds": Column.GROUNDS,
    "mediation": Column.MEDIATION,
    "mediation_area": Column.MEDIATION_AREA,
    "mediation_result": Column.MEDIATION_RESULT,
    "outcome": Column.OUTCOME,
}


def _sort_out(office: Office, planned: Iterable[PlannedRow], plan: Plan, vocabulary: Vocabulary) -> None:
    rows = list(planned)
    earlier = {
        imported.sheet_number: imported.values
        for imported in ImportedCase.objects.filter(
            office=office, sheet_number__in=[row.sheet_number for row in rows]
        ).only("sheet_number", "values")
    }
    for row in rows:
        before = earlier.get(row.sheet_number)
        if before is None:
            plan.new.append(row)
            continue
        after = row.values()
        if before == after:
            plan.present += 1
            continue
        differences = tuple(
            Difference(
                str(_VALUE_COLUMNS[key].label),
                _labelled(vocabulary, key, before.get(key, "")),
                _labelled(vocabulary, key, value),
            )
            for key, value in after.items()
            if before.get(key) != value
        )
        plan.changed.append(ChangedRow(row.number, row.sheet_number, differences))
