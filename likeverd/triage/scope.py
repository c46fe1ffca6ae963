"""Whether the anti-discrimination law covers an area, and which criminal provisions may apply
beside it, as data (`data/scope_<jurisdiction>.toml`, format at the top of scope_no.toml).

Pure reads, cached per process; citations are the legal taxonomy's sources (law, section,
address, verification label), resolved by key from likeverd/taxonomy/data, so a provision is
written down once. Nothing here decides for the lawyer: it shows what the reference says.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from likeverd.taxonomy.loader import load_all as load_taxonomies
from likeverd.triage.datafile import (
    DATA_DIR,
    LANGUAGES,
    STATUSES,
    Entry,
    TriageDataError,
    array,
    read_file,
    read_toml,
    verification,
)
from likeverd.triage.rules import Text

COVERAGE = ("yes", "partly", "no")
_LAW_KEYS = frozenset({"sources"} | {f"name_{lang}" for lang in LANGUAGES})
_AREA_KEYS = frozenset({"code", "covered", "status", "sources"} | {f"note_{lang}" for lang in LANGUAGES})
_CRIMINAL_KEYS = frozenset({"sources", "status", "areas", "forms"} | {f"label_{lang}" for lang in LANGUAGES})


@dataclass(frozen=True)
class Provision:
    """A cited provision: the taxonomy source it names."""

    key: str
    law: str
    section: str
    url: str
    status: str

    @property
    def verification(self) -> str:
        return verification(self.status)


@dataclass(frozen=True)
class AreaScope:
    code: str
    covered: str
    status: str
    provisions: tuple[Provision, ...]
    note: Text | None

    @property
    def verification(self) -> str:
        return verification(self.status)


@dataclass(frozen=True)
class CriminalProvision:
    label: Text
    status: str
    provisions: tuple[Provision, ...]
    areas: frozenset[str]
    forms: frozenset[str]

    @property
    def verification(self) -> str:
        return verification(self.status)

    def may_apply(self, *, areas: Collection[str], forms: Collection[str]) -> bool:
        """Each dimension the entry lists (areas, forms) must match one of the case's codes; a
        dimension the case has not classified yet matches, so nothing is hidden for want of a
        classification. An entry that lists neither is always worth considering."""

        def matches(listed: frozenset[str], case_codes: Collection[str]) -> bool:
            return not listed or not case_codes or bool(listed & set(case_codes))

        return matches(self.areas, areas) and matches(self.forms, forms)


@dataclass(frozen=True)
class Scope:
    jurisdiction: str
    law: Text
    law_provisions: tuple[Provision, ...]
    areas: dict[str, AreaScope]
    criminal: tuple[CriminalProvision, ...]

    def criminal_for(self, *, areas: Collection[str], forms: Collection[str]) -> list[CriminalProvision]:
        return [entry for entry in self.criminal if entry.may_apply(areas=areas, forms=forms)]


def _provisions(entry: Entry, sources: dict[str, Provision]) -> tuple[Provision, ...]:
    keys = entry.table.get("sources")
    if not isinstance(keys, list) or not keys or not all(isinstance(key, str) for key in keys):
        raise entry.fail("sources must be a non-empty list of taxonomy source keys")
    unknown = [key for key in keys if key not in sources]
    if unknown:
        raise entry.fail(f"unknown source key(s) {', '.join(unknown)}")
    return tuple(sources[key] for key in keys)


def parse_scope_text(text: str, *, origin: str, jurisdiction: str) -> Scope:
    data = read_toml(text, origin=origin)
    unknown = sorted(set(data) - {"jurisdiction", "law", "area", "criminal"})
    if unknown:
        raise TriageDataError(f"{origin}: unknown top-level key(s) {', '.join(unknown)}")
    if data.get("jurisdiction") != jurisdiction:
        raise TriageDataError(
            f"{origin}: declares jurisdiction {data.get('jurisdiction')!r}, not {jurisdiction}"
        )
    taxonomy = next((t for t in load_taxonomies() if t.jurisdiction.code == jurisdiction), None)
    if taxonomy is None:
        raise TriageDataError(f"{origin}: no legal taxonomy for jurisdiction {jurisdiction}")
    sources = {s.key: Provision(s.key, s.law, s.section, s.url, s.status) for s in taxonomy.sources}
    area_codes = frozenset(t.code for t in taxonomy.terms if t.kind == "area")
    form_codes = frozenset(t.code for t in taxonomy.terms if t.kind == "form")

    law = Entry(data.get("law"), where=f"{origin} [law]", allowed=_LAW_KEYS)
    areas: dict[str, AreaScope] = {}
    for index, table in enumerate(array(data, "area", origin=origin), start=1):
        entry = Entry(table, where=f"{origin} [[area]] #{index}", allowed=_AREA_KEYS)
        code = entry.choice("code", sorted(area_codes))
        if code in areas:
            raise entry.fail(f"area {code} is listed twice")
        covered = entry.choice("covered", COVERAGE)
        note = entry.translated("note", required=covered != "yes")
        areas[code] = AreaScope(
            code=code,
            covered=covered,
            status=entry.choice("status", STATUSES),
            provisions=_provisions(entry, sources),
            note=Text.of(note) if any(note.values()) else None,
        )
    missing = sorted(area_codes - set(areas))
    if missing:
        raise TriageDataError(f"{origin}: no [[area]] for taxonomy area(s) {', '.join(missing)}")
    criminal = []
    for index, table in enumerate(array(data, "criminal", origin=origin), start=1):
        entry = Entry(table, where=f"{origin} [[criminal]] #{index}", allowed=_CRIMINAL_KEYS)
        criminal.append(
            CriminalProvision(
                label=Text.of(entry.translated("label")),
                status=entry.choice("status", STATUSES),
                provisions=_provisions(entry, sources),
                areas=entry.codes("areas", known=area_codes),
                forms=entry.codes("forms", known=form_codes),
            )
        )
    return Scope(
        jurisdiction=jurisdiction,
        law=Text.of(law.translated("name")),
        law_provisions=_provisions(law, sources),
        areas=areas,
        criminal=tuple(criminal),
    )


def scope_path(jurisdiction: str) -> Path:
    return DATA_DIR / f"scope_{jurisdiction.lower()}.toml"


@functools.cache
def scope_for(jurisdiction: str) -> Scope | None:
    """The scope data of a jurisdiction, or None when it has no scope file."""
    path = scope_path(jurisdiction)
    if not path.exists():
        return None
    return parse_scope_text(read_file(path), origin=path.name, jurisdiction=jurisdiction)
