"""Deadline rules as data: `data/deadlines_<jurisdiction>.toml`, parsed and checked by pure functions.

A rule says who the deadline is with (body), on which track, what the period runs from
(trigger), how long it is, which areas and forms it covers, from which incident date it applies
(valid_from / valid_to), its citations and the legal reference's verification label. The code
holds no legal period: every number comes from a file, and a typo in a file stops a deployment
with a message naming the file and the rule.

File format (one file per jurisdiction, named for it):

    [jurisdiction]  code = "NO"
    [counting]      method = "SAME_DAY_OR_MONTH_END", law, section, url, status, note
    [[body]]        code, name_nb, name_sv, name_en
    [[trigger]]     code, from_incident (bool), label_nb, label_sv, label_en
    [[rule]]        id, body, track (CIVIL | CRIMINAL), runs_from (a trigger code),
                    length = { years | months | weeks | days = N },
                    areas / except_areas / forms / except_forms = [taxonomy codes] (optional),
                    minor_until_age = 18 (optional: for someone younger, the period starts on
                    that birthday), valid_from, valid_to (optional), status,
                    label_*, consequence_*, condition_* (optional), note (optional),
                    citations = [{ law, section, url, status }, ...]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from django.utils.translation import get_language

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

TRACKS = ("CIVIL", "CRIMINAL")
COUNTING_METHODS = ("SAME_DAY_OR_MONTH_END",)
LENGTH_UNITS = ("years", "months", "weeks", "days")
# Longer than any limitation period in the reference (25 years), short enough to catch typos.
MAX_LENGTH = {"years": 30, "months": 360, "weeks": 520, "days": 3650}

_RULE_ID = re.compile(r"^[A-Z]{2}(-[A-Z0-9]+)+$")
_TRANSLATED = ("label", "consequence", "condition")
_RULE_KEYS = frozenset(
    {"id", "body", "track", "runs_from", "length", "minor_until_age", "valid_from", "valid_to"}
    | {"status", "note", "citations", "areas", "except_areas", "forms", "except_forms"}
    | {f"{prefix}_{lang}" for prefix in _TRANSLATED for lang in LANGUAGES}
)
_CITATION_KEYS = frozenset({"law", "section", "url", "status", "note"})
_COUNTING_KEYS = frozenset({"method", "law", "section", "url", "status", "note"})
_BODY_KEYS = frozenset({"code"} | {f"name_{lang}" for lang in LANGUAGES})
_TRIGGER_KEYS = frozenset({"code", "from_incident"} | {f"label_{lang}" for lang in LANGUAGES})


@dataclass(frozen=True)
class Text:
    """A string in the three languages of the data files."""

    nb: str
    sv: str
    en: str

    def in_language(self, language: str | None = None) -> str:
        """The text in `language`, else the active one (Nynorsk and "no" read Bokmål), else English."""
        code = (language or get_language() or "en")[:2]
        code = {"no": "nb", "nn": "nb"}.get(code, code)
        return str(getattr(self, code, "") or self.en) if code in LANGUAGES else self.en

    @classmethod
    def of(cls, values: dict[str, str]) -> Text:
        return cls(nb=values["nb"], sv=values["sv"], en=values["en"])


@dataclass(frozen=True)
class Citation:
    law: str
    section: str
    url: str
    status: str
    note: str = ""

    @property
    def verification(self) -> str:
        return verification(self.status)


@dataclass(frozen=True)
class Counting:
    """How the file's periods are counted, and the law that says so."""

    method: str
    citation: Citation


@dataclass(frozen=True)
class Body:
    code: str
    name: Text


@dataclass(frozen=True)
class Trigger:
    code: str
    label: Text
    # True: the period starts on the incident date. False: on a later event the application
    # does not know, so the incident date is only the earliest possible start.
    from_incident: bool


@dataclass(frozen=True)
class Length:
    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0

    def __str__(self) -> str:
        return " ".join(f"{getattr(self, unit)} {unit}" for unit in LENGTH_UNITS if getattr(self, unit))


@dataclass(frozen=True)
class DeadlineRule:
    id: str
    jurisdiction: str
    body: Body
    track: str
    runs_from: Trigger
    length: Length
    # Empty `areas` / `forms`: every area / form. The except_ sets are taken away from that.
    areas: frozenset[str]
    except_areas: frozenset[str]
    forms: frozenset[str]
    except_forms: frozenset[str]
    # For a person younger than this at the incident, the period starts on this birthday.
    minor_until_age: int | None
    valid_from: dt.date
    # The last incident date (inclusive) the version covers: as written, or else the day before
    # the next version of the same rule starts.
    valid_to: dt.date | None
    status: str
    label: Text
    consequence: Text
    condition: Text | None
    note: str
    citations: tuple[Citation, ...]

    @property
    def verification(self) -> str:
        return verification(self.status)


@dataclass(frozen=True)
class RuleSet:
    path: Path
    jurisdiction: str
    counting: Counting
    bodies: tuple[Body, ...]
    triggers: tuple[Trigger, ...]
    rules: tuple[DeadlineRule, ...]


