"""Evidence checklists and other actors as data, and the pure selector that picks them for a case.

Files: `data/evidence.toml` (items and checklists, shared by the jurisdictions) and
`data/actors_<jurisdiction>.toml` (who else can act). Their format is described at the top of
each file. A checklist or actor is picked when ANY of its `when` clauses matches the situation
and a clause matches when ALL its keys do; no clause means always. Unlike deadlines (where an
unknown classification keeps every rule, so no deadline is hidden), an unknown area, form, track
or place matches nothing here, so the lists grow as the case is classified; only `except_areas`
lets an unclassified case through (it excludes known areas, not unknown ones).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from likeverd.cases.models import PlaceKind
from likeverd.taxonomy.loader import load_all as load_taxonomies
from likeverd.triage.datafile import (
    CODE,
    DATA_DIR,
    JURISDICTION,
    LANGUAGES,
    STATUSES,
    Entry,
    TriageDataError,
    array,
    read_file,
    read_toml,
    verification,
)
from likeverd.triage.rules import TRACKS, KnownCodes, Text, known_codes

EVIDENCE_FILE = DATA_DIR / "evidence.toml"

_ITEM_KEYS = frozenset({"code"} | {f"{p}_{lang}" for p in ("label", "hint", "held_by") for lang in LANGUAGES})
_CHECKLIST_KEYS = frozenset({"code", "items", "when"} | {f"label_{lang}" for lang in LANGUAGES})
_ACTOR_KEYS = frozenset(
    {"code", "status", "source", "when"} | {f"{p}_{lang}" for p in ("name", "role") for lang in LANGUAGES}
)
_CLAUSE_KEYS = frozenset({"jurisdiction", "areas", "except_areas", "forms", "tracks", "places", "minor"})


@dataclass(frozen=True)
class Situation:
    """What is known about a case, as codes: taxonomy areas/forms/tracks, kinds of place
    (likeverd.cases.models.PlaceKind values), and whether the person is a minor (None: unknown)."""

    jurisdiction: str
    areas: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    tracks: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    minor: bool | None = None

    @classmethod
    def of(
        cls,
        jurisdiction: str,
        *,
        areas: Collection[str] = (),
        forms: Collection[str] = (),
        tracks: Collection[str] = (),
        places: Collection[str] = (),
        minor: bool | None = None,
    ) -> Situation:
        return cls(
            jurisdiction, frozenset(areas), frozenset(forms), frozenset(tracks), frozenset(places), minor
        )


@dataclass(frozen=True)
class Clause:
    jurisdiction: str | None = None
    areas: frozenset[str] = frozenset()
    except_areas: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    tracks: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    minor: bool = False

    def matches(self, situation: Situation) -> bool:
        if self.jurisdiction is not None and self.jurisdiction != situation.jurisdiction:
            return False
        for wanted, known in (
            (self.areas, situation.areas),
            (self.forms, situation.forms),
            (self.tracks, situation.tracks),
            (self.places, situation.places),
        ):
            if wanted and not wanted & known:
                return False
        # An exception excludes only what is known: an unclassified area is not excepted.
        if self.except_areas and situation.areas and situation.areas <= self.except_areas:
            return False
        return not self.minor or situation.minor is True


def _applies(clauses: tuple[Clause, ...], situation: Situation) -> bool:
    return not clauses or any(clause.matches(situation) for clause in clauses)


@dataclass(frozen=True)
class EvidenceItem:
    code: str
    label: Text
    hint: Text
    held_by: Text | None


@dataclass(frozen=True)
class Checklist:
    code: str
    label: Text
    items: tuple[EvidenceItem, ...]
    when: tuple[Clause, ...] = field(default=())


@dataclass(frozen=True)
class Actor:
    code: str
    jurisdiction: str
    name: Text
    role: Text
    status: str
    source: str
    when: tuple[Clause, ...] = field(default=())

    @property
    def verification(self) -> str:
        return verification(self.status)


@dataclass(frozen=True)
class Evidence:
    """One item to secure, with the checklists that ask for it (first one first)."""

    item: EvidenceItem
    checklists: tuple[str, ...]


# --- parsing ----------------------------------------------------------------------------------


def _clauses(entry: Entry, *, jurisdiction: str | None, known: dict[str, KnownCodes]) -> tuple[Clause, ...]:
    clauses = []
    for index, table in enumerate(entry.tables("when"), start=1):
        clause = Entry(table, where=f"{entry.where} when #{index}", allowed=_CLAUSE_KEYS)
        if not clause.table:
            raise clause.fail("an empty clause; leave out `when` for always")
        own = clause.text("jurisdiction", required=False) or None
        if jurisdiction is not None and own is not None:
            raise clause.fail("the file is for one jurisdiction; leave out jurisdiction")
        scope = own or jurisdiction
        if scope is not None and scope not in known:
            raise clause.fail(f"unknown jurisdiction {scope!r}")
        if scope is None and any(key in clause.table for key in ("areas", "except_areas", "forms")):
            raise clause.fail("areas and forms are codes of one jurisdiction: add jurisdiction = ...")
        codes = known[scope] if scope is not None else None
        minor = clause.table.get("minor", False)
        if minor is not True and "minor" in clause.table:
            raise clause.fail("minor can only be true")
        clauses.append(
            Clause(
                jurisdiction=own,
                areas=clause.codes("areas", known=codes.areas if codes else None),
                except_areas=clause.codes("except_areas", known=codes.areas if codes else None),
                forms=clause.codes("forms", known=codes.forms if codes else None),
                tracks=clause.codes("tracks", known=frozenset(TRACKS)),
                places=clause.codes("places", known=frozenset(PlaceKind.values)),
                minor=bool(minor),
            )
        )
    return tuple(clauses)


def _translated(entry: Entry, prefix: str, *, required: bool = True) -> Text | None:
    values = entry.translated(prefix, required=required)
    return Text.of(values) if values["en"] else None


def _text(entry: Entry, prefix: str) -> Text:
    return Text.of(entry.translated(prefix))


def parse_evidence_text(text: str, *, origin: str, known: dict[str, KnownCodes]) -> tuple[Checklist, ...]:
    """Parse the evidence file; `known` holds the taxonomy codes of each jurisdiction."""
    data = read_toml(text, origin=origin)
    unknown = sorted(set(data) - {"item", "checklist"})
    if unknown:
        raise TriageDataError(f"{origin}: unknown top-level key(s) {', '.join(unknown)}")
    items: dict[str, EvidenceItem] = {}
    for index, table in enumerate(array(data, "item", origin=origin), start=1):
        entry = Entry(table, where=f"{origin}: item #{index}", allowed=_ITEM_KEYS)
        code = entry.pattern("code", CODE, "UPPER_SNAKE_CASE")
        if code in items:
            raise entry.fail(f"duplicate item {code}")
        items[code] = EvidenceItem(
            code=code,
            label=_text(entry, "label"),
            hint=_text(entry, "hint"),
            held_by=_translated(entry, "held_by", required=False),
        )
    checklists: list[Checklist] = []
    for index, table in enumerate(array(data, "checklist", origin=origin), start=1):
        where = f"{origin}: checklist #{index}"
        if isinstance(table, dict) and isinstance(table.get("code"), str):
            where += f" ({table['code']})"
        entry = Entry(table, where=where, allowed=_CHECKLIST_KEYS)
        code = entry.pattern("code", CODE, "UPPER_SNAKE_CASE")
        if any(existing.code == code for existing in checklists):
            raise entry.fail(f"duplicate checklist {code}")
        item_codes = entry.table.get("items", [])
        entry.codes("items", known=frozenset(items))
        if not item_codes:
            raise entry.fail("needs at least one item")
        checklists.append(
            Checklist(
                code=code,
                label=_text(entry, "label"),
                items=tuple(items[item] for item in item_codes),
                when=_clauses(entry, jurisdiction=None, known=known),
            )
        )
    unused = sorted(set(items) - {item.code for checklist in checklists for item in checklist.items})
    if unused:
        raise TriageDataError(f"{origin}: item(s) in no checklist: {', '.join(unused)}")
    return tuple(checklists)


def parse_actors_text(text: str, *, origin: str, known: KnownCodes) -> tuple[Actor, ...]:
    """Parse one jurisdiction's actors file."""
    data = read_toml(text, origin=origin)
    unknown = sorted(set(data) - {"jurisdiction", "actor"})
    if unknown:
        raise TriageDataError(f"{origin}: unknown top-level key(s) {', '.join(unknown)}")
    head = Entry(data.get("jurisdiction"), where=f"{origin}: [jurisdiction]", allowed=frozenset({"code"}))
    jurisdiction = head.pattern("code", JURISDICTION, "a two-letter upper-case country code")
    actors: list[Actor] = []
    for index, table in enumerate(array(data, "actor", origin=origin), start=1):
        where = f"{origin}: actor #{index}"
        if isinstance(table, dict) and isinstance(table.get("code"), str):
            where += f" ({table['code']})"
        entry = Entry(table, where=where, allowed=_ACTOR_KEYS)
        code = entry.pattern("code", CODE, "UPPER_SNAKE_CASE")
        if any(existing.code == code for existing in actors):
            raise entry.fail(f"duplicate actor {code}")
        status = entry.choice("status", STATUSES)
        actors.append(
            Actor(
                code=code,
                jurisdiction=jurisdiction,
                name=_text(entry, "name"),
                role=_text(entry, "role"),
                status=status,
                # The reference names a source for every actor it could verify.
                source=entry.url("source", required=status != "UNVERIFIED"),
                when=_clauses(entry, jurisdiction=jurisdiction, known={jurisdiction: known}),
            )
        )
    return tuple(actors)


