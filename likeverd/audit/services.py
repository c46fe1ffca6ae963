"""The one function that records audit events.

Services call it inside their own transaction, so an event is stored if and only if the
change it describes is; reads (views, downloads, exports, searches) record it directly.
"""

from typing import Any

from django.db import models

from likeverd.audit.actors import AuditedActor, AuditedOffice
from likeverd.audit.models import AuditAction, AuditEvent


def record_event(
    *,
    actor: AuditedActor,
    office: AuditedOffice | None,
    action: AuditAction,
    target: models.Model | None = None,
    case: models.Model | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record that `actor` did `action` to `target` (a model with `public_id`) in `office`.

    The actor's kind and label are stored with the row, so the log names a reporter's form or
    a system job as well as a staff member (`likeverd.accounts.actors`)."""
    target_type = target._meta.label if target is not None else ""
    target_id = str(getattr(target, "public_id", "")) if target is not None else ""
    case_id = str(getattr(case, "public_id", "")) if case is not None else ""
    if not case_id and target is not None and target._meta.label == "cases.Case":
        case_id = target_id
    user = actor.user
    return AuditEvent.objects.create(
        actor_id=user.pk if user is not None else None,
        actor_label=actor.label[:150],
        actor_kind=actor.kind,
        office_id=office.pk if office is not None else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        case_id=case_id,
        detail=detail or {},
    )
