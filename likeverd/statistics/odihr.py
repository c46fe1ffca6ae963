"""Hate crimes in the OSCE/ODIHR bias categories (the table hate_crimes_by_odihr_category).

The mapping is data: `data/odihr.toml` says which tracks and forms make a case an ODIHR hate crime
(an ordinary offence with a bias motive: NOT hate speech, NOT discrimination), and which of our
taxonomy's grounds fall in which ODIHR category, each with its citation. `load_mapping` checks it
against the legal taxonomy's data files and fails loudly on any unknown, misplaced or missing id.

`odihr_table` counts, in one GROUP BY query, the cases received in the period whose tracks and
forms qualify, per category of their grounds (a case counts once per category, and in every
category its grounds reach); a second query counts the distinct cases for the total row.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db.models import Case as When_
from django.db.models import CharField, Count, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from likeverd.accounts.models import Office
from likeverd.cases.models import Case
from likeverd.statistics.selectors.cases import cases_in
from likeverd.statistics.tables import Row, Table
from likeverd.taxonomy.loader import TaxonomyFile, load_all

TABLE_ID = "hate_crimes_by_odihr_category"
MAPPING_FILE = Path(__file__).resolve().parent / "data" / "odihr.toml"
LANGUAGES = ("nb", "sv", "en")

_CATEGORY_ID = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
_TERM_ID = re.compile(r"^(?P<jurisdiction>[A-Z]{2}):(?P<code>[A-Z][A-Z0-9_]{0,59})$")
_STATUSES = ("V-LAW", "V-OFF", "V-SEC", "PARTIAL", "UNVERIFIED")


class OdihrMappingError(ValueError):
    """The mapping file is malformed or does not fit the taxonomy; the message says where."""


TermId = tuple[str, str]  # (jurisdiction, code)


@dataclass(frozen=True)
class OdihrCategory:
    id: str
    labels: Mapping[str, str]  # language -> label
    grounds: tuple[TermId, ...]
    citation: str
    status: str
    note: str

    @property
    def label(self) -> str:
        language = (get_language() or "en")[:2]
        language = {"no": "nb", "nn": "nb"}.get(language, language)
        return self.labels.get(language) or self.labels["en"]


@dataclass(frozen=True)
class OdihrMapping:
    tracks: tuple[TermId, ...]
    forms: tuple[TermId, ...]
    excluded_forms: tuple[TermId, ...]
    categories: tuple[OdihrCategory, ...]
    unmapped_grounds: tuple[TermId, ...]

    @property
    def shown(self) -> tuple[OdihrCategory, ...]:
        """The categories a ground can reach: the table's rows."""
        return tuple(category for category in self.categories if category.grounds)

    def category_of(self, ground: TermId) -> str | None:
        return next((c.id for c in self.categories if ground in c.grounds), None)


def _fail(origin: str, where: str, message: str) -> OdihrMappingError:
    return OdihrMappingError(f"{origin}: {where}: {message}")


