"""Every read of cases for the screens: lists with filters and search, one case with its
timeline, the dashboard, conflicts of interest. All start from permissions.visible_cases
(office isolation and role), and reads of a case are recorded in the audit log.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import search
from likeverd.cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Document,
    Party,
    PartyRole,
    ReportingCategory,
    Task,
)
from likeverd.cases.permissions import visible_cases, visible_through
from likeverd.core import clock
from likeverd.taxonomy.models import Term


@dataclass
class CaseFilters:
    query: str = ""
    status: str = ""
    assigned_to: str = ""  # a person's public id, or "none" for unassigned
    ground: str = ""  # a term code
    area: str = ""
    channel: str = ""
    received_from: dt.date | None = None
    received_to: dt.date | None = None

    def used(self) -> list[str]:
        return [name for name, value in vars(self).items() if value]


CASE_NUMBER = re.compile(r"(?:(?P<code>[A-Za-z]{2,6})-)?(?:(?P<year>\d{4})-)?(?P<serial>\d{1,6})")


def _search(cases: QuerySet[Case], office: Office, text: str) -> QuerySet[Case]:
    """Cases whose number matches, or whose words (blind index) contain every word of `text`;
    newest first."""
    number = CASE_NUMBER.fullmatch(text)
    if number and number["code"] is not None and number["year"] is not None:
        # "OSL-2026-0042": a case number and nothing else, through the (office, year, serial) index.
        if number["code"].upper() != office.code:
            return cases.none()
        return cases.filter(year=int(number["year"]), serial=int(number["serial"])).order_by(
            "-received_at", "-id"
        )
    if number or any(ch.isdigit() for ch in text):
        # "2026-42", "42" or "x42": a number, or words that hold digits.
        condition = Q(pk__in=[])
        if number and (number["code"] is None or number["code"].upper() == office.code):
            condition = Q(serial=int(number["serial"]))
            if number["year"]:
                condition &= Q(year=int(number["year"]))
        else:
            condition = Q(number__icontains=text)
        words = search.case_condition(office, text)
        return cases.filter(condition | words if words is not None else condition).order_by(
            "-received_at", "-id"
        )
    found = search.filter_cases(cases, office, text)
    return found if found is not None else cases.none()


def list_cases(*, viewer: Viewer, filters: CaseFilters | None = None) -> QuerySet[Case]:
    filters = filters or CaseFilters()
    cases = visible_cases(viewer)
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.assigned_to == "none":
        cases = cases.filter(assigned_to__isnull=True)
    elif filters.assigned_to:
        cases = cases.filter(assigned_to__public_id=filters.assigned_to)
    # Through-table subqueries rather than joins: no duplicate rows, so no DISTINCT over
    # every column (the encrypted narrative included) when the pager counts.
    if filters.ground:
        cases = cases.filter(
            pk__in=Case.grounds.through.objects.filter(term__code=filters.ground).values("case_id")
        )
    if filters.area:
        cases = cases.filter(
            pk__in=Case.areas.through.objects.filter(term__code=filters.area).values("case_id")
        )
    if filters.channel:
        cases = cases.filter(channel=filters.channel)
    if filters.received_from:
        cases = cases.filter(received_at__date__gte=filters.received_from)
    if filters.received_to:
        cases = cases.filter(received_at__date__lte=filters.received_to)
    if filters.query.strip() and viewer.office is not None:
        cases = _search(cases, viewer.office, filters.query.strip())
    else:
        cases = cases.order_by("-received_at", "-id")
    if filters.used():
        # The filters are recorded by name only: a search text may itself be personal data.
        record_event(
            actor=viewer.user,
            office=viewer.office,
            action=AuditAction.SEARCH,
            detail={"filters": filters.used()},
        )
    return cases.select_related("assigned_to", "reporting_category").prefetch_related(
        Prefetch("grounds", queryset=Term.objects.order_by("sort_order"))
    )


def get_case(*, viewer: Viewer, public_id: str) -> Case:
    """One case the viewer may see, or 404 (also for other offices' cases); the read is audited."""
    try:
        case = (
            visible_cases(viewer)
            .select_related("office", "assigned_to", "reporting_category")
            .prefetch_related("grounds", "areas", "forms", "tracks")
            .get(public_id=public_id)
        )
    except (Case.DoesNotExist, ValueError):
        raise Http404 from None
    record_event(actor=viewer.user, office=viewer.office, action=AuditAction.VIEW, target=case, case=case)
    return case


def list_timeline(*, case: Case) -> QuerySet[CaseEvent]:
    return case.events.select_related("author").order_by("-occurred_at", "-id")


def list_parties(*, case: Case) -> QuerySet[Party]:
    return case.parties.select_related("represents").order_by("id")


def list_tasks(*, case: Case) -> QuerySet[Task]:
    return case.tasks.select_related("assignee").order_by("done_at", "due_date", "id")


def list_documents(*, case: Case) -> QuerySet[Document]:
    return case.documents.select_related("uploaded_by").order_by("-created_at", "-id")


def get_document(*, viewer: Viewer, public_id: str) -> Document:
    try:
        return Document.objects.select_related("case").get(
            public_id=public_id, case__in=visible_cases(viewer)
        )
    except (Document.DoesNotExist, ValueError):
        raise Http404 from None


def get_task(*, viewer: Viewer, public_id: str) -> Task:
    try:
        return Task.objects.select_related("case").get(public_id=public_id, case__in=visible_cases(viewer))
    except (Task.DoesNotExist, ValueError):
        raise Http404 from None


@dataclass
class Conflict:
    """The same name appears on the other side in another of the office's cases."""

    party: Party
    other_case_number: str
    other_role: str


def list_conflicts(*, viewer: Viewer, case: Case, parties: list[Party] | None = None) -> list[Conflict]:
    """Counterparts of this case who are clients (or reporters) in the office's other cases,
    and clients of this case who are counterparts elsewhere. `parties`: the case's parties,
    when the caller has read them already."""
    clients = {PartyRole.PERSON, PartyRole.REPORTER}
    named = [p for p in (case.parties.all() if parties is None else parties) if p.name_key is not None]
    client_keys = {p.name_key for p in named if p.role in clients}
    counterpart_keys = {p.name_key for p in named if p.role == PartyRole.COUNTERPART}
    if not client_keys and not counterpart_keys:
        return []
    # Only the other side's role is read back: the (name key, role) index answers directly.
    condition = Q(pk__in=[])
    if counterpart_keys:
        condition |= Q(name_key__in=counterpart_keys, role__in=clients)
    if client_keys:
        condition |= Q(name_key__in=client_keys, role=PartyRole.COUNTERPART)
    others = list(
        scope_to_office(Party.objects.all(), viewer, office_path="case__office")
        .filter(condition)
        .exclude(case=case)
        .select_related("case")
        .order_by("case__number", "id")
    )
    found = []
    for party in named:
        for other in others:
            if other.name_key != party.name_key:
                continue
            is_conflict = (party.role == PartyRole.COUNTERPART and other.role in clients) or (
                party.role in clients and other.role == PartyRole.COUNTERPART
            )
            if is_conflict:
                found.append(
                    Conflict(party=party, other_case_number=other.case.number, other_role=other.role)
                )
    return found


@dataclass
class Dashboard:
    my_tasks: list[Task] = field(default_factory=list)
    new_cases: list[Case] = field(default_factory=list)
    due_this_week: list[Task] = field(default_factory=list)
    my_cases: list[Case] = field(default_factory=list)
    counts_by_status: dict[str, int] = field(default_factory=dict)


def get_dashboard(*, viewer: Viewer) -> Dashboard:
    cases = visible_cases(viewer)
    today = clock.today()
    # Tasks reach their case by a join, not an IN over the office's case ids: the open-task
    # indexes (assignee, done, due) and (due) where open lead, and each task's case is checked.
    open_tasks = visible_through(Task.objects.filter(done_at__isnull=True), viewer).select_related(
        "case", "assignee"
    )
    counts = dict(cases.values_list("status").annotate(n=Count("id")).order_by())
    return Dashboard(
        my_tasks=list(open_tasks.filter(assignee=viewer.user).order_by("due_date", "id")[:20]),
        new_cases=list(
            cases.filter(status=CaseStatus.NEW).select_related("assigned_to").order_by("-received_at")[:20]
        ),
        due_this_week=list(
            open_tasks.filter(due_date__lte=today + dt.timedelta(days=7)).order_by("due_date", "case")[:30]
        ),
        my_cases=list(
            cases.filter(assigned_to=viewer.user)
            .exclude(status=CaseStatus.CLOSED)
            .select_related("reporting_category")
            .order_by("-updated_at")[:20]
        ),
        counts_by_status={status: counts.get(status, 0) for status in CaseStatus.values},
    )


# --- for the case-work screens (forms' choices and writes) ------------------------------------


def get_case_for_change(*, viewer: Viewer, public_id: str) -> Case:
    """A case the viewer may see, or 404, for a write: not audited as a view, because the
    service that makes the change records its own audit event."""
    try:
        return visible_cases(viewer).select_related("office", "assigned_to").get(public_id=public_id)
    except (Case.DoesNotExist, ValueError):
        raise Http404 from None


def list_caseworkers(*, viewer: Viewer) -> QuerySet[User]:
    """People of the viewer's office who can be given cases (advisers and mediators)."""
    memberships = scope_to_office(Membership.objects.all(), viewer).filter(
        is_active=True, role__in=[Role.ADVISER, Role.MEDIATOR]
    )
    return User.objects.filter(pk__in=memberships.values("user_id"), is_active=True).order_by(
        "first_name", "last_name", "username"
    )


def list_office_people(*, viewer: Viewer) -> QuerySet[User]:
    """Everyone active in the viewer's office (a task can go to any of them)."""
    memberships = scope_to_office(Membership.objects.all(), viewer).filter(is_active=True)
    return User.objects.filter(pk__in=memberships.values("user_id"), is_active=True).order_by(
        "first_name", "last_name", "username"
    )


def _office_people(viewer: Viewer) -> list[tuple[User, set[str]]]:
    """Everyone active in the viewer's office with their roles there, in name order: one query
    per request, however many lists and choice fields of the page need them."""
    if "office_people" not in viewer.memo:
        people: dict[int, tuple[User, set[str]]] = {}
        memberships = (
            scope_to_office(Membership.objects.all(), viewer)
            .filter(is_active=True, user__is_active=True)
            .select_related("user")
        )
        for membership in memberships:
            people.setdefault(membership.user_id, (membership.user, set()))[1].add(membership.role)
        viewer.memo["office_people"] = sorted(
            people.values(), key=lambda entry: (entry[0].first_name, entry[0].last_name, entry[0].username)
        )
    people_list: list[tuple[User, set[str]]] = viewer.memo["office_people"]
    return people_list


def caseworkers(*, viewer: Viewer) -> list[User]:
    """`list_caseworkers`, read once per request."""
    return [user for user, roles in _office_people(viewer) if roles & {Role.ADVISER, Role.MEDIATOR}]


def office_people(*, viewer: Viewer) -> list[User]:
    """`list_office_people`, read once per request."""
    return [user for user, _roles in _office_people(viewer)]


def list_reporting_categories(*, viewer: Viewer) -> QuerySet[ReportingCategory]:
    return scope_to_office(ReportingCategory.objects.all(), viewer).filter(is_active=True)


def get_classification_labels(*, viewer: Viewer) -> dict[str, str]:
    """Code -> label (active language) for the office's terms and reporting categories, so a
    timeline's classification changes read as words, not codes."""
    if viewer.office is None:
        return {}
    labels = {term.code: term.label for term in Term.objects.filter(jurisdiction=viewer.office.jurisdiction)}
    labels.update({category.code: category.label for category in list_reporting_categories(viewer=viewer)})
    return labels


def get_cases_by_public_id(*, viewer: Viewer, public_ids: set[str]) -> dict[str, Case]:
    """Public id -> case, for the given ids among the cases the viewer may see (one query)."""
    return {str(case.public_id): case for case in visible_cases(viewer).filter(public_id__in=public_ids)}
