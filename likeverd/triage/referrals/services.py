"""Writes of referrals: suggest one, make it with the person's recorded consent and exactly what
was shared, and move it along its statuses. Each change is a timeline entry (who, when, from,
to) and an audit row, in one transaction (docs/adr/0012).

Likeverd sends nothing: "made" records that the adviser passed the shared text on.
"""

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events
from likeverd.cases.models import Case
from likeverd.cases.services.common import audit, require, touch
from likeverd.core import clock
from likeverd.directory.models import Service
from likeverd.triage.models import OtherProblem
from likeverd.triage.referrals.models import ConsentMethod, Referral, ReferralStatus, SharedField
from likeverd.triage.referrals.selectors import get_service, list_authorities, receiver_name

EVENT_KIND = "referral"

# Where a referral may go from each status. "made" only through make_referral (consent).
TRANSITIONS: dict[str, frozenset[str]] = {
    ReferralStatus.SUGGESTED: frozenset(
        {ReferralStatus.ADVISED, ReferralStatus.MADE, ReferralStatus.WITHDRAWN}
    ),
    ReferralStatus.ADVISED: frozenset({ReferralStatus.MADE, ReferralStatus.WITHDRAWN}),
    ReferralStatus.MADE: frozenset(
        {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.WITHDRAWN}
    ),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.COMPLETED, ReferralStatus.WITHDRAWN}),
    ReferralStatus.COMPLETED: frozenset(),
    ReferralStatus.DECLINED: frozenset(),
    ReferralStatus.WITHDRAWN: frozenset(),
}


@dataclass(frozen=True)
class Consent:
    """The person's consent to share: who gave it (the person, or who may give it for them),
    when, and how."""

    given_by: str
    given_at: dt.datetime
    method: str


def allowed_statuses(referral: Referral) -> list[ReferralStatus]:
    """The statuses change_referral_status may move it to (not "made": that needs consent)."""
    return [
        status
        for status in ReferralStatus
        if status in TRANSITIONS[referral.status] and status != ReferralStatus.MADE
    ]


def _timeline(viewer: Viewer, referral: Referral, before: str, after: str, note: str = "") -> None:
    # The receiver's name goes to the encrypted body: "the crisis centre" says something about
    # the person. The data holds codes and the referral's public id only.
    body = receiver_name(referral)
    if note:
        body = f"{body}\n{note}"
    events.record_event(
        case=referral.case,
        actor=StaffActor.of(viewer),
        kind=EVENT_KIND,
        data={"referral": str(referral.public_id), "from": before, "to": after},
        body=body,
    )


@transaction.atomic
def suggest_referral(
    *,
    viewer: Viewer,
    case: Case,
    service: Service | None = None,
    authority: str = "",
    need: str = "",
    note: str = "",
) -> Referral:
    """A referral the adviser proposes (status "suggested"): nothing is shared yet."""
    require(viewer, Permission.EDIT_CASE, case)
    office = case.office
    if (service is None) == (not authority):
        raise ValidationError(_("Choose a service or an authority."), code="receiver")
    if service is not None and get_service(office=office, public_id=str(service.public_id)) is None:
        raise ValidationError(_("That service cannot take referrals from this office."), code="receiver")
    if authority and authority not in {actor.code for actor in list_authorities(office=office)}:
        raise ValidationError(_("Unknown authority."), code="receiver")
    if need and need not in OtherProblem.values:
        raise ValidationError(_("Unknown problem."), code="need")
    referral = Referral.objects.create(
        case=case,
        service=service,
        authority=authority,
        need=need,
        note=note.strip(),
        created_by=viewer.user,
    )
    _timeline(viewer, referral, "", ReferralStatus.SUGGESTED, note.strip())
    audit(
        viewer,
        AuditAction.CREATE,
        referral,
        case,
        receiver=str(service.public_id) if service else authority,
        status=ReferralStatus.SUGGESTED.value,
    )
    touch(case)
    return referral


