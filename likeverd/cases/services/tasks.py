"""A case's tasks: adding one and marking it done."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Membership, User
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events, search
from likeverd.cases.models import Case, Task
from likeverd.cases.services.common import audit, require, touch
from likeverd.core import clock


@transaction.atomic
def add_task(
    *, viewer: Viewer, case: Case, title: str, due_date: dt.date, assignee: User | None = None
) -> Task:
    require(viewer, Permission.EDIT_CASE, case)
    if not title.strip():
        raise ValidationError(_("Write what needs to be done."), code="required")
    if (
        assignee is not None
        and not Membership.objects.filter(user=assignee, office_id=case.office_id, is_active=True).exists()
    ):
        raise ValidationError(_("Tasks can only be given to people of this office."))
    task = Task.objects.create(
        case=case,
        title=title.strip(),
        due_date=due_date,
        assignee=assignee or viewer.user,
        created_by=viewer.user,
    )
    events.task_added(case=case, actor=StaffActor.of(viewer), task=task)
    audit(viewer, AuditAction.CREATE, task, case)
    search.index_text(case, task.title)
    touch(case)
    return task


@transaction.atomic
def complete_task(*, viewer: Viewer, task: Task) -> Task:
    require(viewer, Permission.EDIT_CASE, task.case)
    if task.done_at is None:
        task.done_at = clock.now()
        task.updated_at = task.done_at
        task.save(update_fields=["done_at", "updated_at"])
        events.task_completed(case=task.case, actor=StaffActor.of(viewer), task=task)
        audit(viewer, AuditAction.CHANGE, task, task.case, fields=["done_at"])
    return task
