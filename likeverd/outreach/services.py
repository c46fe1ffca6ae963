"""Writes of outreach and finances: each checks the permission, stays in the viewer's office,
is atomic and leaves its audit row (ids and field names only, never content)."""

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.dates import IncidentDate
from likeverd.cases.models import Case, Channel, DatePrecision
from likeverd.cases.services import CaseDetails, open_case
from likeverd.core import clock
from likeverd.outreach.models import CourseSession, CourseTemplate, Patrol

M = TypeVar("M", bound=models.Model)

# Seeded in every office, editable there: "How to recognise discrimination" (six hours, up to 25)
# and "Hate crime" (three hours, up to 20), titled in the office's language (its own words, data).
DEFAULT_COURSES: dict[str, tuple[tuple[str, Decimal, int], ...]] = {
    "NO": (("Hvordan gjenkjenne diskriminering", Decimal(6), 25), ("Hatkriminalitet", Decimal(3), 20)),
    "SE": (("Att känna igen diskriminering", Decimal(6), 25), ("Hatbrott", Decimal(3), 20)),
}


def _office(viewer: Viewer) -> Office:
    if viewer.office is None or not viewer.can(Permission.MANAGE_OUTREACH):
        raise PermissionDenied(_("You do not have permission to do this."))
    return viewer.office


def check_capacity(template: CourseTemplate, participants: int) -> None:
    if participants > template.capacity:
        raise ValidationError(
            _("“%(course)s” takes at most %(capacity)s participants; %(participants)s is too many.")
            % {"course": template.title, "capacity": template.capacity, "participants": participants},
            code="capacity",
        )


def _require_unchanged(instance: models.Model, seen_updated_at: dt.datetime | None) -> None:
    """Refuse a form opened on an older version of the row (the row locked until the write
    ends): someone saved it since, and the last save must not silently win."""
    if seen_updated_at is None:
        return
    saved = type(instance)._default_manager.select_for_update().filter(pk=instance.pk)
    if saved.values_list("updated_at", flat=True).first() != seen_updated_at:
        raise ValidationError(
            _("Someone changed or deleted this row since you opened the form. Open it again."),
            code="stale",
        )


@transaction.atomic
def save_record[M: models.Model](
    viewer: Viewer, instance: M, *, fields: dict[str, Any], seen_updated_at: dt.datetime | None = None
) -> M:
    """Create (no primary key yet) or change one outreach or finance row of the viewer's office;
    a change from a form carries the row's `updated_at` when the form was opened."""
    office = _office(viewer)
    creating = instance.pk is None
    if creating:
        instance.office = office  # type: ignore[attr-defined]
    elif instance.office_id != office.pk:  # type: ignore[attr-defined]
        raise PermissionDenied(_("You do not have permission to do this."))
    else:
        _require_unchanged(instance, seen_updated_at)
    for name, value in fields.items():
        setattr(instance, name, value)
    for name in fields:
        related = getattr(instance, name, None)
        if isinstance(related, models.Model) and getattr(related, "office_id", office.pk) != office.pk:
            raise PermissionDenied(_("You do not have permission to do this."))
    if isinstance(instance, CourseSession):
        check_capacity(instance.template, instance.participants)
    instance.updated_at = clock.now()  # type: ignore[attr-defined]
    instance.full_clean(exclude=["office"])
    instance.save()
    record_event(
        actor=StaffActor.of(viewer),
        office=office,
        action=AuditAction.CREATE if creating else AuditAction.CHANGE,
        target=instance,
        detail={"fields": sorted(fields)},
    )
    return instance


@transaction.atomic
def delete_record(
    viewer: Viewer, instance: models.Model, *, seen_updated_at: dt.datetime | None = None
) -> None:
    """Delete one outreach or finance row of the viewer's office. A row others rest on is
    refused: a course offered that has sessions, a funder with grants, a patrol whose witnessed
    cases were registered. A course session's participants leave the figures with it."""
    office = _office(viewer)
    if instance.office_id != office.pk:  # type: ignore[attr-defined]
        raise PermissionDenied(_("You do not have permission to do this."))
    _require_unchanged(instance, seen_updated_at)
    if isinstance(instance, Patrol) and instance.cases.exists():
        raise ValidationError(
            _("Cases were registered from this patrol; it stays, so that they keep where they came from."),
            code="in_use",
        )
    # The audit row first: if the delete is refused below, the whole transaction (row too) rolls back.
    record_event(actor=StaffActor.of(viewer), office=office, action=AuditAction.DELETE, target=instance)
    try:
        with transaction.atomic():
            instance.delete()
    except models.ProtectedError:
        raise ValidationError(
            _("Other rows rest on this one (sessions of a course, grants of a funder): it stays."),
            code="in_use",
        ) from None


@transaction.atomic
def seed_course_templates(office: Office) -> list[CourseTemplate]:
    """The two standard courses in `office`, unless it already has them (setup and demo)."""
    return [
        CourseTemplate.objects.get_or_create(
            office=office, title=title, defaults={"hours": hours, "capacity": cap}
        )[0]
        for title, hours, cap in DEFAULT_COURSES.get(office.jurisdiction, DEFAULT_COURSES["NO"])
    ]


@transaction.atomic
def register_witnessed_case(viewer: Viewer, patrol: Patrol, *, narrative: str, place: str = "") -> Case:
    """What a patrol witnessed, as a case of the office with channel "volunteer patrol", linked to it."""
    office = _office(viewer)
    if patrol.office_id != office.pk:
        raise PermissionDenied(_("You do not have permission to do this."))
    received = dt.datetime.combine(patrol.date, dt.time(12), tzinfo=dt.UTC)
    case = open_case(
        actor=StaffActor.of(viewer),
        office=office,
        details=CaseDetails(
            channel=Channel.PATROL,
            narrative=narrative,
            incident_date=IncidentDate(patrol.date, patrol.date, DatePrecision.DAY, patrol.date.isoformat()),
            incident_municipality=place,
            received_at=min(received, clock.now()),
        ),
    )
    patrol.cases.add(case)
    record_event(
        actor=StaffActor.of(viewer),
        office=office,
        action=AuditAction.CHANGE,
        target=patrol,
        case=case,
        detail={"witnessed_case": str(case.public_id)},
    )
    return case
