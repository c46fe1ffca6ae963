"""Writing to a case's timeline: notes, calls, meetings and e-mails."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events, search
from likeverd.cases.events import TIMELINE_ENTRY_KINDS
from likeverd.cases.models import Case, CaseEvent, EventKind
from likeverd.cases.services.common import audit, require, touch
from likeverd.core import clock


@transaction.atomic
def add_timeline_entry(
    *, viewer: Viewer, case: Case, kind: EventKind, body: str, occurred_at: dt.datetime | None = None
) -> CaseEvent:
    require(viewer, Permission.EDIT_CASE, case)
    if kind not in TIMELINE_ENTRY_KINDS:
        raise ValidationError(_("Unknown kind of entry."))
    if not body.strip():
        raise ValidationError(_("Write something first."), code="required")
    if occurred_at is not None and occurred_at > clock.now() + dt.timedelta(minutes=5):
        raise ValidationError(_("The time cannot be in the future."))
    event = events.entry_added(
        case=case, actor=StaffActor.of(viewer), kind=kind, body=body.strip(), occurred_at=occurred_at
    )
    audit(viewer, AuditAction.CREATE, event, case, kind=kind)
    search.index_text(case, event.body)
    touch(case)
    return event
