"""Writes of the sorting conversation: save half-way, resume, complete, and the evidence list.

Every write is atomic, checks that the viewer may edit the case of their own office, and records
an audit event naming the fields changed (never their contents).
"""

import datetime as dt
from dataclasses import dataclass, fields

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.models import Case
from likeverd.core import clock
from likeverd.triage.assessment_selectors import REQUIRED_ANSWERS, missing_answers
from likeverd.triage.checklists import load_checklists
from likeverd.triage.models import OtherProblem, SortingEvidence, SortingRecord


@dataclass(frozen=True)
class SortingAnswers:
    """What was said so far. None leaves a stored answer as it is, so a half-filled form saves
    only what it has; "" (or [] for other_problems) clears an answer. birth_date is YYYY-MM-DD."""

    what_happened: str | None = None
    when: str | None = None
    where: str | None = None
    who_was_present: str | None = None
    evidence: str | None = None
    wants: str | None = None
    other_problems: list[str] | None = None
    other_problems_notes: str | None = None
    birth_date: str | None = None


def _require_edit(viewer: Viewer, case: Case) -> None:
    if not viewer.can(Permission.EDIT_CASE) or case.office_id != viewer.office_id:
        raise PermissionDenied(_("You do not have permission to do this."))


def _audit(
    viewer: Viewer, action: AuditAction, target: SortingRecord | SortingEvidence, case: Case, **detail: object
) -> None:
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=action,
        target=target,
        case=case,
        detail=detail,
    )


def _clean_birth_date(value: str) -> str:
    if not value.strip():
        return ""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(_("Write the birth date as YYYY-MM-DD."), code="invalid_birth_date") from None
    if day > clock.today():
        raise ValidationError(_("The birth date cannot be in the future."), code="future_birth_date")
    return day.isoformat()


def _record_for_update(case: Case) -> tuple[SortingRecord, bool]:
    # get_or_create retries the read if two first saves race on the one-to-one key.
    return SortingRecord.objects.select_for_update().get_or_create(case=case)


@transaction.atomic
def save_sorting(*, viewer: Viewer, case: Case, answers: SortingAnswers) -> SortingRecord:
    """Save what the adviser has so far (any fields, in any order); creates the record on first save."""
    _require_edit(viewer, case)
    record, created = _record_for_update(case)
    changed: list[str] = []
    for field in fields(SortingAnswers):
        value = getattr(answers, field.name)
        if value is None:
            continue
        if field.name == "other_problems":
            unknown = sorted(set(value) - set(OtherProblem.values))
            if unknown:
                raise ValidationError(
                    _("Unknown problem: %(codes)s."),
                    code="unknown_problem",
                    params={"codes": ", ".join(unknown)},
                )
            before = record.problems
            record.problems = list(value)
            if record.problems != before:
                changed.append(field.name)
            continue
        if field.name == "birth_date":
            value = _clean_birth_date(value)
        if getattr(record, field.name) != value:
            setattr(record, field.name, value)
            changed.append(field.name)
    if not changed and not created:
        return record
    record.updated_by = viewer.user
    record.updated_at = clock.now()
    record.save()
    _audit(viewer, AuditAction.CREATE if created else AuditAction.CHANGE, record, case, fields=changed)
    return record


@transaction.atomic
def complete_sorting(*, viewer: Viewer, case: Case) -> SortingRecord:
    """Mark the conversation done; it can still be corrected afterwards with save_sorting.
    Refused (code "incomplete", naming what is missing) until every required answer is there."""
    _require_edit(viewer, case)
    record, created = _record_for_update(case)
    if record.completed_at is not None:
        return record
    missing = missing_answers(record)
    if missing:
        raise ValidationError(
            _("The conversation cannot be marked complete yet. Still missing: %(missing)s."),
            code="incomplete",
            params={"missing": ", ".join(str(REQUIRED_ANSWERS[name]) for name in missing)},
        )
    record.completed_at = clock.now()
    record.updated_by = viewer.user
    record.updated_at = record.completed_at
    record.save()
    _audit(
        viewer, AuditAction.CREATE if created else AuditAction.CHANGE, record, case, fields=["completed_at"]
    )
    return record


def _check_item(item: str) -> str:
    known = {i.code for checklist in load_checklists() for i in checklist.items}
    if item and item not in known:
        raise ValidationError(
            _("Unknown evidence item: %(item)s."), code="unknown_item", params={"item": item}
        )
    return item


@transaction.atomic
def add_evidence(
    *,
    viewer: Viewer,
    case: Case,
    description: str,
    held_by: str = "",
    item: str = "",
    is_secured: bool = False,
) -> SortingEvidence:
    """Note a piece of evidence and who holds it; `item` is an evidence-checklist code or ""."""
    _require_edit(viewer, case)
    if not description.strip() and not item:
        raise ValidationError(_("Say what the evidence is."), code="empty_evidence")
    record, created = _record_for_update(case)
    if created:
        _audit(viewer, AuditAction.CREATE, record, case, fields=[])
    evidence = SortingEvidence.objects.create(
        record=record,
        item=_check_item(item),
        description=description.strip(),
        held_by=held_by.strip(),
        is_secured=is_secured,
    )
    _audit(
        viewer, AuditAction.CREATE, evidence, case, fields=["item", "description", "held_by", "is_secured"]
    )
    return evidence


@transaction.atomic
def update_evidence(
    *,
    viewer: Viewer,
    evidence: SortingEvidence,
    description: str | None = None,
    held_by: str | None = None,
    is_secured: bool | None = None,
) -> SortingEvidence:
    case = evidence.record.case
    _require_edit(viewer, case)
    changed = []
    for name, value in (("description", description), ("held_by", held_by), ("is_secured", is_secured)):
        if value is not None and getattr(evidence, name) != value:
            setattr(evidence, name, value.strip() if isinstance(value, str) else value)
            changed.append(name)
    if changed:
        evidence.updated_at = clock.now()
        evidence.save()
        _audit(viewer, AuditAction.CHANGE, evidence, case, fields=changed)
    return evidence


@transaction.atomic
def remove_evidence(*, viewer: Viewer, evidence: SortingEvidence) -> None:
    record = evidence.record
    _require_edit(viewer, record.case)
    removed = str(evidence.public_id)
    evidence.delete()
    _audit(viewer, AuditAction.CHANGE, record, record.case, fields=["evidence_items"], removed=removed)
