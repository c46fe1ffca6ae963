"""The import itself, and the screen's uploaded file between its steps.

`run_import` imports every new row of a file or none: the dry run (`planning.plan_import`) is
made again inside one transaction, with the office's row locked so that two imports into the
same office wait for each other; any problem refuses the whole file (`ImportRefusedError`, carrying
the plan), so a file is never half in. Rows whose sheet number is already imported are skipped
(unchanged) or reported (changed), never overwritten, so running a file twice adds nothing.

Each case is opened as the system actor "the import of file X" through `cases.services`
(`open_case`, `classify_case_as`, `record_past_status`) and `mediation.services`
(`record_past_referral`), so its audit rows, timeline, search index and the statistics see it
as any other case. The run itself is audited as the person who started it (or the command line).
"""

import base64
import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor, SystemActor
from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Permission
from likeverd.accounts.services.staff import COMMAND_LINE
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases.models import Case, CaseStatus, Channel, Outcome
from likeverd.cases.search import index_identifier
from likeverd.cases.services import (
    CaseDetails,
    Classification,
    classify_case_as,
    open_case,
    record_past_status,
)
from likeverd.core import clock
from likeverd.mediation.models import BenchKind, BenchOutcome
from likeverd.mediation.services import record_past_referral
from likeverd.mediation.services.referral import CASE_OUTCOMES
from likeverd.setup.imports import vocabulary as vocabularies
from likeverd.setup.imports.mapping import ValueMapping, mapping_from_json, mapping_to_json
from likeverd.setup.imports.models import ImportedCase, ImportRun, PendingUpload
from likeverd.setup.imports.reading import Sheet, SheetError, read_sheet
from likeverd.setup.imports.selectors import (
    Plan,
    PlannedRow,
    expired_before,
    plan_import,
    upload_content,
)
from likeverd.setup.imports.text import clean
from likeverd.setup.imports.vocabulary import Vocabulary
from likeverd.taxonomy.models import Term

# Rows the screen imports in one request (each case goes through the case services with its audit
# rows, tens of milliseconds a row, within the web server's timeout); the command takes more.
SCREEN_MAX_ROWS = 500
# The received day's time: noon, so that the local day is the sheet's day in every time zone.
RECEIVED_AT = dt.time(12)


class ImportRefusedError(ValidationError):
    """The file has problems (`plan.problems`): nothing was imported."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        super().__init__(
            _("Nothing was imported: the file has %(count)s problems. Correct them and try again."),
            params={"count": len(plan.problems)},
            code="problems",
        )


@dataclass(frozen=True)
class ImportResult:
    run: ImportRun
    plan: Plan


def short_name(file_name: str) -> str:
    """The file's own name (no folders), tidied and at most 100 characters."""
    name = clean(file_name.replace("\\", "/").rsplit("/", 1)[-1]) or "spreadsheet"
    return name if len(name) <= 100 else name[:99] + "…"


def import_actor(file_name: str) -> SystemActor:
    """The actor every case of an import is written by: "the import of file X"."""
    return SystemActor(f"the import of file {short_name(file_name)}")


def _received_at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, RECEIVED_AT))


def _ground(vocabulary: Vocabulary, code: str, day: dt.date) -> Term:
    """The version of a ground that applied on the day received, else the latest."""
    versions = vocabulary.ground_terms[code]
    for term in versions:
        if term.valid_from <= day and (term.valid_to is None or day <= term.valid_to):
            return term
    return versions[0]


def _import_row(
    actor: SystemActor, office: Office, run: ImportRun, row: PlannedRow, vocabulary: Vocabulary
) -> Case:
    received_at = _received_at(row.received)
    details = CaseDetails(
        channel=Channel(row.channel), received_at=received_at, place_kind=row.mediation_area
    )
    case = open_case(actor=actor, office=office, details=details)
    category = vocabulary.categories.get(row.area) if row.area else None
    areas = list(category.areas.all()) if category is not None else []
    grounds = [_ground(vocabulary, code, row.received) for code in row.grounds]
    classify_case_as(
        actor=actor,
        office=office,
        case=case,
        classification=Classification(
            grounds=grounds,
            # A category that stands for one legal area gives the case that area; with several,
            # which one applied is the adviser's call, not the import's.
            areas=areas if len(areas) == 1 else [],
            reporting_category=category,
        ),
    )
    if row.mediation:
        record_past_referral(
            actor=actor,
            case=case,
            referred_at=received_at,
            kind=BenchKind.DISCRIMINATION if grounds else BenchKind.OTHER_CONFLICT,
            outcome=row.mediation_result,
        )
    if not row.still_at_bench:
        outcome = row.outcome or (
            CASE_OUTCOMES.get(BenchOutcome(row.mediation_result), Outcome.OTHER)
            if row.mediation_result
            else Outcome.OTHER
        )
        record_past_status(
            actor=actor, case=case, status=CaseStatus.CLOSED, outcome=outcome, closed_at=received_at
        )
    ImportedCase.objects.create(
        case=case, office=office, run=run, sheet_number=row.sheet_number, values=row.values()
    )
    # The sheet's number finds the case in the case list (blind index, like every searchable text).
    index_identifier(case, row.sheet_number)
    return case


