"""What apps above `cases` plug into the case screens: timeline event kinds, sections of the
case page, boxes on the dashboard, and identifiers the case search finds a case by.

An app registers in its `AppConfig.ready()` (`cases` never imports the apps above it):

    from likeverd.cases import registry

    registry.register_event_kind("sorting_done", label=_("Sorting done"),
                                 template="triage/events/sorting_done.html")
    registry.register_case_section("triage", template="triage/case_section.html",
                                   context=case_section_context, order=50)
    registry.register_dashboard_box("deadlines", template="triage/dashboard_box.html",
                                    context=dashboard_box_context, order=50)

    registry.register_search_identifiers("imported", identifiers=imported_sheet_numbers)

A search source's `identifiers(case)` returns the case's identifiers from another system (an
imported sheet's case number); `search.case_search_terms` indexes them, so rebuilding the index
keeps them. The app also indexes them itself when it writes them (`search.index_identifier`).
A section's `context(viewer, case)` and a box's `context(viewer)` return the template's context
(a dict) or None when there is nothing to show for that viewer; they run once per page, so a
section costs the queries it makes itself and no more. A section that needs a row hanging off
the case by a one-to-one relation (its sorting record, its receipt) names the relation in
`related`: the case page reads it with the case, in the same statement, and the section takes it
from there (`selectors.read_with_case(viewer, case, relation)` says when it may) instead of
asking again. A section that lists rows hanging off the case by a foreign key (its drafts, its
referrals), which most cases have none of, names the reverse relation in `present`: the case
page asks, in the same statement, whether the case has any, and the section skips its query
when `selectors.known_empty(case, relation)` says it has none. Reads of case data they make are
theirs to audit. Sections and boxes appear in
`order`, then by code. A kind's template renders one timeline entry with `event` in its context;
kinds nobody registers (an app since removed) render `cases/events/_unknown.html`. The kinds of
`cases` itself (EventKind) are registered here.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

from likeverd.cases.models import EventKind

if TYPE_CHECKING:
    from likeverd.accounts.viewer import Viewer
    from likeverd.cases.models import Case

type Label = str | Promise
type Context = Mapping[str, object]
type SectionContext = Callable[["Viewer", "Case"], Context | None]
type BoxContext = Callable[["Viewer"], Context | None]
type SearchIdentifiers = Callable[["Case"], Iterable[str]]

UNKNOWN_EVENT_TEMPLATE = "cases/events/_unknown.html"
MAX_KIND_LENGTH = 64


@dataclass(frozen=True)
class EventKindEntry:
    code: str
    label: Label
    template: str


@dataclass(frozen=True)
class CaseSection:
    code: str
    template: str
    context: SectionContext
    order: int = 100
    related: tuple[str, ...] = ()
    present: tuple[str, ...] = ()


@dataclass(frozen=True)
class DashboardBox:
    code: str
    template: str
    context: BoxContext
    order: int = 100


@dataclass(frozen=True)
class Shown:
    """A section or box to render: its template and the context its function returned."""

    code: str
    template: str
    context: Context


_event_kinds: dict[str, EventKindEntry] = {}
_case_sections: dict[str, CaseSection] = {}
_dashboard_boxes: dict[str, DashboardBox] = {}
_search_identifiers: dict[str, SearchIdentifiers] = {}


def _check_new(registered: Mapping[str, object], code: str, what: str) -> None:
    if not code or len(code) > MAX_KIND_LENGTH:
        raise ImproperlyConfigured(f"{what} code {code!r}: 1 to {MAX_KIND_LENGTH} characters")
    if code in registered:
        raise ImproperlyConfigured(f"{what} {code!r} is registered already")


def register_event_kind(code: str, *, label: Label, template: str) -> None:
    """A kind of timeline entry: its code (stored in CaseEvent.kind), label and template."""
    _check_new(_event_kinds, code, "Event kind")
    _event_kinds[code] = EventKindEntry(code=code, label=label, template=template)


def register_case_section(
    code: str,
    *,
    template: str,
    context: SectionContext,
    order: int = 100,
    related: tuple[str, ...] = (),
    present: tuple[str, ...] = (),
) -> None:
    """A section of the case page, shown when `context(viewer, case)` returns a dict; `related`:
    one-to-one relations of the case the page reads with the case for it; `present`: reverse
    relations (rows with a foreign key to the case) whose existence the page reads with it."""
    _check_new(_case_sections, code, "Case section")
    _case_sections[code] = CaseSection(
        code=code, template=template, context=context, order=order, related=related, present=present
    )


def register_dashboard_box(code: str, *, template: str, context: BoxContext, order: int = 100) -> None:
    """A box on the dashboard, shown when `context(viewer)` returns a dict."""
    _check_new(_dashboard_boxes, code, "Dashboard box")
    _dashboard_boxes[code] = DashboardBox(code=code, template=template, context=context, order=order)


def register_search_identifiers(code: str, *, identifiers: SearchIdentifiers) -> None:
    """A source of identifiers the case search finds a case by (see the module's text)."""
    _check_new(_search_identifiers, code, "Search identifiers")
    _search_identifiers[code] = identifiers


def unregister_search_identifiers(code: str) -> None:
    _search_identifiers.pop(code, None)


def search_identifiers(case: "Case") -> list[str]:
    """Every registered source's identifiers of `case`, in the sources' code order."""
    return [found for code in sorted(_search_identifiers) for found in _search_identifiers[code](case)]


def unregister_event_kind(code: str) -> None:
    _event_kinds.pop(code, None)


def unregister_case_section(code: str) -> None:
    _case_sections.pop(code, None)


def unregister_dashboard_box(code: str) -> None:
    _dashboard_boxes.pop(code, None)


def event_kind(code: str) -> EventKindEntry | None:
    return _event_kinds.get(code)


def is_event_kind(code: str) -> bool:
    return code in _event_kinds


def event_template(code: str) -> str:
    entry = _event_kinds.get(code)
    return entry.template if entry is not None else UNKNOWN_EVENT_TEMPLATE


def case_sections(viewer: "Viewer", case: "Case") -> list[Shown]:
    """The registered sections with something to show this viewer for this case, in order."""
    shown = []
    for section in sorted(_case_sections.values(), key=lambda s: (s.order, s.code)):
        context = section.context(viewer, case)
        if context is not None:
            shown.append(Shown(code=section.code, template=section.template, context=context))
    return shown


def case_page_relations() -> tuple[str, ...]:
    """The one-to-one relations the registered sections read with the case, each once."""
    return tuple(sorted({name for section in _case_sections.values() for name in section.related}))


def case_page_presences() -> tuple[str, ...]:
    """The reverse relations whose existence the registered sections read with the case."""
    return tuple(sorted({name for section in _case_sections.values() for name in section.present}))


def dashboard_boxes(viewer: "Viewer") -> list[Shown]:
    """The registered boxes with something to show this viewer, in order."""
    shown = []
    for box in sorted(_dashboard_boxes.values(), key=lambda b: (b.order, b.code)):
        context = box.context(viewer)
        if context is not None:
            shown.append(Shown(code=box.code, template=box.template, context=context))
    return shown


for _kind in EventKind:
    register_event_kind(_kind.value, label=_kind.label, template=f"cases/events/{_kind.value}.html")
