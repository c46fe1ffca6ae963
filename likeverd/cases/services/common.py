"""What every case service shares: the permission check, the office, the timeline event, the
audit row and the case's "last changed" time."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from likeverd.accounts.models import Office
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.models import Case, CaseEvent, EventKind
from likeverd.core import clock
from likeverd.taxonomy.models import ReportingCategory


def require(viewer: Viewer, permission: Permission, case: Case | None = None) -> None:
    """Refuse unless the viewer holds `permission` (and `case`, if given, is of their office)."""
    if not viewer.can(permission) or (case is not None and case.office_id != viewer.office_id):
        raise PermissionDenied(_("You do not have permission to do this."))


def check_choice(value: str, choices: type[models.TextChoices], *, blank: bool = False) -> str:
    """`value` if it is one of `choices` (or empty, when `blank`), else a ValidationError: a
    service never stores a code its forms would not offer, whoever calls it."""
    if (blank and value == "") or value in choices.values:
        return str(value)
    raise ValidationError(_("Unknown choice: %(value)s"), params={"value": value}, code="invalid_choice")


def office_of(viewer: Viewer) -> Office:
    if viewer.office is None:
        raise PermissionDenied(_("You do not belong to an office."))
    return viewer.office


def add_event(
    case: Case,
    viewer: Viewer,
    kind: EventKind,
    *,
    body: str = "",
    data: dict[str, Any] | None = None,
    occurred_at: dt.datetime | None = None,
) -> CaseEvent:
    """One timeline entry, written by the viewer."""
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        author=viewer.user,
        body=body,
        data=data or {},
        occurred_at=occurred_at or clock.now(),
    )


def audit(viewer: Viewer, action: AuditAction, target: Any, case: Case, **detail: Any) -> None:
    record_event(
        actor=viewer.user, office=viewer.office, action=action, target=target, case=case, detail=detail
    )


def touch(case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(updated_at=clock.now())


def own_category(office: Office, category: ReportingCategory | None) -> ReportingCategory | None:
    if category is not None and category.office_id != office.pk:
        raise ValidationError(_("That category belongs to another office."))
    return category
