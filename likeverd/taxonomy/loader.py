"""Reads the versioned legal-taxonomy files in `data/` (and the default reporting categories).

Parsing is pure and strict: a typo in a data file must stop a deployment with a message naming
the file and the entry, never load half a taxonomy. Writing the parsed files into the database
is `likeverd.taxonomy.apply.apply_taxonomy`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from likeverd.core.datafiles import DataEntry, DataFileError, array, parse_toml, read_toml

DATA_DIR = Path(__file__).resolve().parent / "data"
REPORTING_CATEGORIES_FILE = DATA_DIR / "reporting_categories.toml"

KINDS = ("ground", "form", "area", "track")
STATUSES = ("V-LAW", "V-OFF", "V-SEC", "PARTIAL", "UNVERIFIED")
LANGUAGES = ("nb", "sv", "en")

_JURISDICTION = re.compile(r"^[A-Z]{2}$")
_TERM_CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,59}$")
_CATEGORY_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_SOURCE_KEY = re.compile(r"^[A-Z0-9][A-Za-z0-9-]{0,59}$")

_TERM_KEYS = frozenset(
    {"kind", "code", "valid_from", "valid_to", "status", "sources", "sort_order"}
    | {f"{part}_{lang}" for part in ("label", "description") for lang in LANGUAGES}
)
_SOURCE_KEYS = frozenset({"key", "law", "section", "url", "status", "note"})
_JURISDICTION_KEYS = frozenset({"code"} | {f"name_{lang}" for lang in LANGUAGES})
_CATEGORY_KEYS = frozenset({"code", "sort_order", "areas"} | {f"label_{lang}" for lang in LANGUAGES})


class TaxonomyDataError(DataFileError):
    """A data file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name_nb: str
    name_sv: str
    name_en: str


@dataclass(frozen=True)
class SourceSpec:
    key: str
    law: str
    section: str
    url: str
    status: str
    note: str


@dataclass(frozen=True)
class TermSpec:
    kind: str
    code: str
    label_nb: str
    label_sv: str
    label_en: str
    description_nb: str
    description_sv: str
    description_en: str
    valid_from: dt.date
    # The last day (inclusive) the version applies: as written in the file, or else the day
    # before the next version of the same term starts.
    valid_to: dt.date | None
    status: str
    sources: tuple[str, ...]
    sort_order: int


@dataclass(frozen=True)
class TaxonomyFile:
    path: Path
    jurisdiction: Jurisdiction
    sources: tuple[SourceSpec, ...]
    terms: tuple[TermSpec, ...]


@dataclass(frozen=True)
class ReportingCategorySpec:
    code: str
    label_nb: str
    label_sv: str
    label_en: str
    sort_order: int
    # jurisdiction code -> area term codes; not hashed, so a dict is fine in a frozen class.
    areas: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class DefaultReportingCategory:
    """One reporting category as an office of one jurisdiction starts with it."""

    code: str
    label_nb: str
    label_sv: str
    label_en: str
    sort_order: int
    area_codes: tuple[str, ...]


# --- parsing ----------------------------------------------------------------------------------


class _Entry(DataEntry):
    error = TaxonomyDataError


def _parse_source(entry: _Entry) -> SourceSpec:
    url = entry.url("url")
    return SourceSpec(
        key=entry.pattern("key", _SOURCE_KEY, "a key such as NO-LDL-6"),
        law=entry.text("law", max_length=200),
        section=entry.text("section", required=False, max_length=100),
        url=url,
        status=entry.choice("status", STATUSES),
        note=entry.text("note", required=False),
    )


