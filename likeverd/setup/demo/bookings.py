"""Demo booking: each office publishes three weeks of call-back and meeting times, and a few
people have booked some (one from a report on the public site, one in Arabic with an interpreter).
Made through the real services, so the audit log and the queued invitations are real."""

import datetime as dt

from likeverd.accounts.viewer import Viewer
from likeverd.cases.models import Case, Channel
from likeverd.core import clock
from likeverd.intake.booking import services
from likeverd.intake.booking.models import Slot, SlotKind
from likeverd.intake.booking.selectors import office_zone

# (name, phone, e-mail, language, needs an interpreter)
PEOPLE = {
    "NO": [
        ("Sara", "+47 900 11 222", "", "nb", False),
        ("Amal", "", "amal@example.org", "ar", True),
        ("Kasia", "+47 400 55 666", "", "pl", False),
    ],
    "SE": [
        ("Liban", "+46 70 111 22 33", "", "so", True),
        ("Elin", "", "elin@example.org", "sv", False),
        ("Noor", "+46 73 444 55 66", "", "ar", False),
    ],
}
DEMO_SITE = "http://127.0.0.1:8000/"


def build_bookings(*, adviser: Viewer, meeting_place: str) -> int:
    """Publish the office's times and book a few; returns the number of bookings made."""
    office = adviser.office
    if office is None:
        return 0
    today = clock.now().astimezone(office_zone(office)).date()
    first = today + dt.timedelta(days=1)
    last = first + dt.timedelta(days=20)
    services.add_slot_series(
        viewer=adviser,
        series=services.SlotSeries(
            kind=SlotKind.CALL_BACK,
            first_day=first,
            last_day=last,
            weekdays=frozenset({0, 1, 2, 3, 4}),
            start=dt.time(10),
            end=dt.time(12),
            length_minutes=30,
        ),
    )
    services.add_slot_series(
        viewer=adviser,
        series=services.SlotSeries(
            kind=SlotKind.MEETING,
            first_day=first,
            last_day=last,
            weekdays=frozenset({1, 3}),
            start=dt.time(13),
            end=dt.time(15),
            length_minutes=60,
            place=meeting_place,
        ),
    )
    calls = list(Slot.objects.filter(office=office, kind=SlotKind.CALL_BACK).order_by("starts_at"))
    meetings = list(Slot.objects.filter(office=office, kind=SlotKind.MEETING).order_by("starts_at"))
    slots = [calls[2], meetings[1], calls[11]]
    web_case = Case.objects.filter(office=office, channel=Channel.WEB).order_by("-received_at").first()
    made = 0
    for index, (person, slot) in enumerate(zip(PEOPLE[office.jurisdiction], slots, strict=False)):
        name, phone, email, language, interpreter = person
        services.book_slot(
            office=office,
            slot_public_id=str(slot.public_id),
            details=services.BookingDetails(
                name=name, phone=phone, email=email, language=language, needs_interpreter=interpreter
            ),
            case=web_case if index == 0 else None,
            site_url=DEMO_SITE,
        )
        made += 1
    return made
