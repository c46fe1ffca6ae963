"""Reads of where a case's assessment stands: what the sorting conversation still lacks, the
ticked steps of the bureau checklist, the decision, and `assessment_state`, the one summary other
apps read (the mediation bench's gate: mediate only once the facts are established).
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.viewer import Viewer
from likeverd.cases.models import Case
from likeverd.cases.selectors import read_with_case
from likeverd.triage.models import (
    AssessmentDecision,
    AssessmentStep,
    BureauStep,
    DecisionAction,
    SortingRecord,
)

# What must be there before the conversation can be called complete. Other problems and the
# birth date may rightly stay empty; evidence may be a text or a listed piece of evidence.
REQUIRED_ANSWERS: dict[str, Promise] = {
    "what_happened": _("what happened"),
    "when": _("when it happened"),
    "where": _("where it happened"),
    "who_was_present": _("who was present"),
    "evidence": _("what evidence exists and who holds it"),
    "wants": _("what the person wants"),
}


def missing_answers(record: SortingRecord | None) -> list[str]:
    """The required answers not given yet (codes of REQUIRED_ANSWERS), in the form's order."""
    if record is None:
        return list(REQUIRED_ANSWERS)
    has_evidence = bool(record.evidence.strip()) or record.evidence_items.exists()
    return [
        name
        for name in REQUIRED_ANSWERS
        if not (has_evidence if name == "evidence" else getattr(record, name).strip())
    ]


@dataclass(frozen=True)
class DecisionSummary:
    """The decision as codes (DecisionAction values), for apps that gate on it; no reasons."""

    actions: tuple[str, ...]
    decided_at: dt.datetime

    def includes(self, action: str) -> bool:
        return action in self.actions


@dataclass(frozen=True)
class AssessmentState:
    """Where the case's assessment stands. `missing` lists what is not done yet, as codes:
    "sorting" (the conversation is not marked complete), "step:<BureauStep value>" for each
    unticked step, and "decision" when none is recorded. Empty means the facts are established."""

    sorting_complete: bool
    steps_done: frozenset[str]
    decision: DecisionSummary | None
    missing: list[str]

    @property
    def is_ready(self) -> bool:
        return not self.missing

    @property
    def mediation_decided(self) -> bool:
        return self.decision is not None and self.decision.includes(DecisionAction.MEDIATION)


def missing_label(code: str) -> str:
    """A missing item in words, in the active language."""
    if code == "sorting":
        return str(_("The sorting conversation is not complete."))
    if code == "decision":
        return str(_("No decision has been recorded."))
    step = code.removeprefix("step:")
    if step in BureauStep.values:
        return str(BureauStep(step).label)
    return code


def assessment_state(case: Case) -> AssessmentState:
    """The assessment of `case` in codes and dates only (no personal data, so not audited: the
    caller has read the case through its own audited selector). Three small queries."""
    completed = SortingRecord.objects.filter(case=case, completed_at__isnull=False).exists()
    return assessment_state_with(case, sorting_complete=completed)


def assessment_state_with(
    case: Case, *, sorting_complete: bool, viewer: Viewer | None = None
) -> AssessmentState:
    """assessment_state for a caller that has read the sorting record already (two queries; one
    when the decision was read with the case, as the case page does for `viewer`: panels.register)."""
    completed = sorting_complete
    # Unordered: the steps' own order would join the case table only to sort a set.
    done = frozenset(AssessmentStep.objects.filter(case=case).order_by().values_list("step", flat=True))
    stored: AssessmentDecision | None
    if viewer is not None and read_with_case(viewer, case, "assessment_decision"):
        stored = getattr(case, "assessment_decision", None)
    else:
        stored = AssessmentDecision.objects.filter(case=case).only("actions", "decided_at", "case").first()
    decision = (
        DecisionSummary(actions=tuple(stored.action_codes), decided_at=stored.decided_at)
        if stored is not None
        else None
    )
    missing = [] if completed else ["sorting"]
    missing += [f"step:{step}" for step in BureauStep.values if step not in done]
    if decision is None:
        missing.append("decision")
    return AssessmentState(sorting_complete=completed, steps_done=done, decision=decision, missing=missing)


def list_steps(*, case: Case) -> dict[str, AssessmentStep]:
    """The ticked steps of the case by step code, with who ticked them."""
    return {step.step: step for step in AssessmentStep.objects.filter(case=case).select_related("done_by")}


def get_decision(*, case: Case) -> AssessmentDecision | None:
    """The case's decision (its reasons decrypt on read: the caller audits the read)."""
    return AssessmentDecision.objects.filter(case=case).select_related("decided_by").first()


def export_assessment(*, case: Case) -> dict[str, object]:
    """The sorting conversation, its evidence, the ticked steps and the decision, decrypted, as
    plain data: for the case's full-record export (the caller checks the permission and audits)."""
    record = SortingRecord.objects.filter(case=case).first()
    decision = get_decision(case=case)
    return {
        "sorting_conversation": None
        if record is None
        else {
            "what_happened": record.what_happened,
            "when": record.when,
            "where": record.where,
            "who_was_present": record.who_was_present,
            "evidence": record.evidence,
            "wants": record.wants,
            "other_problems": record.problems,
            "other_problems_notes": record.other_problems_notes,
            "birth_date": record.birth_date,
            "completed_at": record.completed_at.isoformat() if record.completed_at else "",
            "evidence_items": [
                {
                    "item": piece.item,
                    "description": piece.description,
                    "held_by": piece.held_by,
                    "is_secured": piece.is_secured,
                }
                for piece in record.evidence_items.order_by("created_at", "id")
            ],
        },
        "checklist": [
            {
                "step": step.step,
                "done_at": step.done_at.isoformat(),
                "done_by": step.done_by.get_username() if step.done_by else "",
            }
            for step in list_steps(case=case).values()
        ],
        "decision": None
        if decision is None
        else {
            "actions": decision.action_codes,
            "reasons": decision.reasons,
            "decided_at": decision.decided_at.isoformat(),
            "decided_by": decision.decided_by.get_username() if decision.decided_by else "",
        },
    }