@dataclass(frozen=True)
class KnownCodes:
    """Area and form codes of one jurisdiction's taxonomy, to check the rules against."""

    areas: frozenset[str]
    forms: frozenset[str]


# --- parsing ----------------------------------------------------------------------------------


def _citation(entry: Entry) -> Citation:
    status = entry.choice("status", STATUSES)
    return Citation(
        law=entry.text("law", max_length=200),
        section=entry.text("section", max_length=200),
        # A citation the reference could not source may have no address; every other must.
        url=entry.url("url", required=status != "UNVERIFIED"),
        status=status,
        note=entry.text("note", required=False),
    )


def _length(entry: Entry) -> Length:
    table = entry.table.get("length")
    if not isinstance(table, dict) or len(table) != 1:
        raise entry.fail("length must be one of { years = N }, { months = N }, { weeks = N }, { days = N }")
    ((unit, value),) = table.items()
    if unit not in LENGTH_UNITS:
        raise entry.fail(f"length unit {unit!r} is not one of {', '.join(LENGTH_UNITS)}")
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_LENGTH[unit]:
        raise entry.fail(f"length {unit} must be a whole number from 1 to {MAX_LENGTH[unit]}")
    return Length(**{unit: value})


def _rule(
    entry: Entry,
    *,
    jurisdiction: str,
    bodies: dict[str, Body],
    triggers: dict[str, Trigger],
    known: KnownCodes,
) -> DeadlineRule:
    rule_id = entry.pattern("id", _RULE_ID, "an id such as NO-NEMNDA-3Y")
    if not rule_id.startswith(f"{jurisdiction}-"):
        raise entry.fail(f"id {rule_id} must start with {jurisdiction}-")
    valid_from = entry.date("valid_from")
    valid_to = entry.optional_date("valid_to")
    if valid_to is not None and valid_to < valid_from:
        raise entry.fail(f"valid_to {valid_to} is before valid_from {valid_from}")
    areas = entry.codes("areas", known=known.areas)
    except_areas = entry.codes("except_areas", known=known.areas)
    forms = entry.codes("forms", known=known.forms)
    except_forms = entry.codes("except_forms", known=known.forms)
    if areas & except_areas or forms & except_forms:
        raise entry.fail("a code is both included and excepted")
    citations = []
    for index, table in enumerate(entry.tables("citations"), start=1):
        citations.append(
            _citation(Entry(table, where=f"{entry.where} citation #{index}", allowed=_CITATION_KEYS))
        )
    if not citations:
        raise entry.fail("needs at least one citation in citations = [...]")
    condition = entry.translated("condition", required=False)
    return DeadlineRule(
        id=rule_id,
        jurisdiction=jurisdiction,
        body=bodies[entry.choice("body", sorted(bodies))],
        track=entry.choice("track", TRACKS),
        runs_from=triggers[entry.choice("runs_from", sorted(triggers))],
        length=_length(entry),
        areas=areas,
        except_areas=except_areas,
        forms=forms,
        except_forms=except_forms,
        minor_until_age=entry.optional_number("minor_until_age", low=1, high=25),
        valid_from=valid_from,
        valid_to=valid_to,
        status=entry.choice("status", STATUSES),
        label=Text.of(entry.translated("label")),
        consequence=Text.of(entry.translated("consequence")),
        condition=Text.of(condition) if condition["en"] else None,
        note=entry.text("note", required=False),
        citations=tuple(citations),
    )


def _close_versions(rules: list[DeadlineRule], *, origin: str) -> list[DeadlineRule]:
    """Give each superseded version of a rule the day before its successor as its last day."""
    versions: dict[str, list[DeadlineRule]] = {}
    for rule in rules:
        versions.setdefault(rule.id, []).append(rule)
    closed: dict[tuple[str, dt.date], DeadlineRule] = {}
    for rule_id, history in versions.items():
        history.sort(key=lambda rule: rule.valid_from)
        for current, successor in zip(history, [*history[1:], None], strict=True):
            valid_to = current.valid_to
            if successor is not None:
                if successor.valid_from == current.valid_from:
                    raise TriageDataError(
                        f"{origin}: rule {rule_id} has two versions from {current.valid_from}"
                    )
                last_day = successor.valid_from - dt.timedelta(days=1)
                if valid_to is not None and valid_to > last_day:
                    raise TriageDataError(
                        f"{origin}: rule {rule_id}: the version from {current.valid_from} runs to "
                        f"{valid_to}, past the next version starting {successor.valid_from}"
                    )
                valid_to = valid_to or last_day
            closed[(rule_id, current.valid_from)] = replace(current, valid_to=valid_to)
    return [closed[(rule.id, rule.valid_from)] for rule in rules]


