"""Every write to a case: registering, parties, classification, assignment, status, timeline,
tasks and documents. Each function checks the viewer's permission, writes atomically,
records its timeline event and its audit event in the same transaction, and keeps the
search index current.
"""

import datetime as dt
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Permission, Role
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import search, workflow
from likeverd.cases.dates import IncidentDate
from likeverd.cases.models import (
    Case,
    CaseEvent,
    CaseNumberSequence,
    CaseStatus,
    Channel,
    CounterpartKind,
    Document,
    DocumentKind,
    EventKind,
    Outcome,
    Party,
    PartyRole,
    ReportingCategory,
    Task,
    Wish,
)
from likeverd.cases.permissions import visible_cases
from likeverd.core import clock, crypto
from likeverd.taxonomy.loader import default_reporting_categories
from likeverd.taxonomy.models import Term, TermKind

# Files a person or adviser may attach: what we can show or open safely, sniffed from content.
ALLOWED_DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/heic": "heic",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
    "audio/mpeg": "mp3",
    "audio/m4a": "m4a",
    "text/plain": "txt",
}


def _require(viewer: Viewer, permission: Permission, case: Case | None = None) -> None:
    if not viewer.can(permission) or (case is not None and case.office_id != viewer.office_id):
        raise PermissionDenied(_("You do not have permission to do this."))


def _office(viewer: Viewer) -> Office:
    if viewer.office is None:
        raise PermissionDenied(_("You do not belong to an office."))
    return viewer.office


def _event(
    case: Case,
    viewer: Viewer,
    kind: EventKind,
    *,
    body: str = "",
    data: dict[str, Any] | None = None,
    occurred_at: dt.datetime | None = None,
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        author=viewer.user,
        body=body,
        data=data or {},
        occurred_at=occurred_at or clock.now(),
    )


def _audit(viewer: Viewer, action: AuditAction, target: Any, case: Case, **detail: Any) -> None:
    record_event(
        actor=viewer.user, office=viewer.office, action=action, target=target, case=case, detail=detail
    )


def _touch(case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(updated_at=clock.now())


def normalise_name(name: str) -> str:
    return " ".join(search.words(name)) if name else ""


def name_key(office: Office, name: str) -> int | None:
    normalised = normalise_name(name)
    return crypto.keyed_hash(normalised, scope=f"names:{office.public_id}") if normalised else None


# --- case numbers -------------------------------------------------------------------------


def next_case_number(office: Office, year: int) -> tuple[int, str]:
    """The next serial for office and year, safe under concurrent registration.

    The increment is one UPDATE ... RETURNING, which holds the row lock (PostgreSQL) or the
    database write lock (SQLite, IMMEDIATE transactions) until the surrounding transaction
    ends; the year's first case creates the counter.
    """
    table = CaseNumberSequence._meta.db_table  # the model's own table name; values are parameters
    for _attempt in range(2):
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET last_serial = last_serial + 1 "  # noqa: S608
                "WHERE office_id = %s AND year = %s RETURNING last_serial",
                [office.pk, year],
            )
            row = cursor.fetchone()
        if row is not None:
            serial = int(row[0])
            return serial, f"{office.code}-{year}-{serial:04d}"
        CaseNumberSequence.objects.get_or_create(office=office, year=year)
    raise RuntimeError("the case number counter could not be created")


# --- registering ----------------------------------------------------------------------------


@dataclass
class PersonDetails:
    """The person the case is about, as told in the first contact. Everything is optional."""

    name: str = ""
    is_anonymous: bool = False
    phone: str = ""
    email: str = ""
    safe_to_call: bool = False
    safe_voicemail: bool = False
    safe_email: bool = False
    language: str = ""
    needs_interpreter: bool = False
    role: PartyRole = PartyRole.PERSON


@dataclass
class CaseDetails:
    channel: Channel
    narrative: str = ""
    incident_date: IncidentDate = field(default_factory=IncidentDate.unknown)
    incident_municipality: str = ""
    place_kind: str = ""
    residence_municipality: str = ""
    wishes: list[str] = field(default_factory=list)
    received_at: dt.datetime | None = None