def _parse_term(entry: _Entry, *, default_sort_order: int, source_keys: set[str]) -> TermSpec:
    kind = entry.choice("kind", KINDS)
    code = entry.pattern("code", _TERM_CODE, "UPPER_SNAKE_CASE of at most 60 characters")
    labels = {f"label_{lang}": entry.text(f"label_{lang}", max_length=200) for lang in LANGUAGES}
    descriptions = {
        f"description_{lang}": entry.text(f"description_{lang}", required=False) for lang in LANGUAGES
    }
    valid_from = entry.date("valid_from")
    valid_to = entry.optional_date("valid_to")
    if valid_to is not None and valid_to < valid_from:
        raise entry.fail(f"valid_to {valid_to} is before valid_from {valid_from}")
    sources = entry.strings("sources")
    if not sources:
        raise entry.fail("needs at least one source key in sources = [...]")
    unknown = [key for key in sources if key not in source_keys]
    if unknown:
        raise entry.fail(f"cites unknown source key(s) {', '.join(unknown)}")
    if len(set(sources)) != len(sources):
        raise entry.fail("lists a source key twice")
    return TermSpec(
        kind=kind,
        code=code,
        **labels,
        **descriptions,
        valid_from=valid_from,
        valid_to=valid_to,
        status=entry.choice("status", STATUSES),
        sources=sources,
        sort_order=entry.number("sort_order", default_sort_order),
    )


def _close_versions(terms: list[TermSpec], *, origin: str) -> list[TermSpec]:
    """Give each superseded version the day before its successor as its last day."""
    versions: dict[tuple[str, str], list[TermSpec]] = {}
    for term in terms:
        versions.setdefault((term.kind, term.code), []).append(term)
    closed: dict[tuple[str, str, dt.date], TermSpec] = {}
    for (kind, code), history in versions.items():
        history.sort(key=lambda term: term.valid_from)
        for current, successor in zip(history, [*history[1:], None], strict=True):
            valid_to = current.valid_to
            if successor is not None:
                last_day = successor.valid_from - dt.timedelta(days=1)
                if valid_to is not None and valid_to > last_day:
                    raise TaxonomyDataError(
                        f"{origin}: term {kind}/{code}: the version from {current.valid_from} runs to "
                        f"{valid_to}, past the next version starting {successor.valid_from}"
                    )
                valid_to = valid_to or last_day
            closed[(kind, code, current.valid_from)] = replace(current, valid_to=valid_to)
    return [closed[(term.kind, term.code, term.valid_from)] for term in terms]


def parse_taxonomy_text(text: str, *, origin: str, path: Path | None = None) -> TaxonomyFile:
    """Parse one jurisdiction's taxonomy from TOML text; `origin` names it in error messages."""
    return parse_taxonomy_document(
        parse_toml(text, origin=origin, error=TaxonomyDataError), origin=origin, path=path
    )


def parse_taxonomy_document(data: dict[str, Any], *, origin: str, path: Path | None = None) -> TaxonomyFile:
    unknown = sorted(set(data) - {"jurisdiction", "source", "term"})
    if unknown:
        raise TaxonomyDataError(f"{origin}: unknown top-level key(s) {', '.join(unknown)}")
    if "jurisdiction" not in data:
        raise TaxonomyDataError(f"{origin}: missing [jurisdiction] table")
    head = _Entry(data["jurisdiction"], where=f"{origin}: [jurisdiction]", allowed=_JURISDICTION_KEYS)
    jurisdiction = Jurisdiction(
        code=head.pattern("code", _JURISDICTION, "a two-letter upper-case country code"),
        **{f"name_{lang}": head.text(f"name_{lang}") for lang in LANGUAGES},
    )

    sources: list[SourceSpec] = []
    for index, table in enumerate(array(data, "source", origin=origin, error=TaxonomyDataError), start=1):
        where = f"{origin}: source #{index}"
        if isinstance(table, dict) and isinstance(table.get("key"), str):
            where += f" ({table['key']})"
        source = _parse_source(_Entry(table, where=where, allowed=_SOURCE_KEYS))
        if any(existing.key == source.key for existing in sources):
            raise TaxonomyDataError(f"{where}: duplicate source key {source.key}")
        sources.append(source)
    source_keys = {source.key for source in sources}

    terms: list[TermSpec] = []
    seen: set[tuple[str, str, dt.date]] = set()
    per_kind: dict[str, int] = {}
    for index, table in enumerate(array(data, "term", origin=origin, error=TaxonomyDataError), start=1):
        where = f"{origin}: term #{index}"
        if isinstance(table, dict):
            where += f" ({table.get('kind', '?')}/{table.get('code', '?')})"
        entry = _Entry(table, where=where, allowed=_TERM_KEYS)
        kind = str(entry.table.get("kind", ""))
        per_kind[kind] = per_kind.get(kind, 0) + 1
        # Position in the file is the display order unless a term says otherwise.
        term = _parse_term(entry, default_sort_order=per_kind[kind] * 10, source_keys=source_keys)
        identity = (term.kind, term.code, term.valid_from)
        if identity in seen:
            raise TaxonomyDataError(
                f"{entry.where}: duplicate term {term.kind}/{term.code} valid from {term.valid_from}"
            )
        seen.add(identity)
        terms.append(term)

    return TaxonomyFile(
        path=path or Path(origin),
        jurisdiction=jurisdiction,
        sources=tuple(sources),
        terms=tuple(_close_versions(terms, origin=origin)),
    )


