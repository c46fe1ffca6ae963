"""Writes for booking: staff publish series of slots and withdraw free ones; a person books a slot
and may cancel it through their link; staff cancel a booking of their own office.

Every write is atomic with its audit row. The database decides who gets a slot (the partial
unique index of models.Booking); the loser gets `SlotTakenError`. Invitations and cancellations
(iCalendar, likeverd.core.calendar) are scheduled for the worker once the transaction has committed.
"""

import datetime as dt
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import ReporterActor, StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.models import Case
from likeverd.core import clock
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.intake.booking import notices
from likeverd.intake.booking.models import Booking, BookingStatus, CancelledBy, Slot, SlotKind
from likeverd.intake.booking.selectors import (
    LEAD_TIME,
    get_booking_by_token,
    office_zone,
    token_hash,
)

BOOKING_PERMISSION = Permission.REGISTER_CASE
MAX_SERIES_DAYS = 92
MAX_SERIES_SLOTS = 400
MIN_LENGTH_MINUTES = 10
MAX_LENGTH_MINUTES = 240
MAX_NAME_LENGTH = 100
MAX_CONTACT_LENGTH = 254
PUBLIC_FORM = "the booking form"


class SlotTakenError(Exception):
    """Someone else booked the slot first (or the office withdrew it)."""


class BookingNotLiveError(Exception):
    """The booking was cancelled already."""


@dataclass(frozen=True)
class SlotSeries:
    kind: str
    first_day: dt.date
    last_day: dt.date
    weekdays: frozenset[int]  # 0 = Monday
    start: dt.time  # the first slot of each day starts then
    end: dt.time  # the last slot of each day ends by then
    length_minutes: int
    place: str = ""


def check_series(series: SlotSeries) -> None:
    errors: dict[str, str] = {}
    if series.kind not in SlotKind.values:
        errors["kind"] = _("Choose call-back or meeting.")
    if series.last_day < series.first_day:
        errors["last_day"] = _("The last day comes before the first.")
    elif (series.last_day - series.first_day).days >= MAX_SERIES_DAYS:
        errors["last_day"] = _("A series covers at most %(days)d days.") % {"days": MAX_SERIES_DAYS}
    if not series.weekdays or not series.weekdays <= set(range(7)):
        errors["weekdays"] = _("Choose at least one weekday.")
    if not MIN_LENGTH_MINUTES <= series.length_minutes <= MAX_LENGTH_MINUTES:
        errors["length_minutes"] = _("A slot lasts from %(min)d to %(max)d minutes.") % {
            "min": MIN_LENGTH_MINUTES,
            "max": MAX_LENGTH_MINUTES,
        }
    if series.end <= series.start:
        errors["end"] = _("The day's last slot must end after the first begins.")
    if series.kind == SlotKind.MEETING and not series.place.strip():
        errors["place"] = _("A meeting needs a place.")
    if errors:
        raise ValidationError(errors)


def slot_times(series: SlotSeries, *, zone: dt.tzinfo) -> list[tuple[dt.datetime, dt.datetime]]:
    """Every (start, end) of the series, in wall-clock time of `zone`: on each chosen weekday from
    the first to the last day, back to back from `start` while a slot still ends by `end`."""
    length = dt.timedelta(minutes=series.length_minutes)
    times = []
    day = series.first_day
    while day <= series.last_day:
        if day.weekday() in series.weekdays:
            begin = dt.datetime.combine(day, series.start)
            finish = dt.datetime.combine(day, series.end)
            while begin + length <= finish:
                times.append((begin.replace(tzinfo=zone), (begin + length).replace(tzinfo=zone)))
                begin += length
        day += dt.timedelta(days=1)
    return times


@dataclass(frozen=True)
class SeriesResult:
    created: int
    skipped: int  # already there, or in the past


@transaction.atomic
def add_slot_series(*, viewer: Viewer, series: SlotSeries) -> SeriesResult:
    """Publish the series' slots for the viewer's office; slots it already has, or that have begun,
    are skipped, so sending the same series twice adds nothing."""
    office = _staff_office(viewer)
    check_series(series)
    times = slot_times(series, zone=office_zone(office))
    if len(times) > MAX_SERIES_SLOTS:
        raise ValidationError(
            _("That makes %(count)d slots; at most %(max)d at a time.")
            % {"count": len(times), "max": MAX_SERIES_SLOTS}
        )
    now = clock.now()
    existing = set(
        Slot.objects.filter(
            office=office, kind=series.kind, starts_at__in=[start for start, _ in times]
        ).values_list("starts_at", flat=True)
    )
    new = [
        Slot(
            office=office,
            kind=series.kind,
            starts_at=start,
            ends_at=end,
            place=series.place.strip(),
            created_by=viewer.user,
        )
        for start, end in times
        if start > now and start not in existing
    ]
    Slot.objects.bulk_create(new, ignore_conflicts=True)
    if new:
        record_event(
            actor=StaffActor.of(viewer),
            office=office,
            action=AuditAction.CREATE,
            detail={
                "slots": len(new),
                "kind": series.kind,
                "first_day": series.first_day.isoformat(),
                "last_day": series.last_day.isoformat(),
            },
        )
    return SeriesResult(created=len(new), skipped=len(times) - len(new))


