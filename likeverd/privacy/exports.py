"""The complete record of one case, decrypted, as plain data: for the person's right of access
(or for moving a case to another system). Office-scoped through the case selectors, and
recorded in the audit log as an export.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import selectors
from likeverd.cases.exports import CSV_COLUMNS, case_row
from likeverd.cases.models import Case
from likeverd.intake.models import WebReport
from likeverd.mediation.exports import export_bench
from likeverd.triage.assessment_selectors import export_assessment
from likeverd.triage.drafts import selectors as draft_selectors
from likeverd.triage.referrals import selectors as referral_selectors


def export_case_record(*, viewer: Viewer, public_id: str) -> dict[str, Any]:
    """Everything stored about one case, decrypted, as plain data."""
    if not viewer.can(Permission.EXPORT_CASES):
        raise PermissionDenied(_("You do not have permission to do this."))
    case = selectors.get_case(viewer=viewer, public_id=public_id)
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.EXPORT,
        target=case,
        case=case,
        detail={"format": "json"},
    )
    return {
        **dict(zip(CSV_COLUMNS, case_row(case), strict=True)),
        "narrative": case.narrative,
        "parties": [
            {
                "role": p.role,
                "counterpart_kind": p.counterpart_kind,
                "is_anonymous": p.is_anonymous,
                "name": p.name,
                "phone": p.phone,
                "email": p.email,
                "notes": p.notes,
                "safe_to_call": p.safe_to_call,
                "safe_voicemail": p.safe_voicemail,
                "safe_email": p.safe_email,
                "language": p.language,
                "needs_interpreter": p.needs_interpreter,
            }
            for p in selectors.list_parties(case=case)
        ],
        "timeline": [
            {
                "kind": e.kind,
                "occurred_at": e.occurred_at.isoformat(),
                "author": e.author.get_username() if e.author else e.actor_label,
                "text": e.body,
                "data": e.data,
            }
            for e in selectors.list_timeline(case=case)
        ],
        "tasks": [
            {
                "title": t.title,
                "due_date": t.due_date.isoformat(),
                "done_at": t.done_at.isoformat() if t.done_at else "",
                "assignee": t.assignee.get_username() if t.assignee else "",
            }
            for t in selectors.list_tasks(case=case)
        ],
        "documents": [
            {
                "filename": d.filename,
                "kind": d.kind,
                "content_type": d.content_type,
                "size": d.size,
                "uploaded_at": d.created_at.isoformat(),
            }
            for d in selectors.list_documents(case=case)
        ],
        # The sorting conversation, its checklist and the decision (likeverd.triage).
        **export_assessment(case=case),
        # To whom the person's data went, with their consent and what was shared (ADR 0012).
        "referrals": referral_selectors.export_referrals(case=case),
        "drafts": draft_selectors.export_drafts(case=case),
        # The mediation bench: its referrals, consents, talks, notes, meetings and agreement.
        "mediation": export_bench(case=case),
        "web_report": _web_report(case),
    }


def _web_report(case: Case) -> dict[str, Any] | None:
    """What the public form said beyond the case (None for a case from another channel)."""
    report = WebReport.objects.filter(case=case).first()
    if report is None:
        return None
    return {
        "reporter_kind": report.reporter_kind,
        "form_language": report.form_language,
        "best_time": str(report.best_time),
        "consent_given_at": report.consent_given_at.isoformat(),
        "consent_version": report.consent_version,
    }
