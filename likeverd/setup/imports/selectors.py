"""The import screen's reads: the person's waiting file (office and person scoped, probes of
others' files audited as denied), the office's imports, an imported case's sheet number, and the
dry run of a waiting file (`planning.plan_import`, re-exported here)."""

import base64
import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import Http404

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.core import clock
from likeverd.setup.imports import vocabulary as vocabularies
from likeverd.setup.imports.mapping import mapping_from_json
from likeverd.setup.imports.models import ImportedCase, ImportRun, PendingUpload
from likeverd.setup.imports.planning import Plan, PlannedRow, Problem, Unrecognised, plan_import
from likeverd.setup.imports.reading import Sheet, read_sheet
from likeverd.setup.imports.vocabulary import Vocabulary

__all__ = ["Plan", "PlannedRow", "Problem", "Unrecognised", "plan_import"]

# How long an uploaded file waits for its import: older, it is gone for the screen at once, and
# `likeverd housekeeping` deletes it (services.delete_expired_uploads).
PENDING_HOURS = 12


def expired_before() -> dt.datetime:
    """Uploads created before this instant have expired."""
    return clock.now() - dt.timedelta(hours=PENDING_HOURS)


# --- the screen's reads ---------------------------------------------------------------------------


def may_import(viewer: Viewer) -> bool:
    return viewer.office is not None and viewer.can(Permission.IMPORT_CASES)


def get_upload(*, viewer: Viewer, public_id: str) -> PendingUpload:
    """The viewer's own waiting file in their office, or 404. A probe of another person's or
    another office's file leaves a DENIED audit row."""
    if not may_import(viewer):
        raise Http404
    try:
        upload = PendingUpload.objects.get(public_id=public_id, office=viewer.office, uploaded_by=viewer.user)
    except (ValueError, ValidationError, PendingUpload.DoesNotExist):
        pass
    else:
        if upload.created_at < expired_before():
            raise Http404  # the person's own file, expired: gone, whether or not swept yet
        return upload
    found = PendingUpload.objects.filter(public_id=public_id).values_list("office_id", flat=True).first()
    if found is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.DENIED,
            detail={
                "reason": "another_office" if found != viewer.office_id else "not_permitted",
                "target_type": PendingUpload._meta.label,
                "target_id": public_id,
            },
        )
    raise Http404


def get_run(*, viewer: Viewer, public_id: str) -> ImportRun:
    """An import of the viewer's office, or 404 (another office's leaves a DENIED row)."""
    if not may_import(viewer):
        raise Http404
    try:
        return ImportRun.objects.get(public_id=public_id, office=viewer.office)
    except (ValueError, ValidationError, ImportRun.DoesNotExist):
        pass
    found = ImportRun.objects.filter(public_id=public_id).values_list("office_id", flat=True).first()
    if found is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.DENIED,
            detail={"reason": "another_office", "target_type": ImportRun._meta.label, "target_id": public_id},
        )
    raise Http404


def recent_runs(*, viewer: Viewer, limit: int = 10) -> list[ImportRun]:
    """The office's latest imports (file names and counts: no case data)."""
    if not may_import(viewer):
        return []
    return list(ImportRun.objects.filter(office=viewer.office).select_related("started_by")[:limit])


def imported_case(case_id: int) -> ImportedCase | None:
    """What the case page shows of an imported case: the sheet's number and the file."""
    return ImportedCase.objects.filter(case_id=case_id).select_related("run").first()


def sheet_numbers(case_id: int) -> list[str]:
    """The sheet's case number of an imported case, for the search index (a system read: the
    index is rebuilt for every office at once, and shows nothing)."""
    return list(ImportedCase.objects.filter(case_id=case_id).values_list("sheet_number", flat=True))


def upload_content(upload: PendingUpload) -> bytes:
    return base64.b64decode(upload.content)


@dataclass(frozen=True)
class Review:
    upload: PendingUpload
    sheet: Sheet
    vocabulary: Vocabulary
    plan: Plan


def review_upload(*, viewer: Viewer, upload: PendingUpload) -> Review:
    """The dry run of a waiting file with its mapping so far, for the screen."""
    office = viewer.office
    if office is None or upload.office_id != office.pk:
        raise Http404
    sheet = read_sheet(upload_content(upload))
    vocabulary = vocabularies.for_office(office)
    plan = plan_import(
        office=office, sheet=sheet, vocabulary=vocabulary, mapping=mapping_from_json(upload.mapping)
    )
    return Review(upload=upload, sheet=sheet, vocabulary=vocabulary, plan=plan)
