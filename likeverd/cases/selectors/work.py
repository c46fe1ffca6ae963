"""Reads of the work on cases: a case's timeline, tasks and documents, and the dashboard."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.http import Http404

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.viewer import Viewer
from likeverd.audit.services import record_views
from likeverd.cases.access import visible_cases, visible_through
from likeverd.cases.models import Case, CaseEvent, CaseStatus, Document, Task
from likeverd.cases.selectors.cases import refused
from likeverd.core import clock


def list_timeline(*, case: Case) -> QuerySet[CaseEvent]:
    return case.events.select_related("author").order_by("-occurred_at", "-id")


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
    counts_by_status: dict[str, int] = field(default_factory=dict)


def get_dashboard(*, viewer: Viewer) -> Dashboard:
    cases = visible_cases(viewer).filter(suspected_spam=False)  # spam waits in its folder
    today = clock.today()
    # Tasks reach their case by a join, not an IN over the office's case ids: the open-task
    # indexes (assignee, done, due) and (due) where open lead, and each task's case is checked.
    open_tasks = visible_through(Task.objects.filter(done_at__isnull=True), viewer).select_related(
        "case", "assignee"
    )
    counts = dict(cases.values_list("status").annotate(n=Count("id")).order_by())
    board = Dashboard(
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
    # Task titles are personal data: each case whose tasks the board shows gets a VIEW row.
    shown = {task.case_id: task.case for task in [*board.my_tasks, *board.due_this_week]}
    record_views(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        cases=shown.values(),
        detail={"screen": "dashboard"},
    )
    return board
