"""The bench's part of an import of earlier registrations: a referral the sheet says was made,
with its result if it has one. History, not work: the gate (ADR 0011) asked its questions back
then, so it is not asked again; nothing confidential exists for it (no reasons, talks, notes
or meetings). Written as the importing actor, audited and on the case's timeline like the
bench's other steps."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import SystemActor
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import events
from likeverd.cases.models import Case, CaseStatus
from likeverd.cases.services import record_past_status
from likeverd.cases.services.common import check_choice
from likeverd.mediation.models import BenchKind, BenchOutcome, BenchReferral, Stage
from likeverd.mediation.services.common import BENCH_EVENT


@transaction.atomic
def record_past_referral(
    *,
    actor: SystemActor,
    case: Case,
    referred_at: dt.datetime,
    kind: BenchKind,
    outcome: str = "",
) -> BenchReferral:
    """A referral of an imported case: with an `outcome` the bench is done (closed, its outcome
    counted on the day it was referred, which is all the sheet says); without one the case is
    still at the bench (status mediation, stage referred) and the mediators take it from there.

    Only for a case just opened by the same import (status new) and only as the system."""
    if not isinstance(actor, SystemActor):
        raise PermissionDenied(_("You do not have permission to do this."))
    if case.status != CaseStatus.NEW:
        raise ValidationError(
            _("Only a case just registered can be given its earlier status."), code="not_new"
        )
    check_choice(kind, BenchKind)
    if outcome:
        check_choice(outcome, BenchOutcome)
    office = case.office
    referral = BenchReferral.objects.create(
        case=case,
        office=office,
        kind=kind,
        stage=Stage.CLOSED if outcome else Stage.REFERRED,
        referred_at=referred_at,
        outcome=outcome,
        outcome_at=referred_at if outcome else None,
    )
    if not outcome:
        record_past_status(actor=actor, case=case, status=CaseStatus.MEDIATION)
    events.record_event(
        case=case,
        actor=actor,
        kind=BENCH_EVENT,
        data={"step": "imported", "referral": str(referral.public_id), "kind": kind, "outcome": outcome},
    )
    record_event(
        actor=actor,
        office=office,
        action=AuditAction.CREATE,
        target=referral,
        case=case,
        detail={"fields": ["kind", "stage", "outcome"], "imported": True},
    )
    return referral
