"""Writes of the bureau checklist and the decision: tick and untick a step, record a decision.

Every write is atomic, checks that the viewer may edit the case of their own office, and records
an audit event naming what changed (never the reasons' text). A decision is also a timeline entry
(kind "triage_decision", registered in TriageConfig.ready()).
"""

import datetime as dt
from collections.abc import Collection

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import events
from likeverd.cases.models import Case
from likeverd.core import clock
from likeverd.core.forms import long_text_validator
from likeverd.triage.models import AssessmentDecision, AssessmentStep, BureauStep, DecisionAction

DECISION_EVENT = "triage_decision"


def _require_edit(viewer: Viewer, case: Case) -> None:
    if not viewer.can(Permission.EDIT_CASE) or case.office_id != viewer.office_id:
        raise PermissionDenied(_("You do not have permission to do this."))


def _check_step(step: str) -> str:
    if step not in BureauStep.values:
        raise ValidationError(_("Unknown step: %(step)s."), code="unknown_step", params={"step": step})
    return step


@transaction.atomic
def tick_step(*, viewer: Viewer, case: Case, step: str) -> AssessmentStep:
    """Mark a step of the checklist done by the viewer, now; ticking a ticked step changes nothing."""
    _require_edit(viewer, case)
    _check_step(step)
    Case.objects.select_for_update().filter(pk=case.pk).first()
    found = AssessmentStep.objects.filter(case=case, step=step).first()
    if found is not None:
        return found
    ticked = AssessmentStep.objects.create(case=case, step=step, done_by=viewer.user, done_at=clock.now())
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.CREATE,
        target=ticked,
        case=case,
        detail={"step": step},
    )
    return ticked


@transaction.atomic
def untick_step(*, viewer: Viewer, case: Case, step: str) -> None:
    """Take a tick back (done too early, or by mistake); the audit log keeps who ticked it."""
    _require_edit(viewer, case)
    _check_step(step)
    found = AssessmentStep.objects.select_for_update().filter(case=case, step=step).first()
    if found is None:
        return
    detail: dict[str, object] = {"step": step, "ticked_at": found.done_at.isoformat()}
    found.delete()
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.CHANGE,
        target=case,
        case=case,
        detail={"unticked": detail},
    )


def _clean_actions(actions: Collection[str]) -> list[str]:
    unknown = sorted(set(actions) - set(DecisionAction.values))
    if unknown:
        raise ValidationError(
            _("Unknown decision: %(codes)s."), code="unknown_action", params={"codes": ", ".join(unknown)}
        )
    chosen = [code for code in DecisionAction.values if code in actions]
    if not chosen:
        raise ValidationError(_("Choose what the office will do."), code="no_action")
    if DecisionAction.ADVICE_ONLY in chosen and len(chosen) > 1:
        raise ValidationError(
            _("“Advice only” cannot be combined with another action."), code="advice_only_alone"
        )
    return chosen


def _clean_reasons(reasons: str) -> str:
    reasons = reasons.strip()
    if not reasons:
        raise ValidationError(_("Give the reasons for the decision."), code="no_reasons")
    long_text_validator()(reasons)
    return reasons


@transaction.atomic
def record_decision(
    *,
    viewer: Viewer,
    case: Case,
    actions: Collection[str],
    reasons: str,
    expected_updated_at: dt.datetime | None = None,
) -> AssessmentDecision:
    """Record (or replace) the case's decision with its reasons. `expected_updated_at` is the
    version of the decision the adviser saw (None: there was none); if someone decided in the
    meantime the write is refused with code "stale", so nobody overwrites a decision unseen."""
    _require_edit(viewer, case)
    chosen = _clean_actions(actions)
    reasons = _clean_reasons(reasons)
    Case.objects.select_for_update().filter(pk=case.pk).first()
    decision = AssessmentDecision.objects.filter(case=case).first()
    current = decision.updated_at if decision is not None else None
    if current != expected_updated_at:
        raise ValidationError(
            _("Someone else recorded a decision on this case since you opened the form."), code="stale"
        )
    now = clock.now()
    created = decision is None
    if decision is None:
        decision = AssessmentDecision(case=case)
    decision.actions = ",".join(chosen)
    decision.reasons = reasons
    decision.decided_by = viewer.user
    decision.decided_at = now
    decision.updated_at = now
    decision.save()
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        target=decision,
        case=case,
        detail={"actions": chosen},
    )
    events.record_event(
        case=case, actor=StaffActor.of(viewer), kind=DECISION_EVENT, data={"actions": chosen}, body=reasons
    )
    return decision
