"""Outreach and finance rows for the statistics tests, saved through outreach's own service."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from likeverd.accounts.viewer import Viewer
from likeverd.outreach import services
from likeverd.outreach.models import (
    CourseSession,
    CourseTemplate,
    EventKind,
    Expense,
    Funder,
    Grant,
    OutreachEvent,
)


def template(viewer: Viewer, title: str, *, hours: int = 3, capacity: int = 25) -> CourseTemplate:
    """The office's course of that title (every office starts with the two standard ones), or a new one."""
    found = CourseTemplate.objects.filter(office=viewer.office, title=title).first()
    if found is not None:
        return found
    return services.save_record(
        viewer, CourseTemplate(), fields={"title": title, "hours": Decimal(hours), "capacity": capacity}
    )


def session(
    viewer: Viewer,
    course: CourseTemplate,
    day: dt.date,
    participants: int,
    host: str = "Fagforbundet",
    *,
    paid: bool = False,
) -> CourseSession:
    return services.save_record(
        viewer,
        CourseSession(),
        fields={
            "template": course,
            "date": day,
            "host_organisation": host,
            "participants": participants,
            "paid": paid,
        },
    )


def event(
    viewer: Viewer, day: dt.date, title: str, *, kind: str = EventKind.STAND, reached: int | None = None
) -> OutreachEvent:
    return services.save_record(
        viewer,
        OutreachEvent(),
        fields={"date": day, "kind": kind, "title": title, "audience_reached": reached},
    )


def funder(viewer: Viewer, name: str) -> Funder:
    return services.save_record(viewer, Funder(), fields={"name": name})


def grant(viewer: Viewer, giver: Funder, year: int, **amounts: object) -> Grant:
    fields: dict[str, object] = {"funder": giver, "year": year}
    fields.update(
        {name: Decimal(str(value)) if isinstance(value, int) else value for name, value in amounts.items()}
    )
    return services.save_record(viewer, Grant(), fields=fields)


def expense(viewer: Viewer, year: int, kind: str, amount: int) -> Expense:
    return services.save_record(
        viewer, Expense(), fields={"year": year, "kind": kind, "amount": Decimal(amount)}
    )