def parse_taxonomy_file(path: Path | str) -> TaxonomyFile:
    path = Path(path)
    return parse_taxonomy_document(read_toml(path, error=TaxonomyDataError), origin=path.name, path=path)


def taxonomy_paths(directory: Path = DATA_DIR) -> list[Path]:
    """One file per jurisdiction, named for it in lower case (no.toml, se.toml)."""
    return sorted(path for path in directory.glob("*.toml") if re.fullmatch(r"[a-z]{2}\.toml", path.name))


def load_all(directory: Path = DATA_DIR) -> list[TaxonomyFile]:
    files = [parse_taxonomy_file(path) for path in taxonomy_paths(directory)]
    for taxonomy in files:
        if taxonomy.path.stem.upper() != taxonomy.jurisdiction.code:
            raise TaxonomyDataError(
                f"{taxonomy.path.name}: declares jurisdiction {taxonomy.jurisdiction.code}; "
                f"the file must be named {taxonomy.jurisdiction.code.lower()}.toml"
            )
    return files


def parse_reporting_categories(path: Path | str = REPORTING_CATEGORIES_FILE) -> list[ReportingCategorySpec]:
    path = Path(path)
    data = read_toml(path, error=TaxonomyDataError)
    unknown = sorted(set(data) - {"category"})
    if unknown:
        raise TaxonomyDataError(f"{path.name}: unknown top-level key(s) {', '.join(unknown)}")
    categories: list[ReportingCategorySpec] = []
    for index, table in enumerate(
        array(data, "category", origin=path.name, error=TaxonomyDataError), start=1
    ):
        entry = _Entry(table, where=f"{path.name}: category #{index}", allowed=_CATEGORY_KEYS)
        code = entry.pattern("code", _CATEGORY_CODE, "lower_snake_case of at most 40 characters")
        entry.where = f"{entry.where} ({code})"
        areas_table = entry.table.get("areas", {})
        if not isinstance(areas_table, dict):
            raise entry.fail("areas must be a table of jurisdiction = [area codes]")
        areas: dict[str, tuple[str, ...]] = {}
        for jurisdiction, codes in areas_table.items():
            if not _JURISDICTION.match(jurisdiction):
                raise entry.fail(f"areas key {jurisdiction!r} is not a two-letter country code")
            areas[jurisdiction] = entry.strings(f"areas.{jurisdiction}", codes)
        if any(existing.code == code for existing in categories):
            raise entry.fail(f"duplicate category code {code}")
        categories.append(
            ReportingCategorySpec(
                code=code,
                **{f"label_{lang}": entry.text(f"label_{lang}", max_length=120) for lang in LANGUAGES},
                sort_order=entry.number("sort_order", index * 10),
                areas=areas,
            )
        )
    return categories


@functools.cache
def _default_categories() -> tuple[ReportingCategorySpec, ...]:
    return tuple(parse_reporting_categories(REPORTING_CATEGORIES_FILE))


def default_reporting_categories(jurisdiction: str) -> list[DefaultReportingCategory]:
    """The categories a new office of this jurisdiction starts with, in display order."""
    return [
        DefaultReportingCategory(
            code=spec.code,
            label_nb=spec.label_nb,
            label_sv=spec.label_sv,
            label_en=spec.label_en,
            sort_order=spec.sort_order,
            area_codes=spec.areas.get(jurisdiction, ()),
        )
        for spec in sorted(_default_categories(), key=lambda spec: (spec.sort_order, spec.code))
    ]
