"""Strict reading of the versioned TOML data files (taxonomy, triage, directory, knowledge).

A typo in a data file must stop a deployment with a message naming the file and the entry, never
load half a file. Each app subclasses `DataFileError` and `DataEntry` so that its own commands
and checks catch its own error; the reads themselves live here once.
"""

import datetime as dt
import re
import tomllib
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any, ClassVar

WEB_ADDRESS = ("https://", "http://")


class DataFileError(ValueError):
    """A data file is missing, unreadable or not TOML, or an entry breaks the file's shape; the
    message names the file and the entry."""


def read_toml(path: Path, *, error: type[DataFileError] = DataFileError) -> dict[str, Any]:
    """The TOML document in `path`; `error` (naming the file) if it is missing, unreadable or
    not TOML."""
    return parse_toml(read_text(path, error=error), origin=path.name, error=error)


def read_text(path: Path, *, error: type[DataFileError] = DataFileError) -> str:
    """The UTF-8 text of a data file; `error` (naming the file) if it is missing or unreadable."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as missing:
        raise error(f"{path.name}: no such file ({path})") from missing
    except (OSError, UnicodeDecodeError) as unreadable:
        raise error(f"{path.name}: cannot be read: {unreadable}") from unreadable


def parse_toml(text: str, *, origin: str, error: type[DataFileError] = DataFileError) -> dict[str, Any]:
    """The TOML document in `text`; `origin` names it in the error."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as invalid:
        raise error(f"{origin}: not valid TOML: {invalid}") from invalid


def array(
    document: dict[str, Any], name: str, *, origin: str, error: type[DataFileError] = DataFileError
) -> list[Any]:
    """The `[[name]]` tables of a document (none if it has none)."""
    value = document.get(name, [])
    if not isinstance(value, list):
        raise error(f"{origin}: [[{name}]] must be an array of tables")
    return value


class DataEntry:
    """Typed reads from one TOML table, failing with the file and entry in the message. An app's
    subclass sets `error` to its own error class."""

    error: ClassVar[type[DataFileError]] = DataFileError

    def __init__(self, table: Any, *, where: str, allowed: Collection[str]) -> None:
        if not isinstance(table, dict):
            raise self.error(f"{where}: expected a table, found {type(table).__name__}")
        unknown = sorted(set(table) - set(allowed))
        if unknown:
            raise self.error(f"{where}: unknown field(s) {', '.join(unknown)}")
        self.table: dict[str, Any] = table
        self.where = where

    def fail(self, message: str) -> DataFileError:
        return self.error(f"{self.where}: {message}")

    def text(self, name: str, *, required: bool = True, max_length: int | None = None) -> str:
        value = self.table.get(name, "")
        if not isinstance(value, str):
            raise self.fail(f"{name} must be a string")
        value = value.strip()
        if required and not value:
            raise self.fail(f"missing {name}")
        if max_length is not None and len(value) > max_length:
            raise self.fail(f"{name} is longer than {max_length} characters")
        return value

    def pattern(self, name: str, regex: re.Pattern[str], hint: str) -> str:
        value = self.text(name)
        if not regex.match(value):
            raise self.fail(f"{name} {value!r} is not {hint}")
        return value

    def choice(self, name: str, choices: Sequence[str]) -> str:
        value = self.text(name)
        if value not in choices:
            raise self.fail(f"unknown {name} {value!r}; expected one of {', '.join(choices)}")
        return value

    def url(
        self,
        name: str,
        *,
        required: bool = False,
        max_length: int = 500,
        schemes: tuple[str, ...] = WEB_ADDRESS,
    ) -> str:
        value = self.text(name, required=required, max_length=max_length)
        if value and not value.startswith(schemes):
            raise self.fail(f"{name} {value!r} must start with {' or '.join(schemes)}")
        return value

    def boolean(self, name: str, *, default: bool | None = None) -> bool:
        value = self.table.get(name, default)
        if not isinstance(value, bool):
            raise self.fail(f"{name} must be true or false")
        return value

    def date(self, name: str) -> dt.date:
        value = self.table.get(name)
        # tomllib gives datetime for date-times, and datetime is a subclass of date.
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise self.fail(f"{name} must be a TOML date such as 2018-01-01")
        return value

    def optional_date(self, name: str) -> dt.date | None:
        return None if self.table.get(name) is None else self.date(name)

    def optional_number(self, name: str, *, low: int = 0, high: int | None = None) -> int | None:
        value = self.table.get(name)
        if value is None:
            return None
        too_high = high is not None and isinstance(value, int) and value > high
        if isinstance(value, bool) or not isinstance(value, int) or value < low or too_high:
            if high is not None:
                raise self.fail(f"{name} must be a whole number from {low} to {high}")
            raise self.fail(f"{name} must be a whole number, {'zero' if low == 0 else low} or more")
        return value

    def number(self, name: str, default: int) -> int:
        value = self.optional_number(name)
        return default if value is None else value

    def strings(self, name: str, value: Any = None) -> tuple[str, ...]:
        """A list of strings, stripped: the entry's `name`, or `value` read as if it were it."""
        value = self.table.get(name, []) if value is None else value
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(f"{name} must be a list of strings")
        return tuple(item.strip() for item in value)

    def tables(self, name: str) -> list[Any]:
        value = self.table.get(name, [])
        if not isinstance(value, list):
            raise self.fail(f"{name} must be an array of tables")
        return value