def _check_wishes(wishes: list[str]) -> list[str]:
    unknown = [w for w in wishes if w not in Wish.values]
    if unknown:
        raise ValidationError(_("Unknown choice: %(value)s"), params={"value": ", ".join(unknown)})
    return list(dict.fromkeys(wishes))


@transaction.atomic
def register_case(
    *,
    viewer: Viewer,
    details: CaseDetails,
    person: PersonDetails | None = None,
    assign_to: User | None = None,
    reporting_category: ReportingCategory | None = None,
) -> Case:
    _require(viewer, Permission.REGISTER_CASE)
    office = _office(viewer)
    received_at = details.received_at or clock.now()
    if received_at > clock.now() + dt.timedelta(minutes=5):
        raise ValidationError(_("The time received cannot be in the future."))
    if assign_to is not None:
        _require(viewer, Permission.ASSIGN_CASE)
        _check_assignee(office.pk, assign_to)
    year = timezone.localtime(received_at).year
    serial, number = next_case_number(office, year)
    case = Case.objects.create(
        office=office,
        year=year,
        serial=serial,
        number=number,
        channel=details.channel,
        received_at=received_at,
        narrative=details.narrative,
        incident_date_from=details.incident_date.date_from,
        incident_date_to=details.incident_date.date_to,
        incident_date_precision=details.incident_date.precision,
        incident_date_text=details.incident_date.text,
        incident_municipality=details.incident_municipality.strip(),
        place_kind=details.place_kind,
        residence_municipality=details.residence_municipality.strip(),
        wishes=_check_wishes(details.wishes),
        reporting_category=_own_category(office, reporting_category),
        assigned_to=assign_to,
    )
    _event(case, viewer, EventKind.CREATED, data={"channel": details.channel})
    _audit(viewer, AuditAction.CREATE, case, case, channel=details.channel)
    # A new case's words are all here: they are indexed at once, in one insert, rather than
    # read back from the rows just written.
    terms = search.stems(office, case.narrative)
    if person is not None:
        party = _create_party(viewer, case, person_role=person.role, details=person, index=False)
        if party.name:
            terms |= search.name_terms(office, party.name)
    if assign_to is not None:
        _assignment_recorded(viewer, case, assign_to)
    search.index_terms(case, terms)
    return case


def _own_category(office: Office, category: ReportingCategory | None) -> ReportingCategory | None:
    if category is not None and category.office_id != office.pk:
        raise ValidationError(_("That category belongs to another office."))
    return category


@transaction.atomic
def update_case_details(*, viewer: Viewer, case: Case, details: CaseDetails) -> Case:
    _require(viewer, Permission.EDIT_CASE, case)
    new_values: dict[str, Any] = {
        "channel": details.channel,
        "narrative": details.narrative,
        "incident_date_from": details.incident_date.date_from,
        "incident_date_to": details.incident_date.date_to,
        "incident_date_precision": details.incident_date.precision,
        "incident_date_text": details.incident_date.text,
        "incident_municipality": details.incident_municipality.strip(),
        "place_kind": details.place_kind,
        "residence_municipality": details.residence_municipality.strip(),
        "wishes": _check_wishes(details.wishes),
    }
    if details.received_at is not None:
        new_values["received_at"] = details.received_at
    changed = [name for name, value in new_values.items() if getattr(case, name) != value]
    if not changed:
        return case
    for name in changed:
        setattr(case, name, new_values[name])
    case.updated_at = clock.now()
    case.save(update_fields=[*changed, "updated_at"])
    _event(case, viewer, EventKind.DETAILS, data={"fields": changed})
    _audit(viewer, AuditAction.CHANGE, case, case, fields=changed)
    if "narrative" in changed:
        search.reindex_case(case)
    elif "received_at" in changed:
        search.move_in_date_order(case)
    return case


# --- parties --------------------------------------------------------------------------------


