"""The export of an office's case list: a spreadsheet-friendly CSV of the filtered list (no
names and no narratives: what an office needs to count and follow up), office-scoped through
selectors and recorded in the audit log. The complete record of one case (right of access)
is likeverd.privacy.exports, built on the same columns (CSV_COLUMNS, case_row).
"""

import csv
import io
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
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


def case_row(case: Case) -> list[str]:
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
        actor=StaffActor.of(viewer),
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
        writer.writerow(case_row(case))
        yield buffer.getvalue()
