"""Strict, typed reads from the triage data files (TOML), with errors that say where they are."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from likeverd.core import datafiles
from likeverd.core.datafiles import DataEntry, DataFileError

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("nb", "sv", "en")
# The reference's verification labels, never upgraded (shared/domain/legal-reference.md § 0).
STATUSES = ("V-LAW", "V-OFF", "V-SEC", "PARTIAL", "UNVERIFIED")
JURISDICTION = re.compile(r"^[A-Z]{2}$")
CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,59}$")


class TriageDataError(DataFileError):
    """A data file is malformed; the message names the file and the entry."""


def verification(status: str) -> str:
    """The reference's label folded to VERIFIED / PARTIAL / UNVERIFIED.

    V-LAW, V-OFF and V-SEC are all "sourced" in the reference (the statute, an official body or a
    secondary source was read), so they count as VERIFIED; the exact label is kept beside it.
    """
    return status if status in ("PARTIAL", "UNVERIFIED") else "VERIFIED"


class Entry(DataEntry):
    """One TOML table of a triage file: texts are at most 2,000 characters unless said otherwise."""

    error = TriageDataError

    def text(self, name: str, *, required: bool = True, max_length: int | None = 2000) -> str:
        return super().text(name, required=required, max_length=max_length)

    def translated(self, prefix: str, *, required: bool = True) -> dict[str, str]:
        values = {lang: self.text(f"{prefix}_{lang}", required=required) for lang in LANGUAGES}
        if not required and any(values.values()) and not all(values.values()):
            raise self.fail(f"{prefix} must be given in all of {', '.join(LANGUAGES)} or none")
        return values

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


def read_toml(text: str, *, origin: str) -> dict[str, Any]:
    return datafiles.parse_toml(text, origin=origin, error=TriageDataError)


def read_file(path: Path) -> str:
    return datafiles.read_text(path, error=TriageDataError)


def array(data: dict[str, Any], name: str, *, origin: str) -> list[Any]:
    return datafiles.array(data, name, origin=origin, error=TriageDataError)
