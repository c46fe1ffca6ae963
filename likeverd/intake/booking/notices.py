"""The e-mails of a booking, each with its iCalendar file: to the person in their language (with
the link to cancel) and to the office's address in the office's language (no name, no contact
details: the staff screen shows those). Called from `transaction.on_commit`; the worker sends.
"""

from email.utils import parseaddr
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from likeverd.core.calendar import (
    Meeting,
    Participant,
    build_cancellation,
    build_invitation,
    meeting_uid,
    time_zone_for_country,
)
from likeverd.core.mail import send_mail_task
from likeverd.intake.booking.models import Booking, SlotKind

UID_DOMAIN = "booking.likeverd"


def _office_language(booking: Booking) -> str:
    return "sv" if booking.office.jurisdiction == "SE" else "nb"


def _sender() -> Participant:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return Participant(email=address or "likeverd@localhost", name=name or "Likeverd")


def _office_participant(booking: Booking) -> Participant:
    return Participant(email=booking.office.email or _sender().email, name=booking.office.name)


def _when(booking: Booking) -> str:
    zone = time_zone_for_country(booking.office.jurisdiction)
    with timezone.override(zone):
        start = timezone.localtime(booking.slot.starts_at)
        end = timezone.localtime(booking.slot.ends_at)
        return f"{formats.date_format(start, 'l j. F Y')}, {start:%H:%M}–{end:%H:%M}"


def manage_url(booking_token: str, *, language: str, site_url: str) -> str:
    with translation.override(language):
        return urljoin(site_url, reverse("intake:booking", args=[booking_token]))


def _meeting(
    booking: Booking, *, summary: str, description: str, organizer: Participant, attendee: Participant
) -> Meeting:
    return Meeting(
        uid=meeting_uid(booking.public_id, domain=UID_DOMAIN),
        sequence=booking.sequence,
        start=booking.slot.starts_at,
        end=booking.slot.ends_at,
        time_zone=time_zone_for_country(booking.office.jurisdiction),
        summary=summary,
        location=booking.slot.place,
        organizer=organizer,
        attendees=(attendee,),
        description=description,
    )


def _person_summary(booking: Booking) -> str:
    if booking.slot.kind == SlotKind.CALL_BACK:
        return _("%(office)s calls you") % {"office": booking.office.name}
    return _("Meeting at %(office)s") % {"office": booking.office.name}


def _office_summary(booking: Booking) -> str:
    # Staff calendars may be shared or synchronised elsewhere: no name, no contact details.
    if booking.slot.kind == SlotKind.CALL_BACK:
        return _("Booked call-back (Likeverd)")
    return _("Booked meeting (Likeverd)")


def _day_url(booking: Booking, *, site_url: str) -> str:
    zone = time_zone_for_country(booking.office.jurisdiction)
    with timezone.override(zone):
        day = timezone.localtime(booking.slot.starts_at).date()
    return urljoin(site_url, reverse("booking_staff:day")) + f"?day={day.isoformat()}"


def send_booked(booking: Booking, *, token: str, site_url: str) -> None:
    """Invitations (METHOD:REQUEST) to the person, if they gave an e-mail address, and to the office."""
    if booking.email:
        with translation.override(booking.language):
            link = manage_url(token, language=booking.language, site_url=site_url)
            when = _when(booking)
            body = _(
                "Your booking with %(office)s is confirmed: %(when)s.\n\n"
                "The invitation for your calendar is attached.\n\n"
                "To see or cancel your booking: %(link)s"
            ) % {"office": booking.office.name, "when": when, "link": link}
            meeting = _meeting(
                booking,
                summary=_person_summary(booking),
                description=_("To see or cancel your booking: %(link)s") % {"link": link},
                organizer=_office_participant(booking),
                attendee=Participant(email=booking.email, name=booking.name),
            )
            send_mail_task.enqueue(
                subject=_("Your booking with %(office)s") % {"office": booking.office.name},
                body=body,
                to=[booking.email],
                calendar=build_invitation(meeting),
            )
    if booking.office.email:
        with translation.override(_office_language(booking)):
            day = _day_url(booking, site_url=site_url)
            meeting = _meeting(
                booking,
                summary=_office_summary(booking),
                description=_("The day's bookings: %(link)s") % {"link": day},
                organizer=_sender(),
                attendee=_office_participant(booking),
            )
            send_mail_task.enqueue(
                subject=_("New booking: %(when)s") % {"when": _when(booking)},
                body=_("A booking was made through the public site. Who and how to reach them: %(link)s")
                % {"link": day},
                to=[booking.office.email],
                calendar=build_invitation(meeting),
            )


def send_cancelled(booking: Booking, *, site_url: str) -> None:
    """Cancellations (METHOD:CANCEL, the same UID, a higher SEQUENCE) to both."""
    if booking.email:
        with translation.override(booking.language):
            meeting = _meeting(
                booking,
                summary=_person_summary(booking),
                description="",
                organizer=_office_participant(booking),
                attendee=Participant(email=booking.email, name=booking.name),
            )
            send_mail_task.enqueue(
                subject=_("Your booking with %(office)s is cancelled") % {"office": booking.office.name},
                body=_(
                    "Your booking with %(office)s on %(when)s is cancelled.\n\n"
                    "You are welcome to book another time on the office's page."
                )
                % {"office": booking.office.name, "when": _when(booking)},
                to=[booking.email],
                calendar=build_cancellation(meeting),
            )
    if booking.office.email:
        with translation.override(_office_language(booking)):
            day = _day_url(booking, site_url=site_url)
            meeting = _meeting(
                booking,
                summary=_office_summary(booking),
                description=_("The day's bookings: %(link)s") % {"link": day},
                organizer=_sender(),
                attendee=_office_participant(booking),
            )
            send_mail_task.enqueue(
                subject=_("Booking cancelled: %(when)s") % {"when": _when(booking)},
                body=_("A booking was cancelled. The day's bookings: %(link)s") % {"link": day},
                to=[booking.office.email],
                calendar=build_cancellation(meeting),
            )