def _create_party(
    viewer: Viewer,
    case: Case,
    *,
    person_role: PartyRole,
    details: PersonDetails,
    counterpart_kind: str = "",
    notes: str = "",
    represents: Party | None = None,
    index: bool = True,
) -> Party:
    if (
        person_role == PartyRole.COUNTERPART
        and counterpart_kind
        and counterpart_kind not in CounterpartKind.values
    ):
        raise ValidationError(_("Unknown kind of counterpart."))
    party = Party.objects.create(
        case=case,
        role=person_role,
        counterpart_kind=counterpart_kind if person_role == PartyRole.COUNTERPART else "",
        is_anonymous=details.is_anonymous,
        name="" if details.is_anonymous else details.name.strip(),
        phone=details.phone.strip(),
        email=details.email.strip(),
        notes=notes.strip(),
        name_key=None if details.is_anonymous else name_key(case.office, details.name),
        safe_to_call=details.safe_to_call,
        safe_voicemail=details.safe_voicemail,
        safe_email=details.safe_email,
        language=details.language,
        needs_interpreter=details.needs_interpreter,
        represents=represents,
    )
    _event(case, viewer, EventKind.PARTY, data={"role": person_role})
    _audit(viewer, AuditAction.CREATE, party, case, role=person_role)
    if index and party.name:
        search.index_text(case, party.name, is_name=True)
    if index and party.notes:
        search.index_text(case, party.notes)
    return party


@transaction.atomic
def add_party(
    *,
    viewer: Viewer,
    case: Case,
    role: PartyRole,
    details: PersonDetails,
    counterpart_kind: str = "",
    notes: str = "",
    represents: Party | None = None,
) -> Party:
    _require(viewer, Permission.EDIT_CASE, case)
    if represents is not None and represents.case_id != case.pk:
        raise ValidationError(_("A representative can only represent a party of the same case."))
    party = _create_party(
        viewer,
        case,
        person_role=role,
        details=details,
        counterpart_kind=counterpart_kind,
        notes=notes,
        represents=represents,
    )
    _touch(case)
    return party


# --- classification -------------------------------------------------------------------------


@dataclass
class Classification:
    grounds: list[Term] = field(default_factory=list)
    areas: list[Term] = field(default_factory=list)
    forms: list[Term] = field(default_factory=list)
    tracks: list[Term] = field(default_factory=list)
    reporting_category: ReportingCategory | None = None


def _codes(terms: Any) -> list[str]:
    return sorted(t.code for t in terms)


@transaction.atomic
def classify_case(*, viewer: Viewer, case: Case, classification: Classification) -> Case:
    """Set grounds (several at once), areas, forms and tracks; the change is kept in the timeline."""
    _require(viewer, Permission.CLASSIFY_CASE, case)
    office = _office(viewer)
    expected = {
        "grounds": TermKind.GROUND,
        "areas": TermKind.AREA,
        "forms": TermKind.FORM,
        "tracks": TermKind.TRACK,
    }
    for attribute, kind in expected.items():
        for term in getattr(classification, attribute):
            if term.kind != kind or term.jurisdiction != office.jurisdiction:
                raise ValidationError(
                    _("%(term)s cannot be used here: it is not a %(kind)s of this office's jurisdiction."),
                    params={"term": term.label, "kind": TermKind(kind).label},
                )
    category = _own_category(office, classification.reporting_category)
    before: dict[str, list[str] | str] = {name: _codes(getattr(case, name).all()) for name in expected}
    before["reporting_category"] = case.reporting_category.code if case.reporting_category else ""
    after: dict[str, list[str] | str] = {name: _codes(getattr(classification, name)) for name in expected}
    after["reporting_category"] = category.code if category else ""
    if before == after:
        return case
    for name in expected:
        getattr(case, name).set(getattr(classification, name))
    case.reporting_category = category
    case.updated_at = clock.now()
    case.save(update_fields=["reporting_category", "updated_at"])
    _event(case, viewer, EventKind.CLASSIFICATION, data={"before": before, "after": after})
    _audit(viewer, AuditAction.CHANGE, case, case, fields=["classification"])
    return case


# --- assignment and status ------------------------------------------------------------------

CASEWORK_ROLES = {Role.ADVISER, Role.MEDIATOR}


def _check_assignee(office_id: int, assignee: User) -> None:
    if not Membership.objects.filter(
        user=assignee, office_id=office_id, role__in=CASEWORK_ROLES, is_active=True
    ).exists():
        raise ValidationError(_("Cases can only be assigned to advisers and mediators of this office."))