def run_import(
    *, office: Office, sheet: Sheet, mapping: ValueMapping, file_name: str, started_by: User | None
) -> ImportResult:
    """Import every new row of `sheet` into `office`, or nothing (ImportRefusedError) if any row has a
    problem. The caller has checked that whoever starts it may import into `office`."""
    with transaction.atomic():
        Office.objects.select_for_update().filter(pk=office.pk).first()
        vocabulary = vocabularies.for_office(office)
        plan = plan_import(office=office, sheet=sheet, vocabulary=vocabulary, mapping=mapping)
        if not plan.can_import:
            raise ImportRefusedError(plan)
        run = ImportRun.objects.create(
            office=office,
            file_name=short_name(file_name),
            started_by=started_by,
            rows_read=plan.rows_read,
            imported=len(plan.new),
            already_present=plan.present,
            changed=len(plan.changed),
        )
        actor = import_actor(file_name)
        for row in plan.new:
            _import_row(actor, office, run, row, vocabulary)
        starter: Actor = (
            StaffActor(started_by) if started_by is not None else SystemActor(f"the {COMMAND_LINE}")
        )
        record_event(
            actor=starter,
            office=office,
            action=AuditAction.CREATE,
            target=run,
            detail={
                "rows_read": plan.rows_read,
                "imported": len(plan.new),
                "already_present": plan.present,
                "changed": len(plan.changed),
            },
        )
    return ImportResult(run=run, plan=plan)


# --- the screen's uploaded file ---------------------------------------------------------------------


def require_import(viewer: Viewer) -> Office:
    if viewer.office is None or not viewer.can(Permission.IMPORT_CASES):
        raise PermissionDenied(_("You do not have permission to do this."))
    return viewer.office


def _audit(viewer: Viewer, action: AuditAction, upload: PendingUpload, **detail: object) -> None:
    record_event(
        actor=StaffActor.of(viewer), office=viewer.office, action=action, target=upload, detail=detail
    )


@transaction.atomic
def keep_upload(*, viewer: Viewer, file_name: str, data: bytes) -> PendingUpload:
    """Keep an uploaded file, encrypted, for the next steps; the file must read as a sheet
    (a SheetError says why not). The person's earlier waiting files are deleted; files older than
    PENDING_HOURS are no one's any more (selectors.get_upload) and `likeverd housekeeping` deletes
    them (delete_expired_uploads)."""
    office = require_import(viewer)
    sheet = read_sheet(data)
    if len(sheet.rows) > SCREEN_MAX_ROWS:
        raise SheetError(
            _(
                "The sheet has more than %(limit)s rows, more than the screen imports in one go. "
                "Split it into several files, or ask the installation's administrator to run "
                "likeverd importcases."
            ),
            params={"limit": SCREEN_MAX_ROWS},
            code="too_many_rows_for_the_screen",
        )
    PendingUpload.objects.filter(office=office, uploaded_by=viewer.user).delete()
    upload = PendingUpload.objects.create(
        office=office,
        uploaded_by=viewer.user,
        file_name=short_name(file_name),
        content=base64.b64encode(data).decode("ascii"),
        size=len(data),
    )
    _audit(viewer, AuditAction.CREATE, upload, size=len(data))
    return upload


def _check_version(upload: PendingUpload, version: int) -> PendingUpload:
    locked = PendingUpload.objects.select_for_update().get(pk=upload.pk)
    if locked.version != version:
        raise ValidationError(
            _(
                "This form was made for an earlier step of the import. Look at the page as it is "
                "now and choose again."
            ),
            code="stale",
        )
    return locked


@transaction.atomic
def save_mapping(
    *, viewer: Viewer, upload: PendingUpload, version: int, mapping: ValueMapping
) -> PendingUpload:
    """Add the person's answers to the upload's mapping (a later answer for a value replaces one)."""
    require_import(viewer)
    locked = _check_version(upload, version)
    merged = mapping_from_json(locked.mapping)
    merged.update(mapping)
    locked.mapping = mapping_to_json(merged)
    locked.version += 1
    locked.updated_at = clock.now()
    locked.save(update_fields=["mapping", "version", "updated_at"])
    _audit(viewer, AuditAction.CHANGE, locked, fields=["mapping"])
    return locked


def import_upload(*, viewer: Viewer, upload: PendingUpload, version: int) -> ImportResult:
    """Import the uploaded file with its mapping; the file is deleted with the import's commit.
    On ImportRefusedError nothing is imported and the file waits for more answers."""
    office = require_import(viewer)
    with transaction.atomic():
        locked = _check_version(upload, version)
        sheet = read_sheet(upload_content(locked))
        result = run_import(
            office=office,
            sheet=sheet,
            mapping=mapping_from_json(locked.mapping),
            file_name=locked.file_name,
            started_by=viewer.user,
        )
        locked.delete()
    return result


HOUSEKEEPING = SystemActor("housekeeping")


@transaction.atomic
def delete_expired_uploads() -> int:
    """Delete the uploaded files older than PENDING_HOURS (a sweep of `likeverd housekeeping`),
    each with a DELETE audit row as the system actor "housekeeping"; returns how many."""
    expired = list(PendingUpload.objects.filter(created_at__lt=expired_before()).select_related("office"))
    for upload in expired:
        record_event(
            actor=HOUSEKEEPING, office=upload.office, action=AuditAction.DELETE, target=upload,
            detail={"reason": "expired"},
        )  # fmt: skip
    PendingUpload.objects.filter(pk__in=[upload.pk for upload in expired]).delete()
    return len(expired)


@transaction.atomic
def discard_upload(*, viewer: Viewer, upload: PendingUpload) -> None:
    require_import(viewer)
    _audit(viewer, AuditAction.CHANGE, upload, fields=["discarded"])
    PendingUpload.objects.filter(pk=upload.pk).delete()