def _keys(table: Any, allowed: set[str], *, origin: str, where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise _fail(origin, where, "expected a table")
    unknown = set(table) - allowed
    if unknown:
        raise _fail(origin, where, f"unknown key(s) {sorted(unknown)}")
    return table


def _text(table: Mapping[str, Any], name: str, *, origin: str, where: str, required: bool = True) -> str:
    value = table.get(name, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(origin, where, f"{name!r} must be a non-empty string")
    return value.strip()


def _ids(
    table: Mapping[str, Any],
    name: str,
    *,
    kind: str,
    known: Mapping[str, set[TermId]],
    origin: str,
    where: str,
) -> tuple[TermId, ...]:
    values = table.get(name)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise _fail(origin, where, f"{name!r} must be a list of ids such as 'NO:ETHNICITY'")
    ids: list[TermId] = []
    for value in values:
        match = _TERM_ID.match(value)
        if match is None:
            raise _fail(origin, where, f"{value!r} is not an id of the form 'NO:CODE'")
        term = (match["jurisdiction"], match["code"])
        if term not in known[kind]:
            raise _fail(origin, where, f"{value!r} is not a {kind} in the legal taxonomy")
        if term in ids:
            raise _fail(origin, where, f"{value!r} is listed twice")
        ids.append(term)
    return tuple(ids)


def _taxonomy_ids(files: Iterable[TaxonomyFile]) -> dict[str, set[TermId]]:
    known: dict[str, set[TermId]] = {"ground": set(), "form": set(), "track": set(), "area": set()}
    for taxonomy in files:
        for term in taxonomy.terms:
            known[term.kind].add((taxonomy.jurisdiction.code, term.code))
    return known


def _show(term: TermId) -> str:
    return f"{term[0]}:{term[1]}"


def parse_mapping(text: str, *, taxonomy: Iterable[TaxonomyFile], origin: str = "odihr.toml") -> OdihrMapping:
    """The mapping in `text`, checked against `taxonomy`; OdihrMappingError names what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise OdihrMappingError(f"{origin}: not valid TOML: {error}") from None
    known = _taxonomy_ids(taxonomy)
    _keys(data, {"count", "not_counted", "category", "not_mapped"}, origin=origin, where="top level")

    count = _keys(data.get("count"), {"tracks", "forms", "reason"}, origin=origin, where="[count]")
    tracks = _ids(count, "tracks", kind="track", known=known, origin=origin, where="[count]")
    forms = _ids(count, "forms", kind="form", known=known, origin=origin, where="[count]")
    _text(count, "reason", origin=origin, where="[count]")
    if not tracks or not forms:
        raise _fail(origin, "[count]", "name at least one track and one form")

    excluded: list[TermId] = []
    for index, entry in enumerate(data.get("not_counted", [])):
        where = f"[[not_counted]] #{index + 1}"
        _keys(entry, {"forms", "reason"}, origin=origin, where=where)
        _text(entry, "reason", origin=origin, where=where)
        excluded.extend(_ids(entry, "forms", kind="form", known=known, origin=origin, where=where))
    placed_forms = list(forms) + excluded
    twice = {f for f in placed_forms if placed_forms.count(f) > 1}
    if twice:
        raise _fail(
            origin, "forms", f"{sorted(map(_show, twice))} both counted and not counted, or listed twice"
        )
    missing_forms = known["form"] - set(placed_forms)
    if missing_forms:
        raise _fail(
            origin,
            "forms",
            f"{sorted(map(_show, missing_forms))} are in the taxonomy but neither counted nor not counted",
        )

    categories: list[OdihrCategory] = []
    allowed = {"id", "grounds", "citation", "status", "note"} | {f"label_{lang}" for lang in LANGUAGES}
    for index, entry in enumerate(data.get("category", [])):
        where = f"[[category]] #{index + 1}"
        _keys(entry, allowed, origin=origin, where=where)
        category_id = _text(entry, "id", origin=origin, where=where)
        if not _CATEGORY_ID.match(category_id):
            raise _fail(origin, where, f"id {category_id!r} must be lower_snake_case")
        where = f"category {category_id!r}"
        if any(c.id == category_id for c in categories):
            raise _fail(origin, where, "the id is used twice")
        status = _text(entry, "status", origin=origin, where=where)
        if status not in _STATUSES:
            raise _fail(origin, where, f"status must be one of {', '.join(_STATUSES)}")
        categories.append(
            OdihrCategory(
                id=category_id,
                labels={
                    lang: _text(entry, f"label_{lang}", origin=origin, where=where) for lang in LANGUAGES
                },
                grounds=_ids(entry, "grounds", kind="ground", known=known, origin=origin, where=where),
                citation=_text(entry, "citation", origin=origin, where=where),
                status=status,
                note=_text(entry, "note", origin=origin, where=where, required=False),
            )
        )
    if not categories:
        raise _fail(origin, "[[category]]", "no categories")

    unmapped: list[TermId] = []
    for index, entry in enumerate(data.get("not_mapped", [])):
        where = f"[[not_mapped]] #{index + 1}"
        _keys(entry, {"grounds", "reason"}, origin=origin, where=where)
        _text(entry, "reason", origin=origin, where=where)
        unmapped.extend(_ids(entry, "grounds", kind="ground", known=known, origin=origin, where=where))
    placed = [g for c in categories for g in c.grounds] + unmapped
    twice = {g for g in placed if placed.count(g) > 1}
    if twice:
        raise _fail(origin, "grounds", f"{sorted(map(_show, twice))} are placed more than once")
    missing = known["ground"] - set(placed)
    if missing:
        raise _fail(
            origin,
            "grounds",
            f"{sorted(map(_show, missing))} are in the taxonomy but in no category and not in [[not_mapped]]",
        )
    return OdihrMapping(
        tracks=tracks,
        forms=forms,
        excluded_forms=tuple(excluded),
        categories=tuple(categories),
        unmapped_grounds=tuple(unmapped),
    )


@functools.cache
def load_mapping(path: Path = MAPPING_FILE) -> OdihrMapping:
    """The mapping file, checked against the taxonomy's data files (read once per process)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise OdihrMappingError(f"{path}: cannot be read: {error}") from None
    return parse_mapping(text, taxonomy=load_all(), origin=Path(path).name)


def _terms(ids: Iterable[TermId], prefix: str) -> Q:
    """Rows whose term (through `prefix`) is one of `ids`, in any of its versions."""
    found = Q(pk__in=[])
    for jurisdiction, code in ids:
        found |= Q(**{f"{prefix}jurisdiction": jurisdiction, f"{prefix}code": code})
    return found


def counted_cases(
    *, offices: Sequence[Office], start: dt.date, end: dt.date, mapping: OdihrMapping
) -> QuerySet[Case]:
    """The cases of the period that are ODIHR hate crimes: a counted track and a counted form."""
    tracks = Case.tracks.through.objects.filter(_terms(mapping.tracks, "term__"), case=OuterRef("pk"))
    forms = Case.forms.through.objects.filter(_terms(mapping.forms, "term__"), case=OuterRef("pk"))
    return cases_in(offices, start, end).filter(Exists(tracks), Exists(forms))


def odihr_table(*, offices: Sequence[Office], start: dt.date, end: dt.date) -> Table:
    mapping = load_mapping()
    shown = mapping.shown
    cases = counted_cases(offices=offices, start=start, end=end, mapping=mapping)
    category = When_(
        *(When(_terms(c.grounds, "term__"), then=Value(c.id)) for c in shown),
        default=Value(""),
        output_field=CharField(),
    )
    mapped = _terms([g for c in shown for g in c.grounds], "term__")
    links = Case.grounds.through.objects.filter(mapped, case__in=cases.values("pk"))
    grouped = links.values(category=category).annotate(cases=Count("case", distinct=True)).order_by()
    counts: dict[str, int] = {row["category"]: row["cases"] for row in grouped}
    total = links.values("case").distinct().count()
    note = _(
        "Only cases on the criminal track about an ordinary offence with a bias motive count; "
        "hate speech and discrimination do not. A case with grounds in two categories counts in both."
    )
    hidden = [c.label for c in mapping.categories if not c.grounds]
    if hidden:
        note += " " + _(
            "Not shown, because the grounds do not say which group was targeted: %(categories)s."
        ) % {"categories": ", ".join(hidden)}
    return Table(
        id=TABLE_ID,
        title=_("Hate crimes by OSCE/ODIHR bias category"),
        columns=(_("Cases"),),
        rows=tuple(Row(label=c.label, values=(counts.get(c.id, 0),), key=c.id) for c in shown),
        total=Row(label=_("Cases in total"), values=(total,), key="total"),
        additive=False,
        note=note,
    )