def _assignment_recorded(viewer: Viewer, case: Case, assignee: User | None) -> None:
    _event(case, viewer, EventKind.ASSIGNMENT, data={"assignee": str(assignee.public_id) if assignee else ""})
    _audit(viewer, AuditAction.CHANGE, case, case, fields=["assigned_to"])


@transaction.atomic
def assign_case(*, viewer: Viewer, case: Case, assignee: User | None) -> Case:
    _require(viewer, Permission.ASSIGN_CASE, case)
    if assignee is not None:
        _check_assignee(case.office_id, assignee)
    if case.assigned_to_id == (assignee.pk if assignee else None):
        return case
    case.assigned_to = assignee
    case.updated_at = clock.now()
    case.save(update_fields=["assigned_to", "updated_at"])
    _assignment_recorded(viewer, case, assignee)
    return case


@transaction.atomic
def change_case_status(
    *, viewer: Viewer, case: Case, to_status: CaseStatus, outcome: str = "", note: str = ""
) -> Case:
    """Move a case along the workflow (workflow.TRANSITIONS); closing needs an outcome."""
    if case.office_id != viewer.office_id:
        raise PermissionDenied(_("You do not have permission to do this."))
    needed = workflow.required_permission(case.status, to_status)
    if needed is None:
        raise ValidationError(
            _("A case cannot go from %(from)s to %(to)s."),
            params={"from": CaseStatus(case.status).label, "to": CaseStatus(to_status).label},
            code="invalid_transition",
        )
    _require(viewer, needed, case)
    if to_status == CaseStatus.CLOSED:
        if outcome not in Outcome.values:
            raise ValidationError(_("Choose the outcome before closing the case."), code="outcome_required")
        case.outcome = outcome
        case.closed_at = clock.now()
    elif case.status == CaseStatus.CLOSED:
        case.outcome = ""
        case.closed_at = None
    previous = case.status
    case.status = to_status
    case.updated_at = clock.now()
    case.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
    _event(
        case,
        viewer,
        EventKind.STATUS,
        body=note,
        data={"from": previous, "to": to_status, "outcome": case.outcome},
    )
    _audit(viewer, AuditAction.CHANGE, case, case, fields=["status"], to=to_status)
    if note:
        search.index_text(case, note)
    return case


# --- timeline -------------------------------------------------------------------------------

TIMELINE_ENTRY_KINDS = {EventKind.NOTE, EventKind.CALL, EventKind.MEETING, EventKind.EMAIL}


@transaction.atomic
def add_timeline_entry(
    *, viewer: Viewer, case: Case, kind: EventKind, body: str, occurred_at: dt.datetime | None = None
) -> CaseEvent:
    _require(viewer, Permission.EDIT_CASE, case)
    if kind not in TIMELINE_ENTRY_KINDS:
        raise ValidationError(_("Unknown kind of entry."))
    if not body.strip():
        raise ValidationError(_("Write something first."), code="required")
    if occurred_at is not None and occurred_at > clock.now() + dt.timedelta(minutes=5):
        raise ValidationError(_("The time cannot be in the future."))
    event = _event(case, viewer, kind, body=body.strip(), occurred_at=occurred_at)
    _audit(viewer, AuditAction.CREATE, event, case, kind=kind)
    search.index_text(case, event.body)
    _touch(case)
    return event


# --- tasks ----------------------------------------------------------------------------------


@transaction.atomic
def add_task(
    *, viewer: Viewer, case: Case, title: str, due_date: dt.date, assignee: User | None = None
) -> Task:
    _require(viewer, Permission.EDIT_CASE, case)
    if not title.strip():
        raise ValidationError(_("Write what needs to be done."), code="required")
    if (
        assignee is not None
        and not Membership.objects.filter(user=assignee, office_id=case.office_id, is_active=True).exists()
    ):
        raise ValidationError(_("Tasks can only be given to people of this office."))
    task = Task.objects.create(
        case=case,
        title=title.strip(),
        due_date=due_date,
        assignee=assignee or viewer.user,
        created_by=viewer.user,
    )
    _event(
        case,
        viewer,
        EventKind.TASK,
        data={"task": str(task.public_id), "due": due_date.isoformat(), "done": False},
    )
    _audit(viewer, AuditAction.CREATE, task, case)
    search.index_text(case, task.title)
    _touch(case)
    return task