def _locked(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update(of=("self",))
        .select_related("case__office", "service__organization")
        .get(pk=referral.pk)
    )


@transaction.atomic
def make_referral(
    *,
    viewer: Viewer,
    referral: Referral,
    consent: Consent,
    shared_fields: Sequence[str],
    shared_text: str,
    note: str = "",
) -> Referral:
    """Record that the referral was made: the person's consent (required: who, when, how) and
    exactly what was shared (the fields ticked and the text passed on)."""
    require(viewer, Permission.EDIT_CASE, referral.case)
    referral = _locked(referral)
    if ReferralStatus.MADE not in TRANSITIONS[referral.status]:
        raise ValidationError(
            _("A referral that is %(status)s cannot be made."),
            params={"status": ReferralStatus(referral.status).label},
            code="invalid_transition",
        )
    if not consent.given_by.strip():
        raise ValidationError(_("Say who gave consent."), code="consent_given_by")
    if consent.method not in ConsentMethod.values:
        raise ValidationError(_("Say how consent was given."), code="consent_method")
    if consent.given_at > clock.now():
        raise ValidationError(_("Consent cannot be given in the future."), code="consent_given_at")
    if consent.given_at < referral.created_at - dt.timedelta(days=366):
        raise ValidationError(
            _("That consent is more than a year older than the referral."), code="consent_given_at"
        )
    unknown = sorted(set(shared_fields) - set(SharedField.values))
    if unknown:
        raise ValidationError(
            _("Unknown detail: %(codes)s."), params={"codes": ", ".join(unknown)}, code="shared"
        )
    if shared_fields and not shared_text.strip():
        raise ValidationError(_("Write down exactly what was shared."), code="shared_text")
    if shared_text.strip() and not shared_fields:
        raise ValidationError(_("Tick what the shared text contains."), code="shared")
    before = referral.status
    referral.consent_given_by = consent.given_by.strip()
    referral.consent_given_at = consent.given_at
    referral.consent_method = consent.method
    referral.consent_recorded_by = viewer.user
    referral.shared_fields = [code for code in SharedField.values if code in shared_fields]
    referral.shared_text = shared_text.strip()
    referral.status = ReferralStatus.MADE
    referral.updated_at = clock.now()
    referral.save()
    _timeline(viewer, referral, before, ReferralStatus.MADE, note.strip())
    audit(
        viewer,
        AuditAction.CHANGE,
        referral,
        referral.case,
        status=[before, ReferralStatus.MADE.value],
        consent_method=consent.method,
        shared=json.loads(json.dumps(referral.shared)),
    )
    touch(referral.case)
    return referral


@transaction.atomic
def change_referral_status(*, viewer: Viewer, referral: Referral, to_status: str, note: str = "") -> Referral:
    """Move the referral along (advised, accepted, completed, declined, withdrawn). A referral
    without consent can only be suggested, advised or withdrawn."""
    require(viewer, Permission.EDIT_CASE, referral.case)
    referral = _locked(referral)
    if to_status not in ReferralStatus.values:
        raise ValidationError(_("Unknown status."), code="invalid_transition")
    if to_status == ReferralStatus.MADE:
        raise ValidationError(
            _("Record the person's consent and what was shared to make the referral."), code="consent"
        )
    if to_status not in TRANSITIONS[referral.status]:
        raise ValidationError(
            _("A referral that is %(status)s cannot become %(to)s."),
            params={"status": ReferralStatus(referral.status).label, "to": ReferralStatus(to_status).label},
            code="invalid_transition",
        )
    before = referral.status
    referral.status = to_status
    referral.updated_at = clock.now()
    referral.save(update_fields=["status", "updated_at"])
    _timeline(viewer, referral, before, to_status, note.strip())
    audit(viewer, AuditAction.CHANGE, referral, referral.case, status=[before, to_status])
    touch(referral.case)
    return referral
