"""Strict, typed reads from the triage data files (TOML), with errors that say where they are."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("nb", "sv", "en")
# The reference's verification labels, never upgraded (shared/domain/legal-reference.md § 0).
STATUSES = ("V-LAW", "V-OFF", "V-SEC", "PARTIAL", "UNVERIFIED")
JURISDICTION = re.compile(r"^[A-Z]{2}$")
CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,59}$")


class TriageDataError(ValueError):
    """A data file is malformed; the message names the file and the entry."""


def verification(status: str) -> str:
    """The reference's label folded to VERIFIED / PARTIAL / UNVERIFIED.

    V-LAW, V-OFF and V-SEC are all "sourced" in the reference (the statute, an official body or a
    secondary source was read), so they count as VERIFIED; the exact label is kept beside it.
    """
    return status if status in ("PARTIAL", "UNVERIFIED") else "VERIFIED"


class Entry:
    """One TOML table: typed reads that fail with the file and entry in the message."""

    def __init__(self, table: Any, *, where: str, allowed: frozenset[str]) -> None:
        if not isinstance(table, dict):
            raise TriageDataError(f"{where}: expected a table, found {type(table).__name__}")
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise TriageDataError(f"{where}: unknown field(s) {', '.join(unknown)}")
        self.table: dict[str, Any] = table
        self.where = where

    def fail(self, message: str) -> TriageDataError:
        return TriageDataError(f"{self.where}: {message}")

    def text(self, name: str, *, required: bool = True, max_length: int = 2000) -> str:
        value = self.table.get(name, "")
        if not isinstance(value, str):
            raise self.fail(f"{name} must be a string")
        value = value.strip()
        if required and not value:
            raise self.fail(f"missing {name}")
        if len(value) > max_length:
            raise self.fail(f"{name} is longer than {max_length} characters")
        return value

    def translated(self, prefix: str, *, required: bool = True) -> dict[str, str]:
        values = {lang: self.text(f"{prefix}_{lang}", required=required) for lang in LANGUAGES}
        if not required and any(values.values()) and not all(values.values()):
            raise self.fail(f"{prefix} must be given in all of {', '.join(LANGUAGES)} or none")
        return values

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

    def boolean(self, name: str) -> bool:
        value = self.table.get(name)
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

    def optional_number(self, name: str, *, low: int, high: int) -> int | None:
        value = self.table.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(f"{name} must be a whole number from {low} to {high}")
        return value

    def codes(self, name: str, *, known: frozenset[str] | None = None) -> frozenset[str]:
        value = self.table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(f"{name} must be a list of strings")
        if len(set(value)) != len(value):
            raise self.fail(f"{name} lists a code twice")
        if known is not None:
            unknown = sorted(set(value) - known)
            if unknown:
                raise self.fail(f"{name}: unknown code(s) {', '.join(unknown)}")
        return frozenset(value)

    def url(self, name: str, *, required: bool) -> str:
        value = self.text(name, required=required, max_length=500)
        if value and not value.startswith(("https://", "http://")):
            raise self.fail(f"{name} {value!r} must start with https:// or http://")
        return value

    def tables(self, name: str) -> list[Any]:
        value = self.table.get(name, [])
        if not isinstance(value, list):
            raise self.fail(f"{name} must be an array of tables")
        return value


def read_toml(text: str, *, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TriageDataError(f"{origin}: not valid TOML: {error}") from error


def read_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TriageDataError(f"{path.name}: cannot be read: {error}") from error


def array(data: dict[str, Any], name: str, *, origin: str) -> list[Any]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise TriageDataError(f"{origin}: [[{name}]] must be an array of tables")
    return value
