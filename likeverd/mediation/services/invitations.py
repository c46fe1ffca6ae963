"""Calendar invitations for the bench's meetings, sent by e-mail through the background queue
(likeverd.core.calendar builds the files, likeverd.core.mail sends them).

A meeting keeps one UID for its whole life; every change sent raises its SEQUENCE: a new time
or place is another METHOD:REQUEST, a cancellation METHOD:CANCEL. Each invitee gets a message
of their own whose file names only them, so the parties never learn each other's addresses
from it. The summary names the bench, never a person or the case.
"""

import functools
import uuid

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.core import calendar, clock
from likeverd.core.mail import send_mail_task
from likeverd.mediation.models import BenchReferral, Meeting, PlaceKind
from likeverd.mediation.services.common import audit

UID_DOMAIN = "likeverd"


def uid_for(public_id: uuid.UUID) -> str:
    """The meeting's UID for its whole life, made from its public id."""
    return calendar.meeting_uid(public_id, domain=UID_DOMAIN)


def invitees_of(meeting: Meeting) -> list[str]:
    return [line.strip() for line in meeting.invitees.splitlines() if line.strip()]


def _location(meeting: Meeting) -> str:
    kind = str(PlaceKind(meeting.place_kind).label)
    return f"{meeting.place} ({kind})" if meeting.place else kind


def _as_calendar(meeting: Meeting, invitee: str) -> calendar.Meeting:
    office = meeting.referral.office
    return calendar.Meeting(
        uid=meeting.uid,
        sequence=meeting.sequence,
        start=meeting.starts_at,
        end=meeting.ends_at,
        time_zone=calendar.time_zone_for_country(office.jurisdiction),
        summary=_("Meeting at the mediation bench, %(office)s") % {"office": office.name},
        location=_location(meeting),
        organizer=calendar.Participant(email=settings.DEFAULT_FROM_EMAIL, name=office.name),
        attendees=(calendar.Participant(email=invitee),),
    )


def _enqueue(*, to: str, subject: str, body: str, ics: str) -> None:
    send_mail_task.enqueue(subject=subject, body=body, to=[to], calendar=ics)


def send(viewer: Viewer, meeting: Meeting, *, cancel: bool = False) -> int:
    """Queue one message per invitee once the transaction commits; returns how many."""
    recipients = invitees_of(meeting)
    for invitee in recipients:
        entry = _as_calendar(meeting, invitee)
        if cancel:
            ics = calendar.build_cancellation(entry)
            subject = _("Cancelled: meeting at the mediation bench")
            body = _(
                "The meeting at the mediation bench is cancelled. "
                "The attached file removes it from your calendar."
            )
        elif meeting.sequence == 0:
            ics = calendar.build_invitation(entry)
            subject = _("Invitation: meeting at the mediation bench")
            body = _(
                "You are invited to a meeting at the mediation bench. "
                "The attached file adds it to your calendar."
            )
        else:
            ics = calendar.build_invitation(entry)
            subject = _("Changed: meeting at the mediation bench")
            body = _(
                "The meeting at the mediation bench has a new time or place. "
                "The attached file updates your calendar."
            )
        transaction.on_commit(functools.partial(_enqueue, to=invitee, subject=subject, body=body, ics=ics))
    if recipients:
        audit(
            viewer,
            AuditAction.CHANGE,
            meeting,
            meeting.referral,
            invitations=len(recipients),
            method="CANCEL" if cancel else "REQUEST",
            sequence=meeting.sequence,
        )
    return len(recipients)


def cancel_upcoming_meetings(*, viewer: Viewer, referral: BenchReferral) -> int:
    """Cancel the referral's meetings still to come (the bench stopped), with their invitations."""
    count = 0
    for meeting in referral.meetings.filter(
        cancelled_at__isnull=True, held_at__isnull=True, starts_at__gte=clock.now()
    ):
        meeting.cancelled_at = clock.now()
        meeting.sequence += 1
        meeting.updated_at = meeting.cancelled_at
        meeting.save(update_fields=["cancelled_at", "sequence", "updated_at"])
        send(viewer, meeting, cancel=True)
        count += 1
    return count
