"""What triage shows on the screens of `cases`, registered in TriageConfig.ready() through
likeverd.cases.registry: a section of the case page (the legal assessment: whether the law
covers the area, the provisions that apply, the criminal track, running deadlines, the evidence
checklist, other actors, and where the sorting and the decision stand; read-only, with links
to the editing screens) and a dashboard box (deadlines ending within 30 days)."""

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.translation import get_language

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import registry
from likeverd.cases.access import can_edit, may_read_cases
from likeverd.cases.models import Case
from likeverd.directory.selectors import services_for_actors
from likeverd.taxonomy.models import LegalSource, VerificationStatus
from likeverd.triage import selectors
from likeverd.triage.articles import articles_for_case
from likeverd.triage.assessment_selectors import assessment_state_with, missing_label
from likeverd.triage.datafile import verification
from likeverd.triage.deadlines import Deadline
from likeverd.triage.rules import Citation
from likeverd.triage.scope import Provision, scope_for

UPCOMING_DAYS = 30
# The dashboard box shows the soonest few; a busy office has hundreds (the deadlines page).
BOX_ROWS = 10
PAGE_ROWS = 50


@dataclass(frozen=True)
class DeadlineRow:
    """One deadline as the screens show it, texts in the active language."""

    label: str
    body: str
    ends_on: dt.date | None
    latest_ends_on: dt.date | None
    days_left: int | None
    approximate: bool
    # ends_on is the date itself (not only the earliest possible one)
    certain: bool
    may_have_expired: bool
    incident_date_needed: bool
    birth_date_needed: bool
    start_may_be_later: bool
    verification: str
    verification_label: str
    citations: "list[ProvisionRow]"

    @classmethod
    def of(cls, deadline: Deadline) -> "DeadlineRow":
        rule = deadline.rule
        status = deadline.status
        label = VerificationStatus(status).label if status in VerificationStatus.values else status
        return cls(
            label=rule.label.in_language(),
            body=rule.body.name.in_language(),
            ends_on=deadline.ends_on,
            latest_ends_on=deadline.latest_ends_on,
            days_left=deadline.days_left,
            approximate=deadline.approximate,
            certain=deadline.is_certain,
            may_have_expired=deadline.may_have_expired,
            incident_date_needed=deadline.incident_date_needed,
            birth_date_needed=deadline.birth_date_needed,
            start_may_be_later=deadline.start_may_be_later,
            verification=deadline.verification,
            verification_label=str(label),
            citations=[ProvisionRow.of(citation) for citation in rule.citations],
        )


@dataclass(frozen=True)
class EvidenceRow:
    label: str
    hint: str
    held_by: str
    is_secured: bool


@dataclass(frozen=True)
class ActorRow:
    name: str
    role: str
    verification: str
    # The actor's entry in the help directory (directory.selectors.services_for_actors), if any.
    service_id: str = ""


def status_label(status: str) -> str:
    """The reference's verification label (V-LAW, PARTIAL, ...) in words."""
    return str(VerificationStatus(status).label) if status in VerificationStatus.values else status


@dataclass(frozen=True)
class ProvisionRow:
    law: str
    section: str
    url: str
    status: str
    status_label: str
    verification: str

    @classmethod
    def of(cls, provision: Provision | LegalSource | Citation) -> "ProvisionRow":
        return cls(
            law=provision.law,
            section=provision.section,
            url=provision.url,
            status=provision.status,
            status_label=status_label(provision.status),
            verification=verification(provision.status),
        )


@dataclass(frozen=True)
class AreaRow:
    label: str
    covered: str
    note: str
    provisions: list[ProvisionRow]
    status_label: str
    verification: str


@dataclass(frozen=True)
class CriminalRow:
    label: str
    provisions: list[ProvisionRow]
    status_label: str
    verification: str


def _terms(case: Case) -> list[object]:
    return [*case.grounds.all(), *case.forms.all(), *case.areas.all(), *case.tracks.all()]


def legal_context(case: Case) -> dict[str, object]:
    """Whether the office's anti-discrimination law covers the case's areas, the provisions its
    classification cites (the taxonomy's sources), and the criminal provisions that may apply
    beside the civil track; all from the data files. One query (the provisions)."""
    scope = scope_for(case.office.jurisdiction)
    areas = {term.code: term for term in case.areas.all()}
    forms = sorted({term.code for term in case.forms.all()})
    term_ids = [term.pk for term in _terms(case)]  # type: ignore[attr-defined]
    provisions = (
        [
            ProvisionRow.of(source)
            for source in LegalSource.objects.filter(terms__in=term_ids).distinct().order_by("key")
        ]
        if term_ids
        else []
    )
    area_rows = []
    criminal_rows = []
    if scope is not None:
        for code, term in sorted(areas.items()):
            found = scope.areas.get(code)
            if found is None:
                continue
            area_rows.append(
                AreaRow(
                    label=term.label,
                    covered=found.covered,
                    note=found.note.in_language() if found.note else "",
                    provisions=[ProvisionRow.of(p) for p in found.provisions],
                    status_label=status_label(found.status),
                    verification=found.verification,
                )
            )
        criminal_rows = [
            CriminalRow(
                label=entry.label.in_language(),
                provisions=[ProvisionRow.of(p) for p in entry.provisions],
                status_label=status_label(entry.status),
                verification=entry.verification,
            )
            for entry in scope.criminal_for(areas=list(areas), forms=forms)
        ]
    return {
        "triage_law": scope.law.in_language() if scope is not None else "",
        "triage_law_provisions": [ProvisionRow.of(p) for p in scope.law_provisions] if scope else [],
        "triage_areas": area_rows,
        "triage_area_unknown": not areas,
        "triage_provisions": provisions,
        "triage_criminal_open": any(term.code == "CRIMINAL" for term in case.tracks.all()),
        "triage_criminal": criminal_rows,
    }


