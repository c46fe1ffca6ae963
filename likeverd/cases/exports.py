"""Exports of an office's cases: a spreadsheet-friendly CSV of the filtered list (no names and
no narratives: what an office needs to count and follow up), and a complete JSON record of one
case (for the person's right of access, or for moving a case). Both are office-scoped through
selectors and recorded in the audit log.
"""

import csv
import io
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import selectors
from likeverd.cases.models import Case
from likeverd.cases.selectors import CaseFilters

CSV_COLUMNS = [
    "number",
    "received_at",
    "channel",
    "status",
    "assigned_to",
    "reporting_category",
    "grounds",
    "areas",
    "forms",
    "tracks",
    "incident_date_from",
    "incident_date_to",
    "incident_date_precision",
    "incident_municipality",
    "place_kind",
    "residence_municipality",
    "wishes",
    "outcome",
    "closed_at",
]


def _codes(terms: Any) -> str:
    return ";".join(sorted(t.code for t in terms.all()))


def _row(case: Case) -> list[str]:
    return [
        case.number,
        case.received_at.isoformat(),
        case.channel,
        case.status,
        case.assigned_to.get_username() if case.assigned_to else "",
        case.reporting_category.code if case.reporting_category else "",
        _codes(case.grounds),
        _codes(case.areas),
        _codes(case.forms),
        _codes(case.tracks),
        case.incident_date_from.isoformat() if case.incident_date_from else "",
        case.incident_date_to.isoformat() if case.incident_date_to else "",
        case.incident_date_precision,
        case.incident_municipality,
        case.place_kind,
        case.residence_municipality,
        ";".join(case.wishes),
        case.outcome,
        case.closed_at.isoformat() if case.closed_at else "",
    ]


def export_cases_csv(*, viewer: Viewer, filters: CaseFilters) -> Iterator[str]:
    """Lines of CSV for the cases the viewer may see that match `filters`."""
    if not viewer.can(Permission.EXPORT_CASES):
        raise PermissionDenied(_("You do not have permission to do this."))
    cases = selectors.list_cases(viewer=viewer, filters=filters).prefetch_related("areas", "forms", "tracks")
    record_event(
        actor=viewer.user,
        office=viewer.office,
        action=AuditAction.EXPORT,
        detail={"format": "csv", "count": cases.count(), "filters": filters.used()},
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    for case in cases.iterator(chunk_size=500):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(_row(case))
        yield buffer.getvalue()


def export_case_record(*, viewer: Viewer, public_id: str) -> dict[str, Any]:
    """Everything stored about one case, decrypted, as plain data."""
    if not viewer.can(Permission.EXPORT_CASES):
        raise PermissionDenied(_("You do not have permission to do this."))
    case = selectors.get_case(viewer=viewer, public_id=public_id)
    record_event(
        actor=viewer.user,
        office=viewer.office,
        action=AuditAction.EXPORT,
        target=case,
        case=case,
        detail={"format": "json"},
    )
    return {
        **dict(zip(CSV_COLUMNS, _row(case), strict=True)),
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
                "author": e.author.get_username() if e.author else "",
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
    }
