"""The case's timeline entries, one typed function per kind.

Services call these inside their transaction; each writes one CaseEvent naming its actor (the
staff member's account as author, or a reporter's or system's label). `data` holds codes and
public ids only, never personal data; free text goes to the encrypted `body`.

Apps above `cases` add kinds through `likeverd.cases.registry.register_event_kind` and write
them with `record_event`, wrapped in a typed function of their own.
"""

import datetime as dt
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor
from likeverd.accounts.models import User
from likeverd.cases import registry
from likeverd.cases.models import Case, CaseEvent, Document, EventKind, PartyRole, Task
from likeverd.core import clock

type Codes = str | list[str]
type EventData = Mapping[str, str | bool | list[str] | Mapping[str, Codes]]

TIMELINE_ENTRY_KINDS = frozenset({EventKind.NOTE, EventKind.CALL, EventKind.MEETING, EventKind.EMAIL})


def record_event(
    *,
    case: Case,
    actor: Actor,
    kind: str,
    data: EventData | None = None,
    body: str = "",
    occurred_at: dt.datetime | None = None,
) -> CaseEvent:
    """One timeline entry of a registered kind (see registry); refuses kinds nobody registered."""
    if not registry.is_event_kind(kind):
        raise ValidationError(_("Unknown kind of entry."), code="unknown_event_kind")
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        author=actor.user,
        actor_kind=actor.kind,
        actor_label=actor.label[:150],
        body=body,
        data=dict(data or {}),
        occurred_at=occurred_at or clock.now(),
    )


def case_registered(*, case: Case, actor: Actor) -> CaseEvent:
    return record_event(case=case, actor=actor, kind=EventKind.CREATED, data={"channel": case.channel})


def entry_added(
    *, case: Case, actor: Actor, kind: EventKind, body: str, occurred_at: dt.datetime | None = None
) -> CaseEvent:
    """A note, call, meeting or e-mail written on the timeline."""
    if kind not in TIMELINE_ENTRY_KINDS:
        raise ValidationError(_("Unknown kind of entry."))
    return record_event(case=case, actor=actor, kind=kind, body=body, occurred_at=occurred_at)


def status_changed(
    *, case: Case, actor: Actor, before: str, after: str, outcome: str = "", note: str = ""
) -> CaseEvent:
    return record_event(
        case=case,
        actor=actor,
        kind=EventKind.STATUS,
        body=note,
        data={"from": before, "to": after, "outcome": outcome},
    )


def case_classified(
    *, case: Case, actor: Actor, before: Mapping[str, Codes], after: Mapping[str, Codes]
) -> CaseEvent:
    """`before` and `after`: term codes per part (grounds, areas, forms, tracks) and the
    reporting category's code."""
    return record_event(
        case=case, actor=actor, kind=EventKind.CLASSIFICATION, data={"before": before, "after": after}
    )


def case_assigned(*, case: Case, actor: Actor, assignee: User | None) -> CaseEvent:
    return record_event(
        case=case,
        actor=actor,
        kind=EventKind.ASSIGNMENT,
        data={"assignee": str(assignee.public_id) if assignee else ""},
    )


def task_added(*, case: Case, actor: Actor, task: Task) -> CaseEvent:
    return record_event(
        case=case,
        actor=actor,
        kind=EventKind.TASK,
        data={"task": str(task.public_id), "due": task.due_date.isoformat(), "done": False},
    )


def task_completed(*, case: Case, actor: Actor, task: Task) -> CaseEvent:
    return record_event(
        case=case, actor=actor, kind=EventKind.TASK, data={"task": str(task.public_id), "done": True}
    )


def document_uploaded(*, case: Case, actor: Actor, document: Document) -> CaseEvent:
    return record_event(
        case=case,
        actor=actor,
        kind=EventKind.DOCUMENT,
        data={"document": str(document.public_id), "kind": document.kind},
    )


def party_added(*, case: Case, actor: Actor, role: PartyRole) -> CaseEvent:
    return record_event(case=case, actor=actor, kind=EventKind.PARTY, data={"role": role})


def details_changed(*, case: Case, actor: Actor, fields: Sequence[str]) -> CaseEvent:
    return record_event(case=case, actor=actor, kind=EventKind.DETAILS, data={"fields": list(fields)})
