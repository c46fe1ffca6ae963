"""The case's part of the mediation bench in the data-protection officer's full-record export
(likeverd/privacy/exports.py): read-only, like the selectors it sits beside."""

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser

from likeverd.cases.models import Case
from likeverd.mediation.models import BenchReferral


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _username(user: AbstractBaseUser | None) -> str:
    return user.get_username() if user is not None else ""


def export_bench(*, case: Case) -> list[dict[str, object]]:
    """The case's referrals to the mediation bench with all their parts, decrypted, as plain data:
    for the case's full-record export (the caller checks the permission and audits). The signed
    copy of an agreement is listed, not included, as the export lists the case's documents."""
    referrals = (
        BenchReferral.objects.filter(case=case)
        .select_related("referred_by", "mediator", "agreement")
        .prefetch_related("consents", "talks", "notes__author", "meetings")
        .order_by("referred_at", "id")
    )
    return [_export_referral(referral) for referral in referrals]


def _export_referral(referral: BenchReferral) -> dict[str, object]:
    agreement = getattr(referral, "agreement", None)
    return {
        "kind": referral.kind,
        "stage": referral.stage,
        "reasons": referral.reasons,
        "facts_waiver": referral.facts_waiver,
        "routes_told_on": _day(referral.routes_told_on),
        "referred_by": _username(referral.referred_by),
        "referred_at": referral.referred_at.isoformat(),
        "mediator": _username(referral.mediator),
        "counterpart_name": referral.counterpart_name,
        "counterpart_contact": referral.counterpart_contact,
        "counterpart_representative": referral.counterpart_representative,
        "interpreter_needs": referral.interpreter_needs,
        "outcome": referral.outcome,
        "outcome_at": referral.outcome_at.isoformat() if referral.outcome_at else "",
        "follow_up_on": _day(referral.follow_up_on),
        "followed_up_at": referral.followed_up_at.isoformat() if referral.followed_up_at else "",
        "agreement_holds": referral.agreement_holds,
        "returned_at": referral.returned_at.isoformat() if referral.returned_at else "",
        "consents": [
            {
                "side": consent.side,
                "given_on": consent.given_on.isoformat(),
                "manner": consent.manner,
                "withdrawn_on": _day(consent.withdrawn_on),
            }
            for consent in sorted(referral.consents.all(), key=lambda c: (c.given_on, c.pk))
        ],
        "preparatory_talks": [
            {"side": talk.side, "held_on": talk.held_on.isoformat(), "note": talk.note}
            for talk in sorted(referral.talks.all(), key=lambda t: (t.held_on, t.pk))
        ],
        "mediator_notes": [
            {
                "written_at": note.created_at.isoformat(),
                "author": _username(note.author),
                "text": note.body,
            }
            for note in sorted(referral.notes.all(), key=lambda n: (n.created_at, n.pk))
        ],
        "meetings": [
            {
                "starts_at": meeting.starts_at.isoformat(),
                "ends_at": meeting.ends_at.isoformat(),
                "place_kind": meeting.place_kind,
                "place": meeting.place,
                "premises_of": meeting.premises_of,
                "other_party_agreed_on": _day(meeting.other_party_agreed_on),
                "neutrality_note": meeting.neutrality_note,
                "participants": meeting.participants,
                "interpreter": meeting.interpreter,
                "invitees": meeting.invitees,
                "held_at": meeting.held_at.isoformat() if meeting.held_at else "",
                "cancelled_at": meeting.cancelled_at.isoformat() if meeting.cancelled_at else "",
            }
            for meeting in sorted(referral.meetings.all(), key=lambda m: (m.starts_at, m.pk))
        ],
        "agreement": None
        if agreement is None
        else {
            "text": agreement.text,
            "signed_copy_uploaded_at": agreement.signed_uploaded_at.isoformat()
            if agreement.signed_uploaded_at
            else "",
            "signed_copy_content_type": agreement.signed_content_type,
        },
    }
