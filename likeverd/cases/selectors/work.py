"""Reads of the work on cases: a case's timeline, tasks and documents, and the dashboard."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, QuerySet, Window
from django.http import Http404

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.viewer import Viewer
from likeverd.audit.services import record_views
from likeverd.cases.access import visible_cases, visible_through
from likeverd.cases.models import Case, CaseEvent, CaseStatus, Document, Task
from likeverd.cases.selectors.cases import refused
from likeverd.cases.selectors.casework import with_people
from likeverd.core import clock


def list_timeline(*, case: Case) -> QuerySet[CaseEvent]:
    return case.events.select_related("author").order_by("-occurred_at", "-id")


@dataclass
class Timeline:
    entries: list[CaseEvent]  # newest first
    total: int  # entries in the whole timeline

    @property
    def is_whole(self) -> bool:
        return len(self.entries) == self.total


def read_timeline(*, viewer: Viewer, case: Case, newest: int | None) -> Timeline:
    """The case's newest `newest` entries (None: all of them) and how many there are in all, in
    one statement (the count is a window over the whole timeline, taken before the limit); each
    entry's author from the office's people (`with_people`)."""
    # Authors from the office's people, not joined (select_related(None)).
    events = (
        list_timeline(case=case)
        .select_related(None)
        .annotate(timeline_total=Window(Count("id"), output_field=IntegerField()))
    )
    entries: list[CaseEvent] = list(events if newest is None else events[:newest])
    with_people(viewer, entries, "author")
    return Timeline(entries=entries, total=getattr(entries[0], "timeline_total", 0) if entries else 0)


def read_tasks(*, viewer: Viewer, case: Case) -> list[Task]:
    """The case's tasks as the case page lists them, each assignee from the office's people."""
    return with_people(viewer, list(list_tasks(case=case).select_related(None)), "assignee")


def read_documents(*, case: Case) -> list[Document]:
    """The case's documents as the case page lists them (name, kind, size, when; not who)."""
    return list(list_documents(case=case).select_related(None))


def list_tasks(*, case: Case) -> QuerySet[Task]:
    return case.tasks.select_related("assignee").order_by("done_at", "due_date", "id")


def list_documents(*, case: Case) -> QuerySet[Document]:
    return case.documents.select_related("uploaded_by").order_by("-created_at", "-id")


def get_document(*, viewer: Viewer, public_id: str) -> Document:
    try:
        return Document.objects.select_related("case").get(
            public_id=public_id, case__in=visible_cases(viewer)
        )
    except ValueError:
        raise Http404 from None
    except Document.DoesNotExist:
        raise refused(viewer, Document, public_id) from None


def get_task(*, viewer: Viewer, public_id: str) -> Task:
    try:
        return Task.objects.select_related("case").get(public_id=public_id, case__in=visible_cases(viewer))
    except ValueError:
        raise Http404 from None
    except Task.DoesNotExist:
        raise refused(viewer, Task, public_id) from None


@dataclass
class Dashboard:
    my_tasks: list[Task] = field(default_factory=list)
    new_cases: list[Case] = field(default_factory=list)
    due_this_week: list[Task] = field(default_factory=list)
    my_cases: list[Case] = field(default_factory=list)
    counts_by_status: dict[str, int] = field(default_factory=dict)  # the open statuses


# The statuses the dashboard counts: the open ones. After a few years nine in ten of an office's
# cases are closed, and counting them was most of the counts' time (10 ms of 11 at 100,000
# cases); the dashboard links to the closed cases instead.
OPEN_STATUSES = tuple(status for status in CaseStatus.values if status != CaseStatus.CLOSED)


def _counts_by_status(cases: QuerySet[Case]) -> dict[str, int]:
    """How many of `cases` have each open status, in one statement: a GROUP BY over the open
    statuses, which the (office, status, spam) index hands over one status at a time. COUNT(*),
    not COUNT(id): the id is not in that index, and PostgreSQL would read every open case's row
    for it (15 ms, against 3 from the index alone, at 100,000 cases). Each count keeps the
    viewer's rule of `cases`."""
    counts = dict.fromkeys(OPEN_STATUSES, 0)
    rows = cases.filter(status__in=OPEN_STATUSES).order_by().values_list("status").annotate(n=Count("*"))
    for status, number in rows:
        counts[status] = number
    return counts


# What the dashboard shows of each row (cases/dashboard.html), and nothing more: a narrative
# or a name it does not show is neither fetched nor turned into a field value.
_BOARD_TASK_FIELDS = ("public_id", "case", "title", "due_date", "done_at", "assignee")
_BOARD_CASE_FIELDS = ("public_id", "number")
_BOARD_PERSON_FIELDS = ("first_name", "last_name", "username")


def get_dashboard(*, viewer: Viewer) -> Dashboard:
    cases = visible_cases(viewer).filter(suspected_spam=False)  # spam waits in its folder
    today = clock.today()
    # Tasks reach their case by a join, not an IN over the office's case ids: the open-task
    # indexes (assignee, done, due) and (due) where open lead, and each task's case is checked.
    open_tasks = (
        visible_through(Task.objects.filter(done_at__isnull=True), viewer)
        .select_related("case", "assignee")
        .only(
            *_BOARD_TASK_FIELDS,
            *(f"case__{name}" for name in _BOARD_CASE_FIELDS),
            *(f"assignee__{name}" for name in _BOARD_PERSON_FIELDS),
        )
    )
    board = Dashboard(
        my_tasks=list(open_tasks.filter(assignee=viewer.user).order_by("due_date", "id")[:20]),
        new_cases=list(
            cases.filter(status=CaseStatus.NEW)
            .select_related("assigned_to")
            .only(
                *_BOARD_CASE_FIELDS,
                "channel",
                "received_at",
                "assigned_to",
                *(f"assigned_to__{name}" for name in _BOARD_PERSON_FIELDS),
            )
            .order_by("-received_at")[:20]
        ),
        due_this_week=list(
            # By the case's id, not "case": that would sort by the case's own ordering (newest
            # first) and lead the database to walk the office's cases instead of the open tasks.
            open_tasks.filter(due_date__lte=today + dt.timedelta(days=7)).order_by(
                "due_date", "case_id", "id"
            )[:30]
        ),
        my_cases=list(
            cases.filter(assigned_to=viewer.user)
            .exclude(status=CaseStatus.CLOSED)
            .select_related("reporting_category")
            .only(*_BOARD_CASE_FIELDS, "status", "reporting_category")
            .order_by("-updated_at")[:20]
        ),
        counts_by_status=_counts_by_status(cases),
    )
    # Task titles are personal data: each case whose tasks the board shows gets a VIEW row.
    shown = {task.case_id: task.case for task in [*board.my_tasks, *board.due_this_week]}
    record_views(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        cases=shown.values(),
        detail={"screen": "dashboard"},
    )
    return board
