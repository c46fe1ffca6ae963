"""The bench's meetings: planned only once both parties consent, at the office, a neutral place,
or one party's premises (only with the other party's recorded agreement and a note on why it
is neutral enough); rescheduled, cancelled and marked held, each change sent as invitations."""

import datetime as dt
import uuid
from dataclasses import dataclass, fields

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases.services.common import check_choice
from likeverd.core import clock
from likeverd.mediation import selectors
from likeverd.mediation.models import BenchReferral, Meeting, PlaceKind, Side, Stage
from likeverd.mediation.services import invitations
from likeverd.mediation.services.common import audit, locked, require, require_open, timeline
from likeverd.mediation.services.referral import move

LONGEST_MEETING = dt.timedelta(hours=12)


@dataclass(frozen=True)
class MeetingPlan:
    starts_at: dt.datetime
    ends_at: dt.datetime
    place_kind: str
    place: str = ""
    premises_of: str = ""
    other_party_agreed_on: dt.date | None = None
    neutrality_note: str = ""
    participants: str = ""
    interpreter: str = ""
    invitees: str = ""  # e-mail addresses, one per line

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The meeting's columns a plan sets (each field is named as the column)."""
        return tuple(field.name for field in fields(cls))


def _clean(plan: MeetingPlan) -> MeetingPlan:
    errors: list[ValidationError] = []
    check_choice(plan.place_kind, PlaceKind)
    if plan.ends_at <= plan.starts_at:
        errors.append(ValidationError(_("The meeting must end after it starts."), code="ends_at"))
    elif plan.ends_at - plan.starts_at > LONGEST_MEETING:
        errors.append(ValidationError(_("A meeting lasts at most 12 hours."), code="ends_at"))
    if plan.starts_at < clock.now():
        errors.append(ValidationError(_("The meeting cannot start in the past."), code="starts_at"))
    if plan.place_kind == PlaceKind.PARTY_PREMISES:
        if plan.premises_of not in Side.values:
            errors.append(ValidationError(_("Say whose premises the meeting is at."), code="premises_of"))
        if plan.other_party_agreed_on is None:
            errors.append(
                ValidationError(
                    _(
                        "A meeting at one party's premises needs the other party's agreement: "
                        "record the day it was given."
                    ),
                    code="other_party_agreed_on",
                )
            )
        elif plan.other_party_agreed_on > clock.today():
            errors.append(
                ValidationError(_("The day cannot be in the future."), code="other_party_agreed_on")
            )
        if not plan.neutrality_note.strip():
            errors.append(
                ValidationError(
                    _("Note why the meeting stays neutral at one party's premises."), code="neutrality_note"
                )
            )
    addresses = [line.strip() for line in plan.invitees.splitlines() if line.strip()]
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError:
            errors.append(
                ValidationError(
                    _("Not an e-mail address: %(address)s"), params={"address": address}, code="invitees"
                )
            )
    if errors:
        raise ValidationError(errors)
    is_premises = plan.place_kind == PlaceKind.PARTY_PREMISES
    return MeetingPlan(
        starts_at=plan.starts_at,
        ends_at=plan.ends_at,
        place_kind=plan.place_kind,
        place=plan.place.strip(),
        premises_of=plan.premises_of if is_premises else "",
        other_party_agreed_on=plan.other_party_agreed_on if is_premises else None,
        neutrality_note=plan.neutrality_note.strip() if is_premises else "",
        participants=plan.participants.strip(),
        interpreter=plan.interpreter.strip(),
        invitees="\n".join(dict.fromkeys(addresses)),
    )


def _apply(meeting: Meeting, plan: MeetingPlan) -> list[str]:
    changed = []
    for field in MeetingPlan.field_names():
        value = getattr(plan, field)
        if getattr(meeting, field) != value:
            setattr(meeting, field, value)
            changed.append(field)
    return changed