def case_section(viewer: Viewer, case: Case) -> dict[str, object] | None:
    """The section "Sorting and legal assessment" of the case page (shown with the case, which
    the page has read and audited). The sorting record's read is audited and checks the case
    (selectors.get_sorting); deadlines, checklist and actors come from the data files."""
    record = selectors.get_sorting(viewer=viewer, case=case)
    birth_date = record.birth_day if record is not None else None
    secured = (
        {item.item for item in selectors.list_evidence(record=record) if item.is_secured and item.item}
        if record is not None
        else set()
    )
    checklist = selectors.case_evidence_checklist(case=case, birth_date=birth_date)
    evidence = [
        EvidenceRow(
            label=entry.item.label.in_language(),
            hint=entry.item.hint.in_language(),
            held_by=entry.item.held_by.in_language() if entry.item.held_by else "",
            is_secured=entry.item.code in secured,
        )
        for entry in checklist
    ]
    other_actors = selectors.case_other_actors(case=case, birth_date=birth_date)
    entries = services_for_actors(office=case.office, actor_codes=[actor.code for actor in other_actors])
    actors = [
        ActorRow(
            name=actor.name.in_language(),
            role=actor.role.in_language(),
            verification=actor.verification,
            service_id=str(entries[actor.code].public_id) if actor.code in entries else "",
        )
        for actor in other_actors
    ]
    deadlines = [DeadlineRow.of(d) for d in selectors.case_deadlines(case=case, birth_date=birth_date)]
    state = assessment_state_with(
        case, sorting_complete=record is not None and record.is_complete, viewer=viewer
    )
    return {
        "triage_deadlines": deadlines,
        "triage_birth_date_needed": any(row.birth_date_needed for row in deadlines),
        "triage_evidence": evidence,
        "triage_actors": actors,
        "triage_sorted": record is not None,
        "triage_state": state,
        "triage_missing": [missing_label(code) for code in state.missing],
        "triage_can_edit": can_edit(viewer, case),
        **legal_context(case),
        "triage_articles": articles_for_case(
            office=case.office,
            evidence=checklist,
            place_kind=case.place_kind,
            language=get_language() or "nb",
        ),
    }


@dataclass(frozen=True)
class UpcomingRow:
    case: Case
    deadline: DeadlineRow


def dashboard_box(viewer: Viewer) -> dict[str, object] | None:
    """The box "Deadlines ending within 30 days" for a viewer who may read cases: the soonest
    few on the viewer's own cases and on cases nobody is assigned to, and how many more there
    are (the deadlines page lists them all). Listing the cases it shows is audited as one read
    of a list (their number, no names)."""
    if not may_read_cases(viewer):
        return None
    upcoming = selectors.upcoming_deadlines(viewer=viewer, within_days=UPCOMING_DAYS, mine=True)
    shown = upcoming[:BOX_ROWS]
    if shown:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.LIST,
            detail={"list": "upcoming_deadlines", "cases": len({item.case.pk for item in shown})},
        )
    return {
        "triage_upcoming": rows_of(shown),
        "triage_upcoming_more": len(upcoming) - len(shown),
        "triage_upcoming_days": UPCOMING_DAYS,
    }


def rows_of(upcoming: list[selectors.CaseDeadline]) -> list[UpcomingRow]:
    return [UpcomingRow(case=item.case, deadline=DeadlineRow.of(item.deadline)) for item in upcoming]


def deadlines_page(viewer: Viewer, *, mine: bool, page_number: str | None) -> dict[str, object]:
    """The deadlines page: every deadline ending within 30 days on the office's open cases (or,
    `mine`, on the viewer's own and unassigned ones), soonest first, a page at a time; the
    cases on the page shown are audited as one read of a list."""
    upcoming = selectors.upcoming_deadlines(viewer=viewer, within_days=UPCOMING_DAYS, mine=mine)
    page = Paginator(upcoming, PAGE_ROWS).get_page(page_number)
    if page.object_list:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.LIST,
            detail={"list": "deadlines_page", "cases": len({item.case.pk for item in page.object_list})},
        )
    return {
        "rows": rows_of(list(page.object_list)),
        "page": page,
        "total": len(upcoming),
        "mine": mine,
        "days": UPCOMING_DAYS,
    }


def register() -> None:
    registry.register_case_section(
        "triage",
        template="triage/case_section.html",
        context=case_section,
        order=50,
        related=("sorting", "assessment_decision"),
    )
    registry.register_dashboard_box(
        "triage_deadlines", template="triage/dashboard_box.html", context=dashboard_box, order=50
    )
