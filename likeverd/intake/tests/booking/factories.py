"""Slots and bookings for tests, made through the real services where a service exists."""

import datetime as dt

from likeverd.accounts.models import Office
from likeverd.cases.models import Case
from likeverd.core import clock
from likeverd.intake.booking import services
from likeverd.intake.booking.models import Booking, Slot, SlotKind


def a_slot(
    office: Office,
    *,
    in_hours: float = 48,
    kind: str = SlotKind.CALL_BACK,
    minutes: int = 30,
    place: str = "",
) -> Slot:
    start = (clock.now() + dt.timedelta(hours=in_hours)).replace(second=0, microsecond=0)
    return Slot.objects.create(
        office=office,
        kind=kind,
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=minutes),
        place=place or ("Storgata 1, Oslo" if kind == SlotKind.MEETING else ""),
    )


def details(**changes: object) -> services.BookingDetails:
    values: dict[str, object] = {
        "name": "Amira",
        "phone": "+47 912 34 567",
        "email": "",
        "language": "ar",
        "needs_interpreter": True,
    }
    values.update(changes)
    return services.BookingDetails(**values)  # type: ignore[arg-type]


def book(slot: Slot, *, case: Case | None = None, **changes: object) -> services.Booked:
    return services.book_slot(
        office=slot.office,
        slot_public_id=str(slot.public_id),
        details=details(**changes),
        case=case,
        site_url="http://testserver/",
    )


def live_bookings(slot: Slot) -> list[Booking]:
    return list(slot.bookings.filter(status="booked"))