def actor_paths(directory: Path = DATA_DIR) -> list[Path]:
    return sorted(
        p for p in directory.glob("actors_*.toml") if re.fullmatch(r"actors_[a-z]{2}\.toml", p.name)
    )


@functools.cache
def _known_by_jurisdiction() -> dict[str, KnownCodes]:
    taxonomies = load_taxonomies()
    return {t.jurisdiction.code: known_codes(t.jurisdiction.code, taxonomies) for t in taxonomies}


@functools.cache
def load_checklists() -> tuple[Checklist, ...]:
    return parse_evidence_text(
        read_file(EVIDENCE_FILE), origin=EVIDENCE_FILE.name, known=_known_by_jurisdiction()
    )


@functools.cache
def load_actors() -> dict[str, tuple[Actor, ...]]:
    """Every shipped actor list by jurisdiction code."""
    known = _known_by_jurisdiction()
    result: dict[str, tuple[Actor, ...]] = {}
    for path in actor_paths():
        jurisdiction = path.stem.removeprefix("actors_").upper()
        if jurisdiction not in known:
            raise TriageDataError(f"{path.name}: no legal taxonomy for jurisdiction {jurisdiction}")
        actors = parse_actors_text(read_file(path), origin=path.name, known=known[jurisdiction])
        if any(actor.jurisdiction != jurisdiction for actor in actors):
            raise TriageDataError(f"{path.name}: declares another jurisdiction than {jurisdiction}")
        result[jurisdiction] = actors
    return result


# --- selectors ----------------------------------------------------------------------------------


def checklists_for(situation: Situation, checklists: tuple[Checklist, ...] | None = None) -> list[Checklist]:
    """The checklists that apply to the situation, in file order."""
    return [c for c in (checklists or load_checklists()) if _applies(c.when, situation)]


def evidence_for(situation: Situation, checklists: tuple[Checklist, ...] | None = None) -> list[Evidence]:
    """Every item to secure, once each, in the order the applying checklists give them."""
    found: dict[str, tuple[EvidenceItem, list[str]]] = {}
    for checklist in checklists_for(situation, checklists):
        for item in checklist.items:
            found.setdefault(item.code, (item, []))[1].append(checklist.code)
    return [Evidence(item=item, checklists=tuple(codes)) for item, codes in found.values()]


def actors_for(situation: Situation, actors: tuple[Actor, ...] | None = None) -> list[Actor]:
    """The other actors who can act in the situation, in file order."""
    pool = actors if actors is not None else load_actors().get(situation.jurisdiction, ())
    return [actor for actor in pool if _applies(actor.when, situation)]
