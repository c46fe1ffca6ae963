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


@transaction.atomic
def save_record[M: models.Model](viewer: Viewer, instance: M, *, fields: dict[str, Any]) -> M:
    """Create (no primary key yet) or change one outreach or finance row of the viewer's office."""
    office = _office(viewer)
    creating = instance.pk is None
    if creating:
        instance.office = office  # type: ignore[attr-defined]
    elif instance.office_id != office.pk:  # type: ignore[attr-defined]
        raise PermissionDenied(_("You do not have permission to do this."))
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