@transaction.atomic
def withdraw_slot(*, viewer: Viewer, slot: Slot) -> Slot:
    """Take a free slot off the public page (a booked one is cancelled first, so the person is told).
    `slot` comes from `selectors.get_slot_for_staff`, which refuses other offices' slots."""
    office = _staff_office(viewer)
    if slot.office_id != office.pk:
        raise PermissionDenied("a slot of another office")
    slot = Slot.objects.select_for_update().get(pk=slot.pk)
    if slot.bookings.filter(status=BookingStatus.BOOKED).exists():
        raise ValidationError(_("This slot is booked: cancel the booking first, so the person is told."))
    if not slot.is_withdrawn:
        slot.is_withdrawn = True
        slot.updated_at = clock.now()
        slot.save(update_fields=["is_withdrawn", "updated_at"])
        record_event(
            actor=StaffActor.of(viewer),
            office=office,
            action=AuditAction.RETIRE,
            target=slot,
            detail={"kind": slot.kind},
        )
    return slot


@dataclass(frozen=True)
class BookingDetails:
    name: str
    phone: str
    email: str
    language: str
    needs_interpreter: bool


def check_details(details: BookingDetails) -> None:
    errors: dict[str, str] = {}
    if not details.name.strip():
        errors["name"] = _("Write a name or a nickname, so we know whom to ask for.")
    elif len(details.name) > MAX_NAME_LENGTH:
        errors["name"] = _("Write a shorter name.")
    if not details.phone.strip() and not details.email.strip():
        errors["phone"] = _("Give a phone number or an e-mail address, so we can reach you.")
    if len(details.phone) > 40 or len(details.email) > MAX_CONTACT_LENGTH:
        errors["phone"] = _("That is too long for a phone number or an e-mail address.")
    if details.language not in PUBLIC_LANGUAGES:
        errors["language"] = _("Choose a language from the list.")
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class Booked:
    booking: Booking
    token: str  # for the person's link; shown once, never stored


def book_slot(
    *, office: Office, slot_public_id: str, details: BookingDetails, case: Case | None, site_url: str
) -> Booked:
    """Book the slot for the person; `SlotTakenError` if someone was first or it is no longer offered.

    The person and (where it has an e-mail address) the office get an invitation after commit.
    """
    check_details(details)
    if case is not None and case.office_id != office.pk:
        raise PermissionDenied("a case of another office")
    token = secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            slot = (
                Slot.objects.filter(office=office, is_withdrawn=False, public_id=slot_public_id)
                .select_for_update()
                .first()
            )
            if slot is None or slot.starts_at < clock.now() + LEAD_TIME:
                raise SlotTakenError
            booking = Booking.objects.create(
                office=office,
                slot=slot,
                case=case,
                name=details.name.strip(),
                phone=details.phone.strip(),
                email=details.email.strip(),
                language=details.language,
                needs_interpreter=details.needs_interpreter,
                token_hash=token_hash(token),
            )
            record_event(
                actor=ReporterActor(PUBLIC_FORM, office),
                office=office,
                action=AuditAction.CREATE,
                target=booking,
                case=case,
                detail={"kind": slot.kind, "with_report": case is not None},
            )
            transaction.on_commit(lambda: notices.send_booked(booking, token=token, site_url=site_url))
    except IntegrityError:
        # The partial unique index: another booking of this slot committed first.
        raise SlotTakenError from None
    return Booked(booking=booking, token=token)


def _cancel(booking: Booking, *, by: CancelledBy) -> Booking:
    locked = Booking.objects.select_for_update().select_related("slot", "office").get(pk=booking.pk)
    if not locked.is_live:
        raise BookingNotLiveError
    locked.status = BookingStatus.CANCELLED
    locked.cancelled_at = clock.now()
    locked.cancelled_by = by
    locked.sequence += 1
    locked.updated_at = clock.now()
    locked.save(update_fields=["status", "cancelled_at", "cancelled_by", "sequence", "updated_at"])
    return locked


@transaction.atomic
def cancel_booking_by_person(*, token: str, site_url: str) -> Booking:
    """The person cancels through their link; the slot is free again and both are told."""
    found = get_booking_by_token(token)
    if found is None:
        raise BookingNotLiveError
    booking = _cancel(found, by=CancelledBy.PERSON)
    record_event(
        actor=ReporterActor(PUBLIC_FORM, booking.office),
        office=booking.office,
        action=AuditAction.CHANGE,
        target=booking,
        case=booking.case,
        detail={"status": BookingStatus.CANCELLED.value, "by": CancelledBy.PERSON.value},
    )
    transaction.on_commit(lambda: notices.send_cancelled(booking, site_url=site_url))
    return booking


@transaction.atomic
def cancel_booking_by_staff(*, viewer: Viewer, booking: Booking, site_url: str) -> Booking:
    """Staff cancel a booking of their office (`selectors.get_booking_for_staff` found it)."""
    office = _staff_office(viewer)
    if booking.office_id != office.pk:
        raise PermissionDenied("a booking of another office")
    booking = _cancel(booking, by=CancelledBy.STAFF)
    record_event(
        actor=StaffActor.of(viewer),
        office=office,
        action=AuditAction.CHANGE,
        target=booking,
        case=booking.case,
        detail={"status": BookingStatus.CANCELLED.value, "by": CancelledBy.STAFF.value},
    )
    transaction.on_commit(lambda: notices.send_cancelled(booking, site_url=site_url))
    return booking


def _staff_office(viewer: Viewer) -> Office:
    if viewer.office is None or not viewer.can(BOOKING_PERMISSION):
        raise PermissionDenied("only staff who take in cases manage bookings")
    return viewer.office