@transaction.atomic
def complete_task(*, viewer: Viewer, task: Task) -> Task:
    _require(viewer, Permission.EDIT_CASE, task.case)
    if task.done_at is None:
        task.done_at = clock.now()
        task.updated_at = task.done_at
        task.save(update_fields=["done_at", "updated_at"])
        _event(task.case, viewer, EventKind.TASK, data={"task": str(task.public_id), "done": True})
        _audit(viewer, AuditAction.CHANGE, task, task.case, fields=["done_at"])
    return task


# --- documents ------------------------------------------------------------------------------


def _sniff_content_type(head: bytes) -> str | None:
    kind = filetype.guess(head)
    if kind is not None:
        return str(kind.mime)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character may be cut at the end of the sample.
        try:
            head[:-4].decode("utf-8")
        except UnicodeDecodeError:
            return None
    return "text/plain"


def document_path(storage_name: str) -> Path:
    return settings.DOCUMENT_ROOT / storage_name[:2] / storage_name


@transaction.atomic
def upload_document(
    *, viewer: Viewer, case: Case, upload: "UploadedFile[bytes]", kind: str = DocumentKind.OTHER
) -> Document:
    """Check size and type (from the content, not the name), encrypt, store, record."""
    _require(viewer, Permission.EDIT_CASE, case)
    size = upload.size or 0
    limit = settings.DOCUMENT_MAX_BYTES
    if size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if kind not in DocumentKind.values:
        raise ValidationError(_("Unknown kind of document."))
    content = b"".join(upload.chunks())
    content_type = _sniff_content_type(content[:8192])
    if content_type not in ALLOWED_DOCUMENT_TYPES:
        raise ValidationError(
            _(
                "This kind of file cannot be stored. Use PDF, an image (JPEG, PNG, HEIC), "
                "Word or OpenDocument text, plain text or an audio recording."
            ),
            code="file_type",
        )
    storage_name = secrets.token_hex(20)
    path = document_path(storage_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        document = Document.objects.create(
            case=case,
            kind=kind,
            filename=(upload.name or "document")[:200],
            content_type=content_type,
            size=len(content),
            storage_name=storage_name,
            uploaded_by=viewer.user,
        )
        path.write_bytes(crypto.encrypt(content, purpose=f"document:{document.public_id}"))
        _event(case, viewer, EventKind.DOCUMENT, data={"document": str(document.public_id), "kind": kind})
        _audit(viewer, AuditAction.CREATE, document, case, size=len(content), content_type=content_type)
        search.index_text(case, document.filename)
        _touch(case)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return document


def read_document(*, viewer: Viewer, document: Document) -> bytes:
    """The decrypted bytes, for a viewer who may see the case; the download is audited."""
    if not visible_cases(viewer).filter(pk=document.case_id).exists():
        raise PermissionDenied(_("You do not have permission to do this."))
    data = crypto.decrypt(
        document_path(document.storage_name).read_bytes(), purpose=f"document:{document.public_id}"
    )
    record_event(
        actor=viewer.user,
        office=viewer.office,
        action=AuditAction.DOWNLOAD,
        target=document,
        case=document.case,
    )
    return data


# --- office set-up --------------------------------------------------------------------------


@transaction.atomic
def create_default_reporting_categories(*, office: Office) -> list[ReportingCategory]:
    """The 2019 annual report's areas of society, mapped to the office's legal areas."""
    created = []
    for default in default_reporting_categories(office.jurisdiction):
        category, was_created = ReportingCategory.objects.get_or_create(
            office=office,
            code=default.code,
            defaults={
                "label_nb": default.label_nb,
                "label_sv": default.label_sv,
                "label_en": default.label_en,
                "sort_order": default.sort_order,
            },
        )
        if was_created:
            category.areas.set(
                Term.objects.filter(
                    jurisdiction=office.jurisdiction,
                    kind=TermKind.AREA,
                    code__in=default.area_codes,
                    valid_to__isnull=True,
                )
            )
            created.append(category)
    return created
