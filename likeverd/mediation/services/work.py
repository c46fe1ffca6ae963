"""The bench's preparation: each party's consent and its withdrawal (which stops the bench),
the preparatory talks with each party, and the mediator's own notes."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases.services.common import check_choice
from likeverd.core import clock
from likeverd.mediation.models import (
    BenchOutcome,
    BenchReferral,
    Consent,
    ConsentManner,
    MediatorNote,
    PreparatoryTalk,
    Side,
    Stage,
)
from likeverd.mediation.services.common import (
    audit,
    locked,
    require,
    require_open,
    require_unchanged,
    timeline,
)
from likeverd.mediation.services.invitations import cancel_upcoming_meetings
from likeverd.mediation.services.referral import hand_back, move


def _check_day(day: dt.date, *, field: str) -> dt.date:
    if day > clock.today():
        raise ValidationError(_("The day cannot be in the future."), code=f"{field}_future")
    return day


def _start_preparing(referral: BenchReferral) -> None:
    if referral.stage == Stage.REFERRED:
        move(referral, Stage.PREPARING)
        referral.save(update_fields=["stage", "updated_at"])


@transaction.atomic
def record_consent(
    *, viewer: Viewer, referral: BenchReferral, side: str, given_on: dt.date, manner: str
) -> Consent:
    """A party consents to mediation: the day and how it was given."""
    require(viewer, Permission.MEDIATE, referral)
    referral = locked(referral)
    require_open(referral)
    check_choice(side, Side)
    check_choice(manner, ConsentManner)
    if referral.consents.filter(side=side, withdrawn_on__isnull=True).exists():
        raise ValidationError(_("This party's consent is recorded already."), code="consent_exists")
    consent = Consent.objects.create(
        referral=referral,
        side=side,
        given_on=_check_day(given_on, field="given_on"),
        manner=manner,
        recorded_by=viewer.user,
    )
    _start_preparing(referral)
    timeline(viewer, referral, "consent", side=side)
    audit(viewer, AuditAction.CREATE, consent, referral, fields=["side", "given_on", "manner"])
    return consent


@transaction.atomic
def withdraw_consent(
    *,
    viewer: Viewer,
    referral: BenchReferral,
    side: str,
    withdrawn_on: dt.date | None = None,
    seen_updated_at: dt.datetime | None = None,
) -> BenchReferral:
    """A party withdraws, at any stage: the bench stops. The outcome is "withdrawn", planned
    meetings are cancelled (their invitations too), and the case returns to the adviser.
    A mediator or the adviser records it (the person may tell either); `seen_updated_at` is the
    referral's version the adviser's form was opened on."""
    if viewer.can(Permission.MEDIATE):
        require(viewer, Permission.MEDIATE, referral)
    else:
        require(viewer, Permission.CLASSIFY_CASE, referral)
    referral = locked(referral)
    require_open(referral)
    require_unchanged(referral, seen_updated_at)
    check_choice(side, Side)
    day = _check_day(withdrawn_on or clock.today(), field="withdrawn_on")
    consent = referral.consents.filter(side=side, withdrawn_on__isnull=True).first()
    if consent is not None:
        consent.withdrawn_on = day
        consent.updated_at = clock.now()
        consent.save(update_fields=["withdrawn_on", "updated_at"])
        audit(viewer, AuditAction.CHANGE, consent, referral, fields=["withdrawn_on"])
    cancel_upcoming_meetings(viewer=viewer, referral=referral)
    referral.outcome = BenchOutcome.WITHDRAWN
    referral.outcome_at = clock.now()
    referral.follow_up_on = None
    timeline(viewer, referral, "withdrawn", side=side, outcome=BenchOutcome.WITHDRAWN)
    hand_back(viewer, referral)
    audit(viewer, AuditAction.CHANGE, referral, referral, fields=["outcome", "stage"], to=Stage.RETURNED)
    return referral


@transaction.atomic
def add_talk(
    *, viewer: Viewer, referral: BenchReferral, side: str, held_on: dt.date, note: str
) -> PreparatoryTalk:
    """A preparatory talk with one party; its note is read by mediators only."""
    require(viewer, Permission.MEDIATE, referral)
    referral = locked(referral)
    require_open(referral)
    check_choice(side, Side)
    talk = PreparatoryTalk.objects.create(
        referral=referral,
        side=side,
        held_on=_check_day(held_on, field="held_on"),
        note=note.strip(),
        recorded_by=viewer.user,
    )
    _start_preparing(referral)
    audit(viewer, AuditAction.CREATE, talk, referral, fields=["side", "held_on", "note"])
    return talk


@transaction.atomic
def add_note(*, viewer: Viewer, referral: BenchReferral, body: str) -> MediatorNote:
    """The mediator's own note on the case (mediators only read it)."""
    require(viewer, Permission.MEDIATE, referral)
    referral = locked(referral)
    require_open(referral)
    if not body.strip():
        raise ValidationError(_("Write the note."), code="required")
    note = MediatorNote.objects.create(referral=referral, body=body.strip(), author=viewer.user)
    audit(viewer, AuditAction.CREATE, note, referral, fields=["body"])
    return note


@transaction.atomic
def record_outcome(
    *, viewer: Viewer, referral: BenchReferral, outcome: str, follow_up_on: dt.date | None = None
) -> BenchReferral:
    """The bench's outcome. With a follow-up day (to check an agreement holds) the case waits at
    the follow-up stage; without one, the outcome stage, until it is handed back."""
    require(viewer, Permission.MEDIATE, referral)
    referral = locked(referral)
    require_open(referral)
    check_choice(outcome, BenchOutcome)
    if referral.stage in (Stage.OUTCOME, Stage.FOLLOW_UP):
        raise ValidationError(_("The outcome is recorded already."), code="outcome")
    if outcome == BenchOutcome.WITHDRAWN:
        raise ValidationError(_("Record a withdrawal as the party's withdrawal of consent."), code="outcome")
    if outcome == BenchOutcome.AGREEMENT and not referral.meetings.filter(held_at__isnull=False).exists():
        raise ValidationError(
            _("An agreement comes from a meeting: mark the meeting as held first."), code="outcome"
        )
    if follow_up_on is not None and follow_up_on <= clock.today():
        raise ValidationError(_("The follow-up day must be after today."), code="follow_up_on")
    cancel_upcoming_meetings(viewer=viewer, referral=referral)
    referral.outcome = outcome
    referral.outcome_at = clock.now()
    referral.follow_up_on = follow_up_on
    move(referral, Stage.FOLLOW_UP if follow_up_on else Stage.OUTCOME)
    referral.save()
    timeline(viewer, referral, "outcome", outcome=outcome)
    audit(viewer, AuditAction.CHANGE, referral, referral, fields=["outcome", "follow_up_on", "stage"])
    return referral


@transaction.atomic
def record_follow_up(*, viewer: Viewer, referral: BenchReferral, holds: bool) -> BenchReferral:
    """The follow-up was made: whether the agreement holds. The case then returns to the adviser."""
    require(viewer, Permission.MEDIATE, referral)
    referral = locked(referral)
    if referral.stage != Stage.FOLLOW_UP:
        raise ValidationError(_("There is no follow-up to record."), code="no_follow_up")
    referral.followed_up_at = clock.now()
    referral.agreement_holds = holds
    timeline(viewer, referral, "followed_up", holds="yes" if holds else "no")
    hand_back(viewer, referral)
    audit(
        viewer, AuditAction.CHANGE, referral, referral, fields=["followed_up_at", "agreement_holds", "stage"]
    )
    return referral
