"""Sending a case to the bench (past the gate), assigning its mediator, the counterpart's
details, handing the case back to the adviser, and closing the whole case (advisers only)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.models import Membership, User
from likeverd.accounts.roles import Permission, Role
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases.models import Case, CaseStatus, Outcome
from likeverd.cases.services import change_case_status
from likeverd.cases.services.common import check_choice
from likeverd.core import clock
from likeverd.mediation import selectors
from likeverd.mediation.models import BenchKind, BenchOutcome, BenchReferral, Stage
from likeverd.mediation.services.common import (
    audit,
    locked,
    require,
    require_open,
    require_unchanged,
    timeline,
)


class GateClosedError(ValidationError):
    """The case may not go to the bench yet; `missing` lists why, in order."""

    def __init__(self, missing: list[selectors.Missing]) -> None:
        self.missing = missing
        super().__init__([ValidationError(item.message, code=item.code) for item in missing])


def _check_mediator(viewer: Viewer, mediator: User | None) -> User | None:
    if mediator is None:
        return None
    is_mediator = Membership.objects.filter(
        user=mediator, office=viewer.office, role=Role.MEDIATOR, is_active=True, user__is_active=True
    ).exists()
    if not is_mediator:
        raise ValidationError(_("Choose a mediator of this office."), code="mediator")
    return mediator


@transaction.atomic
def refer_to_bench(
    *,
    viewer: Viewer,
    case: Case,
    kind: str,
    reasons: str,
    routes_told_on: dt.date | None,
    facts_waiver: str = "",
    mediator: User | None = None,
) -> BenchReferral:
    """Send `case` to the mediation bench with the adviser's reasons. Refused, with every missing
    fact listed (GateClosedError), until the gate opens (selectors.bench_gate, ADR 0011)."""
    require(viewer, Permission.CLASSIFY_CASE, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    missing = selectors.bench_gate(
        case=case, kind=kind, facts_waiver=facts_waiver, routes_told_on=routes_told_on
    )
    if not reasons.strip():
        missing.insert(
            0, selectors.Missing("reasons", _("Give your reasons for sending the case to the bench."))
        )
    if missing:
        raise GateClosedError(missing)
    referral = BenchReferral.objects.create(
        case=case,
        office_id=case.office_id,
        kind=BenchKind(kind),
        reasons=reasons.strip(),
        facts_waiver=facts_waiver.strip(),
        routes_told_on=routes_told_on,
        referred_by=viewer.user,
        referred_at=clock.now(),
        mediator=_check_mediator(viewer, mediator),
    )
    change_case_status(viewer=viewer, case=case, to_status=CaseStatus.MEDIATION, via_bench=True)
    timeline(viewer, referral, "referred", kind=referral.kind)
    audit(
        viewer,
        AuditAction.CREATE,
        referral,
        referral,
        fields=["kind", "reasons", "routes_told_on", "mediator"]
        + (["facts_waiver"] if facts_waiver.strip() else []),
    )
    return referral


@transaction.atomic
def assign_mediator(
    *,
    viewer: Viewer,
    referral: BenchReferral,
    mediator: User | None,
    seen_updated_at: dt.datetime | None = None,
) -> BenchReferral:
    """An adviser chooses or changes the mediator; a mediator may take an unassigned case
    themself. `seen_updated_at`: the referral's version the adviser's form was opened on."""
    taking = mediator == viewer.user and viewer.can(Permission.MEDIATE)
    require(viewer, Permission.MEDIATE if taking else Permission.CLASSIFY_CASE, referral)
    referral = locked(referral)
    require_open(referral)
    require_unchanged(referral, seen_updated_at)
    referral.mediator = _check_mediator(viewer, mediator)
    referral.updated_at = clock.now()
    referral.save(update_fields=["mediator", "updated_at"])
    audit(viewer, AuditAction.CHANGE, referral, referral, fields=["mediator"])
    return referral


@transaction.atomic
def update_counterpart(
    *,
    viewer: Viewer,
    referral: BenchReferral,
    name: str,
    contact: str,
    representative: str,
    interpreter_needs: str,
) -> BenchReferral:
    """The counterpart's name, contact details and representative, and interpreter needs."""
    require(viewer, Permission.MEDIATE, referral)
    referral = locked(referral)
    require_open(referral)
    changed = []
    for field, value in (
        ("counterpart_name", name),
        ("counterpart_contact", contact),
        ("counterpart_representative", representative),
        ("interpreter_needs", interpreter_needs),
    ):
        if getattr(referral, field) != value.strip():
            setattr(referral, field, value.strip())
            changed.append(field)
    if changed:
        referral.updated_at = clock.now()
        referral.save()
        audit(viewer, AuditAction.CHANGE, referral, referral, fields=changed)
    return referral


def move(referral: BenchReferral, stage: Stage) -> None:
    referral.stage = stage
    referral.updated_at = clock.now()


def hand_back(viewer: Viewer, referral: BenchReferral) -> None:
    """The case returns to the adviser: the bench is done and the case goes back to assistance."""
    move(referral, Stage.RETURNED)
    referral.returned_at = clock.now()
    referral.save()
    case = Case.objects.select_for_update().get(pk=referral.case_id)
    if case.status == CaseStatus.MEDIATION:
        change_case_status(viewer=viewer, case=case, to_status=CaseStatus.ASSISTANCE)
    timeline(viewer, referral, "returned", outcome=referral.outcome)


@transaction.atomic
def return_to_adviser(*, viewer: Viewer, referral: BenchReferral) -> BenchReferral:
    """After the outcome (and the follow-up, if any): the case goes back to its adviser."""
    require(viewer, Permission.MEDIATE, referral)
    referral = locked(referral)
    if referral.stage not in (Stage.OUTCOME, Stage.FOLLOW_UP):
        raise ValidationError(
            _("Record the bench's outcome before handing the case back."), code="no_outcome"
        )
    hand_back(viewer, referral)
    audit(viewer, AuditAction.CHANGE, referral, referral, fields=["stage"], to=Stage.RETURNED)
    return referral


# The case's outcome when an adviser closes it after the bench.
CASE_OUTCOMES = {
    BenchOutcome.AGREEMENT: Outcome.MEDIATED,
    BenchOutcome.RESOLVED_IN_PREPARATION: Outcome.RESOLVED,
    BenchOutcome.WITHDRAWN: Outcome.WITHDRAWN,
}


@transaction.atomic
def close_after_bench(*, viewer: Viewer, referral: BenchReferral, outcome: str = "") -> BenchReferral:
    """An adviser closes the whole case once the bench has handed it back (only advisers close
    cases: accounts.roles, CLOSE_CASE). `outcome` is the case's; by default it follows the bench's."""
    require(viewer, Permission.CLOSE_CASE, referral)
    referral = locked(referral)
    if referral.stage != Stage.RETURNED:
        raise ValidationError(_("The bench has not handed the case back yet."), code="not_returned")
    if outcome:
        chosen = check_choice(outcome, Outcome)
    else:
        chosen = (
            CASE_OUTCOMES.get(BenchOutcome(referral.outcome), Outcome.OTHER)
            if referral.outcome
            else Outcome.OTHER
        )
    case = Case.objects.select_for_update().get(pk=referral.case_id)
    change_case_status(viewer=viewer, case=case, to_status=CaseStatus.CLOSED, outcome=chosen)
    move(referral, Stage.CLOSED)
    referral.save()
    timeline(viewer, referral, "closed", outcome=referral.outcome)
    audit(viewer, AuditAction.CHANGE, referral, referral, fields=["stage"], to=Stage.CLOSED)
    return referral
