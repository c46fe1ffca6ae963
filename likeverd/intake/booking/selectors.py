"""Reads for booking: the free slots an office offers the public, a person's booking by the token
of their link, and, for staff, the day's slots and bookings of their own office only.

Staff reads of bookings are audited (a booking holds a name and contact details); a probe of
another office's booking is a 404 with a DENIED row, as for cases.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core import signing
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.models import Case
from likeverd.core import clock
from likeverd.core.calendar import time_zone_for_country
from likeverd.intake.booking.models import Booking, BookingStatus, Slot

# A slot closer than this is no longer offered: the office needs a moment to see the booking.
LEAD_TIME = dt.timedelta(hours=1)
# How far ahead the public sees slots.
HORIZON = dt.timedelta(days=42)
# A report's confirmation page links to booking with this signed reference to its case.
REPORT_REFERENCE_SALT = "likeverd.intake.booking.report"
REPORT_REFERENCE_MAX_AGE = dt.timedelta(days=30)


def office_zone(office: Office) -> ZoneInfo:
    return ZoneInfo(time_zone_for_country(office.jurisdiction))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def free_slots(office: Office) -> QuerySet[Slot]:
    """The office's slots a person may book now: not withdrawn, not booked, soon enough and not too soon."""
    now = clock.now()
    return (
        Slot.objects.filter(
            office=office,
            is_withdrawn=False,
            starts_at__gte=now + LEAD_TIME,
            starts_at__lte=now + HORIZON,
        )
        .exclude(bookings__status=BookingStatus.BOOKED)
        .order_by("starts_at", "kind")
    )


def list_free_slots(office: Office, *, kind: str = "", limit: int = 200) -> list[Slot]:
    slots = free_slots(office)
    if kind:
        slots = slots.filter(kind=kind)
    return list(slots[:limit])


def get_free_slot(office: Office, public_id: str) -> Slot | None:
    try:
        return free_slots(office).filter(public_id=public_id).first()
    except ValueError:  # not a UUID
        return None


def get_slot_for_booking(office: Office, public_id: str) -> Slot | None:
    """The slot, free or not (to say that it was just taken), if the office still offers it."""
    try:
        return Slot.objects.filter(office=office, is_withdrawn=False, public_id=public_id).first()
    except ValueError:
        return None


def get_booking_by_token(token: str) -> Booking | None:
    """The booking whose link holds `token`; the token itself is the person's proof."""
    if not token or len(token) > 100:
        return None
    return Booking.objects.select_related("slot", "office").filter(token_hash=token_hash(token)).first()


def report_reference(case: Case) -> str:
    """A signed reference to `case` for the link from its report's confirmation page to booking:
    the booking is then filed on the case, and nobody can file one on a case they only guessed."""
    return signing.dumps(str(case.public_id), salt=REPORT_REFERENCE_SALT)


def case_for_reference(reference: str, *, office: Office) -> Case | None:
    if not reference:
        return None
    try:
        public_id = signing.loads(reference, salt=REPORT_REFERENCE_SALT, max_age=REPORT_REFERENCE_MAX_AGE)
    except signing.BadSignature:
        return None
    return Case.objects.filter(office=office, public_id=public_id).first()


@dataclass(frozen=True)
class DayRow:
    slot: Slot
    booking: Booking | None


def list_day_for_staff(viewer: Viewer, *, day: dt.date) -> list[DayRow]:
    """The viewer's office's slots on `day` (in the office's time zone) with their live bookings.
    Reading the bookings is audited as one list read (their number, no names)."""
    if viewer.office is None:
        return []
    zone = office_zone(viewer.office)
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    live = Booking.objects.filter(status=BookingStatus.BOOKED).select_related("case")
    slots = list(
        scope_to_office(Slot.objects.all(), viewer)
        .filter(starts_at__gte=start, starts_at__lt=end)
        .prefetch_related(Prefetch("bookings", queryset=live, to_attr="live_bookings"))
        .order_by("starts_at", "kind")
    )
    rows = [DayRow(slot=s, booking=next(iter(getattr(s, "live_bookings", [])), None)) for s in slots]
    booked = sum(1 for row in rows if row.booking is not None)
    if booked:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.LIST,
            detail={"list": "bookings_of_day", "day": day.isoformat(), "bookings": booked},
        )
    return rows


def get_booking_for_staff(viewer: Viewer, public_id: str) -> Booking:
    """One booking of the viewer's office, or 404; a probe of another office's booking leaves a
    DENIED row in the prober's office naming it by its public id only."""
    try:
        booking = (
            scope_to_office(Booking.objects.all(), viewer)
            .select_related("slot", "office", "case")
            .filter(public_id=public_id)
            .first()
        )
        found = booking or Booking.objects.filter(public_id=public_id).first()
    except ValueError:
        raise Http404 from None
    if booking is None:
        if found is not None:
            record_event(
                actor=StaffActor.of(viewer),
                office=viewer.office,
                action=AuditAction.DENIED,
                detail={
                    "reason": "another_office",
                    "target_type": "intake.Booking",
                    "target_id": str(found.public_id),
                },
            )
        raise Http404
    return booking


def get_slot_for_staff(viewer: Viewer, public_id: str) -> Slot:
    try:
        slot = scope_to_office(Slot.objects.all(), viewer).filter(public_id=public_id).first()
        found = slot or Slot.objects.filter(public_id=public_id).first()
    except ValueError:
        raise Http404 from None
    if slot is None:
        if found is not None:
            record_event(
                actor=StaffActor.of(viewer),
                office=viewer.office,
                action=AuditAction.DENIED,
                detail={
                    "reason": "another_office",
                    "target_type": "intake.Slot",
                    "target_id": str(found.public_id),
                },
            )
        raise Http404
    return slot


def list_bookings_for_case(viewer: Viewer, case: Case) -> list[Booking]:
    """The case's bookings, newest slot first (the caller has checked that the viewer may read the case)."""
    return list(
        scope_to_office(Booking.objects.all(), viewer)
        .filter(case=case)
        .select_related("slot")
        .order_by("-slot__starts_at")
    )
