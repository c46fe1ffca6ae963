"""The "Is this discrimination?" guide: plain words for the taxonomy, and the suggestion it ends in.

Pure functions over data: the plain words and emergency numbers come from `data/guide.toml`,
the grounds and areas that apply from the legal taxonomy (its selectors), and `suggest` decides
between urgent help, reporting to the office, and another service from the three answers. It
never tells anyone that something is or is not discrimination: a lawyer at the office does that.
"""

import functools
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from likeverd.taxonomy.models import TermKind
from likeverd.taxonomy.selectors import list_terms

GUIDE_FILE = Path(__file__).resolve().parent / "data" / "guide.toml"

# Choosing several grounds is what the taxonomy calls a combination, so it is not offered alone.
COMBINATION = "COMBINATION"
# Grounds Norwegian law protects in working life only (arbeidsmiljøloven § 13-1).
WORK_ONLY_GROUNDS = {"NO": frozenset({"POLITICAL_VIEW", "TRADE_UNION"})}
WORK_AREA = "EMPLOYMENT"
# Family life and purely personal matters are outside the Norwegian Act (ldl § 2).
OUT_OF_SCOPE_AREAS = {"NO": frozenset({"PRIVATE_LIFE"})}
# Answers that are not taxonomy codes.
ELSEWHERE = "elsewhere"
UNKNOWN = "unknown"


class WhatHappened(StrEnum):
    TREATED_WORSE = "worse"
    HARASSED = "harassed"
    THREATENED = "threatened"
    RULE = "rule"
    NOT_ADAPTED = "not_adapted"
    PUNISHED = "punished"
    OTHER = "other"


class Outcome(StrEnum):
    URGENT = "urgent"
    REPORT_HERE = "report_here"
    OTHER_SERVICE = "other_service"


class Note(StrEnum):
    POLICE_POSSIBLE = "police_possible"  # hateful speech and hate crime are crimes too
    PRIVATE_LIFE = "private_life"
    NO_GROUND = "no_ground"
    WORK_ONLY = "work_only"
    ELSEWHERE = "elsewhere"


@dataclass(frozen=True)
class EmergencyNumber:
    jurisdiction: str
    number: str
    is_urgent: bool
    source: str


@dataclass(frozen=True)
class GuideData:
    # (jurisdiction, kind, code) -> language -> words
    words: dict[tuple[str, str, str], dict[str, str]]
    emergency: tuple[EmergencyNumber, ...]


@functools.cache
def load_guide_data(path: Path = GUIDE_FILE) -> GuideData:
    with path.open("rb") as file:
        raw = tomllib.load(file)
    words: dict[tuple[str, str, str], dict[str, str]] = {}
    for entry in raw.get("term", []):
        labels = {key: value for key, value in entry.items() if key not in {"jurisdictions", "kind", "code"}}
        for jurisdiction in entry["jurisdictions"]:
            key = (jurisdiction, entry["kind"], entry["code"])
            if key in words:
                raise ValueError(f"{path.name}: {key} is given twice")
            words[key] = labels
    emergency = tuple(
        EmergencyNumber(
            jurisdiction=e["jurisdiction"], number=e["number"], is_urgent=e["is_urgent"], source=e["source"]
        )
        for e in raw.get("emergency", [])
    )
    return GuideData(words=words, emergency=emergency)


@dataclass(frozen=True)
class Choice:
    code: str
    label: str
    language: str  # the language of `label`, for the lang attribute when it had to fall back


def plain_words(jurisdiction: str, kind: str, code: str, language: str) -> tuple[str, str] | None:
    """The plain words for a term in `language` (or English), and the language they are in."""
    labels = load_guide_data().words.get((jurisdiction, kind, code))
    if labels is None:
        return None
    if labels.get(language):
        return labels[language], language
    return labels["en"], "en"


def list_choices(*, jurisdiction: str, kind: TermKind, language: str) -> list[Choice]:
    """The grounds or areas of `jurisdiction` that apply today, in plain words, in the taxonomy's order."""
    choices = []
    # Only the codes: the terms' legal sources are not shown here (one query, not two).
    terms = list_terms(jurisdiction=jurisdiction, kind=kind).prefetch_related(None)
    for code in terms.values_list("code", flat=True):
        if code == COMBINATION:
            continue
        words = plain_words(jurisdiction, kind, code, language)
        if words is not None:
            choices.append(Choice(code=code, label=words[0], language=words[1]))
    return choices


def emergency_numbers(jurisdiction: str) -> list[EmergencyNumber]:
    return [e for e in load_guide_data().emergency if e.jurisdiction == jurisdiction]


@dataclass(frozen=True)
class Suggestion:
    outcome: Outcome
    notes: frozenset[Note]


def suggest(*, jurisdiction: str, what: WhatHappened, where: str, why: frozenset[str]) -> Suggestion:
    """Where the guide sends a person, from what happened, where, and because of what.

    Danger comes first, whatever else was answered. Otherwise the office is suggested whenever a
    protected ground may be involved in an area the law covers; when none is, another service may
    fit better (the office can still say which).
    """
    notes: set[Note] = set()
    if what in {WhatHappened.HARASSED, WhatHappened.THREATENED}:
        notes.add(Note.POLICE_POSSIBLE)
    if where == ELSEWHERE:
        notes.add(Note.ELSEWHERE)
    grounds = {code for code in why if code != UNKNOWN}
    work_only = WORK_ONLY_GROUNDS.get(jurisdiction, frozenset())
    if where != WORK_AREA and grounds & work_only:
        notes.add(Note.WORK_ONLY)
        grounds -= work_only
    if what == WhatHappened.THREATENED:
        return Suggestion(Outcome.URGENT, frozenset(notes))
    if where in OUT_OF_SCOPE_AREAS.get(jurisdiction, frozenset()):
        notes.add(Note.PRIVATE_LIFE)
        return Suggestion(Outcome.OTHER_SERVICE, frozenset(notes))
    if not grounds:
        notes.add(Note.NO_GROUND)
        return Suggestion(Outcome.OTHER_SERVICE, frozenset(notes))
    return Suggestion(Outcome.REPORT_HERE, frozenset(notes))