def parse_rules_text(text: str, *, origin: str, known: KnownCodes, path: Path | None = None) -> RuleSet:
    """Parse one jurisdiction's deadline rules; `origin` names the file in error messages."""
    data = read_toml(text, origin=origin)
    unknown = sorted(set(data) - {"jurisdiction", "counting", "body", "trigger", "rule"})
    if unknown:
        raise TriageDataError(f"{origin}: unknown top-level key(s) {', '.join(unknown)}")
    for table in ("jurisdiction", "counting"):
        if table not in data:
            raise TriageDataError(f"{origin}: missing [{table}] table")
    head = Entry(data["jurisdiction"], where=f"{origin}: [jurisdiction]", allowed=frozenset({"code"}))
    jurisdiction = head.pattern("code", JURISDICTION, "a two-letter upper-case country code")

    counting_entry = Entry(data["counting"], where=f"{origin}: [counting]", allowed=_COUNTING_KEYS)
    counting = Counting(
        method=counting_entry.choice("method", COUNTING_METHODS), citation=_citation(counting_entry)
    )

    bodies: dict[str, Body] = {}
    for index, table in enumerate(array(data, "body", origin=origin), start=1):
        entry = Entry(table, where=f"{origin}: body #{index}", allowed=_BODY_KEYS)
        code = entry.pattern("code", CODE, "UPPER_SNAKE_CASE")
        if code in bodies:
            raise entry.fail(f"duplicate body {code}")
        bodies[code] = Body(code=code, name=Text.of(entry.translated("name")))

    triggers: dict[str, Trigger] = {}
    for index, table in enumerate(array(data, "trigger", origin=origin), start=1):
        entry = Entry(table, where=f"{origin}: trigger #{index}", allowed=_TRIGGER_KEYS)
        code = entry.pattern("code", CODE, "UPPER_SNAKE_CASE")
        if code in triggers:
            raise entry.fail(f"duplicate trigger {code}")
        triggers[code] = Trigger(
            code=code, label=Text.of(entry.translated("label")), from_incident=entry.boolean("from_incident")
        )

    rules: list[DeadlineRule] = []
    for index, table in enumerate(array(data, "rule", origin=origin), start=1):
        where = f"{origin}: rule #{index}"
        if isinstance(table, dict) and isinstance(table.get("id"), str):
            where += f" ({table['id']})"
        entry = Entry(table, where=where, allowed=_RULE_KEYS)
        rules.append(_rule(entry, jurisdiction=jurisdiction, bodies=bodies, triggers=triggers, known=known))
    if not rules:
        raise TriageDataError(f"{origin}: no [[rule]] entries")
    used_bodies = {rule.body.code for rule in rules}
    used_triggers = {rule.runs_from.code for rule in rules}
    unused = sorted((set(bodies) - used_bodies) | (set(triggers) - used_triggers))
    if unused:
        raise TriageDataError(f"{origin}: body or trigger never used by a rule: {', '.join(unused)}")

    return RuleSet(
        path=path or Path(origin),
        jurisdiction=jurisdiction,
        counting=counting,
        bodies=tuple(bodies.values()),
        triggers=tuple(triggers.values()),
        rules=tuple(_close_versions(rules, origin=origin)),
    )


def rule_paths(directory: Path = DATA_DIR) -> list[Path]:
    """One file per jurisdiction: deadlines_no.toml, deadlines_se.toml."""
    return sorted(
        path
        for path in directory.glob("deadlines_*.toml")
        if re.fullmatch(r"deadlines_[a-z]{2}\.toml", path.name)
    )


def known_codes(jurisdiction: str, taxonomies: Iterable[Any] | None = None) -> KnownCodes:
    """The area and form codes of the shipped taxonomy of `jurisdiction` (any version)."""
    for taxonomy in taxonomies if taxonomies is not None else load_taxonomies():
        if taxonomy.jurisdiction.code == jurisdiction:
            return KnownCodes(
                areas=frozenset(term.code for term in taxonomy.terms if term.kind == "area"),
                forms=frozenset(term.code for term in taxonomy.terms if term.kind == "form"),
            )
    raise TriageDataError(f"no legal taxonomy for jurisdiction {jurisdiction}")


def parse_rules_file(path: Path | str, *, known: KnownCodes | None = None) -> RuleSet:
    path = Path(path)
    jurisdiction = path.stem.removeprefix("deadlines_").upper()
    rule_set = parse_rules_text(
        read_file(path), origin=path.name, known=known or known_codes(jurisdiction), path=path
    )
    if rule_set.jurisdiction != jurisdiction:
        raise TriageDataError(
            f"{path.name}: declares jurisdiction {rule_set.jurisdiction}; "
            f"the file must be named deadlines_{rule_set.jurisdiction.lower()}.toml"
        )
    return rule_set


@functools.cache
def load_rules() -> dict[str, RuleSet]:
    """Every shipped rule set by jurisdiction code, parsed once per process."""
    return {rule_set.jurisdiction: rule_set for rule_set in map(parse_rules_file, rule_paths())}


def rules_for(jurisdiction: str) -> RuleSet:
    """The shipped rules of one jurisdiction; TriageDataError if there are none."""
    try:
        return load_rules()[jurisdiction]
    except KeyError:
        raise TriageDataError(f"no deadline rules for jurisdiction {jurisdiction!r}") from None
