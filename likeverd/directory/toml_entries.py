"""Strict reading of the directory's TOML data files: typed reads from one table, with errors
that name the file and the entry they come from.
"""

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

from likeverd.directory.records import DirectoryDataError

COUNTRIES = {"NO": "Norge", "SE": "Sverige"}
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


class Entry:
    """Typed reads from one TOML table, with errors that say where they come from."""

    def __init__(self, table: Any, *, where: str, allowed: set[str]) -> None:
        if not isinstance(table, dict):
            raise DirectoryDataError(f"{where}: expected a table, found {type(table).__name__}")
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise DirectoryDataError(f"{where}: unknown field(s) {', '.join(unknown)}")
        self.table: dict[str, Any] = table
        self.where = where

    def fail(self, message: str) -> DirectoryDataError:
        return DirectoryDataError(f"{self.where}: {message}")

    def text(self, name: str, *, required: bool = False) -> str:
        value = self.table.get(name, "")
        if not isinstance(value, str):
            raise self.fail(f"{name} must be a string")
        value = value.strip()
        if required and not value:
            raise self.fail(f"missing {name}")
        return value

    def key(self) -> str:
        value = self.text("key", required=True)
        if not _KEY.match(value):
            raise self.fail(f"key {value!r} must be lower-case letters, digits and hyphens")
        return value

    def url(self, name: str) -> str:
        value = self.text(name)
        if value and not value.startswith("https://"):
            raise self.fail(f"{name} {value!r} must start with https://")
        return value

    def country(self, name: str = "country") -> str:
        value = self.text(name, required=True)
        if value not in COUNTRIES:
            raise self.fail(f"{name} {value!r} is not one of {', '.join(COUNTRIES)}")
        return value

    def number(self, name: str) -> int | None:
        value = self.table.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"{name} must be a whole number, zero or more")
        return value

    def flag(self, name: str) -> bool:
        value = self.table.get(name, False)
        if not isinstance(value, bool):
            raise self.fail(f"{name} must be true or false")
        return value

    def time(self, name: str) -> dt.time | None:
        value = self.table.get(name)
        if value is None:
            return None
        if not isinstance(value, dt.time):
            raise self.fail(f"{name} must be a TOML time such as 09:00:00")
        return value

    def date(self, name: str) -> dt.date | None:
        value = self.table.get(name)
        if value is None:
            return None
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise self.fail(f"{name} must be a TOML date such as 2026-11-29")
        return value

    def strings(self, name: str) -> tuple[str, ...]:
        value = self.table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(f"{name} must be a list of strings")
        return tuple(item.strip() for item in value)

    def tables(self, name: str) -> list[Any]:
        value = self.table.get(name, [])
        if not isinstance(value, list):
            raise self.fail(f"{name} must be a list of tables")
        return value


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise DirectoryDataError(f"{path.name}: cannot be read: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise DirectoryDataError(f"{path.name}: not valid TOML: {error}") from error