@transaction.atomic
def schedule_meeting(*, viewer: Viewer, referral: BenchReferral, plan: MeetingPlan) -> Meeting:
    """Plan a meeting and send the invitations (METHOD:REQUEST, SEQUENCE 0)."""
    require(viewer, Permission.MEDIATE, referral)
    referral = locked(referral)
    require_open(referral)
    if referral.stage not in (Stage.REFERRED, Stage.PREPARING, Stage.MEETING):
        raise ValidationError(_("The outcome is recorded; no more meetings."), code="stage")
    if not selectors.has_both_consents(referral):
        raise ValidationError(_("Both parties must consent before a meeting is planned."), code="consent")
    plan = _clean(plan)
    public_id = uuid.uuid4()
    meeting = Meeting(
        public_id=public_id,
        referral=referral,
        uid=invitations.uid_for(public_id),
    )
    _apply(meeting, plan)
    meeting.save()
    if referral.stage != Stage.MEETING:
        move(referral, Stage.MEETING)
        referral.save(update_fields=["stage", "updated_at"])
    timeline(viewer, referral, "meeting_planned", place=meeting.place_kind)
    audit(viewer, AuditAction.CREATE, meeting, referral, fields=sorted(f for f in plan.__dataclass_fields__))
    invitations.send(viewer, meeting)
    return meeting


def _locked(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update()
        .select_related("referral", "referral__case", "referral__office")
        .get(pk=meeting.pk)
    )


@transaction.atomic
def reschedule_meeting(*, viewer: Viewer, meeting: Meeting, plan: MeetingPlan) -> Meeting:
    """A new time, place or list of invitees: the same UID, a higher SEQUENCE. Someone taken
    off the list gets a cancellation; the rest the updated invitation."""
    require(viewer, Permission.MEDIATE, meeting.referral)
    meeting = _locked(meeting)
    require_open(meeting.referral)
    if meeting.cancelled_at is not None or meeting.held_at is not None:
        raise ValidationError(_("This meeting is cancelled or over; plan a new one."), code="stage")
    plan = _clean(plan)
    before = set(invitations.invitees_of(meeting))
    changed = _apply(meeting, plan)
    if not changed:
        return meeting
    meeting.sequence += 1
    meeting.updated_at = clock.now()
    meeting.save()
    audit(viewer, AuditAction.CHANGE, meeting, meeting.referral, fields=changed)
    dropped = before - set(invitations.invitees_of(meeting))
    if dropped:
        kept = meeting.invitees
        meeting.invitees = "\n".join(sorted(dropped))
        invitations.send(viewer, meeting, cancel=True)
        meeting.invitees = kept
    invitations.send(viewer, meeting)
    return meeting


@transaction.atomic
def cancel_meeting(*, viewer: Viewer, meeting: Meeting) -> Meeting:
    """Cancel the meeting: METHOD:CANCEL to everyone invited, with a higher SEQUENCE."""
    require(viewer, Permission.MEDIATE, meeting.referral)
    meeting = _locked(meeting)
    if meeting.cancelled_at is not None:
        return meeting
    if meeting.held_at is not None:
        raise ValidationError(_("This meeting has been held."), code="stage")
    meeting.cancelled_at = clock.now()
    meeting.sequence += 1
    meeting.updated_at = meeting.cancelled_at
    meeting.save(update_fields=["cancelled_at", "sequence", "updated_at"])
    timeline(viewer, meeting.referral, "meeting_cancelled")
    audit(viewer, AuditAction.CHANGE, meeting, meeting.referral, fields=["cancelled_at"])
    invitations.send(viewer, meeting, cancel=True)
    return meeting


@transaction.atomic
def mark_meeting_held(*, viewer: Viewer, meeting: Meeting) -> Meeting:
    """The meeting took place (not before it started)."""
    require(viewer, Permission.MEDIATE, meeting.referral)
    meeting = _locked(meeting)
    require_open(meeting.referral)
    if meeting.cancelled_at is not None:
        raise ValidationError(_("This meeting was cancelled."), code="stage")
    if meeting.starts_at > clock.now():
        raise ValidationError(_("The meeting has not started yet."), code="stage")
    if meeting.held_at is None:
        meeting.held_at = clock.now()
        meeting.updated_at = meeting.held_at
        meeting.save(update_fields=["held_at", "updated_at"])
        timeline(viewer, meeting.referral, "meeting_held")
        audit(viewer, AuditAction.CHANGE, meeting, meeting.referral, fields=["held_at"])
    return meeting
