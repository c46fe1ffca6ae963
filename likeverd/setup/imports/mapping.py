"""The user's answers for values the office's vocabulary does not know: what a sheet's
"Bolig" or "Hudfarge" is, or that a value is to be left empty ("-").

From the command line, a file (`--mapping FILE`), TOML or CSV:

    # mapping.toml: one table per column (its header as in the sheet, or its key),
    # then "the sheet's value" = "what it is" (a code or a name in nb, sv or en, or "-")
    [Samfunnsområde]
    "Bolig" = "housing"
    "Jobb" = "Arbeidsliv"
    [Diskrimineringsgrunnlag]
    "Hudfarge" = "ETHNICITY"
    "Vet ikke" = "-"

    column;value;target
    Samfunnsområde;Bolig;housing
    Diskrimineringsgrunnlag;Hudfarge;Etnisitet

On the screen, one choice per unrecognised value, kept with the uploaded file between steps.
A mapping is keyed by column and folded value, so "bolig" also answers for "Bolig ".
"""

import csv
import io
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from likeverd.setup.imports.headers import Column, recognise_header
from likeverd.setup.imports.reading import DELIMITERS, decode
from likeverd.setup.imports.text import clean, fold
from likeverd.setup.imports.vocabulary import EMPTY, NAMED_COLUMNS, Vocabulary

# (column, folded sheet value) -> code, or EMPTY.
type ValueMapping = dict[tuple[Column, str], str]

_COLUMN_KEYS = {fold(column.value): column for column in Column}


def column_for(key: str) -> Column | None:
    """The column a mapping names: by its key ("area", "mediation_result") or a header name."""
    return _COLUMN_KEYS.get(fold(key)) or recognise_header(key)


@dataclass(frozen=True)
class Entry:
    """One answer as written: where it was (a line or a table), the column, the value, the target."""

    where: str
    column: str
    value: str
    target: str


def resolve_entries(entries: Iterable[Entry], vocabulary: Vocabulary) -> ValueMapping:
    """The mapping, or a ValidationError listing every entry that cannot be used."""
    mapping: ValueMapping = {}
    errors = []
    for entry in entries:
        column = column_for(entry.column)
        if column is None or column not in NAMED_COLUMNS:
            errors.append(
                ValidationError(
                    _("%(where)s: “%(column)s” is not a column whose values can be mapped."),
                    params={"where": entry.where, "column": entry.column},
                )
            )
            continue
        value = fold(entry.value)
        if not value:
            errors.append(ValidationError(_("%(where)s: the value is empty."), params={"where": entry.where}))
            continue
        target = clean(entry.target)
        code = EMPTY if target in ("", EMPTY) else vocabulary.resolve(column, target)
        if code is None:
            errors.append(
                ValidationError(
                    _("%(where)s: “%(target)s” is not one of the office's values for %(column)s."),
                    params={"where": entry.where, "target": target, "column": column.label},
                )
            )
            continue
        mapping[(column, value)] = code
    if errors:
        raise ValidationError(errors)
    return mapping


def read_mapping_file(data: bytes, *, name: str, vocabulary: Vocabulary) -> ValueMapping:
    """A mapping file, TOML (by a .toml name, or content that parses as TOML) or CSV."""
    text, _encoding = decode(data)
    if name.lower().endswith(".toml"):
        return resolve_entries(_toml_entries(text), vocabulary)
    if not name.lower().endswith(".csv"):
        try:
            return resolve_entries(_toml_entries(text), vocabulary)
        except ValidationError as error:
            if getattr(error, "code", None) != "toml":
                raise
    return resolve_entries(_csv_entries(text), vocabulary)


def _toml_entries(text: str) -> list[Entry]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValidationError(
            _("The mapping file is not valid TOML: %(reason)s"), params={"reason": str(error)}, code="toml"
        ) from None
    entries = []
    for column, values in document.items():
        if not isinstance(values, Mapping):
            raise ValidationError(
                _(
                    "In the mapping file, “%(column)s” must be a table: [%(column)s] and then "
                    "lines of “value” = “target”."
                ),
                params={"column": column},
                code="toml_shape",
            )
        for value, target in values.items():
            entries.append(Entry(f"[{column}] {value}", column, value, str(target)))
    return entries


def _csv_entries(text: str) -> list[Entry]:
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    entries = []
    for number, row in enumerate(rows, start=1):
        if not any(cell.strip() for cell in row):
            continue
        if number == 1 and row and fold(row[0]) in {"column", "kolonne", "kolumn"}:
            continue
        if len(row) < 3:
            raise ValidationError(
                _("Line %(line)s of the mapping file needs three cells: column, value and target."),
                params={"line": number},
                code="csv_shape",
            )
        entries.append(Entry(_("line %(line)s") % {"line": number}, row[0], row[1], row[2]))
    return entries


def mapping_to_json(mapping: ValueMapping) -> list[list[str]]:
    """A mapping as stored with an upload between the screen's steps."""
    return sorted([column.value, value, code] for (column, value), code in mapping.items())


def mapping_from_json(rows: object) -> ValueMapping:
    mapping: ValueMapping = {}
    if isinstance(rows, list):
        for row in rows:
            if isinstance(row, list) and len(row) == 3 and row[0] in Column.values:
                mapping[(Column(row[0]), str(row[1]))] = str(row[2])
    return mapping
