"""Saving a draft: print it (.docx and PDF) from the office's layout, store both as encrypted
documents of the case, and record the version, a timeline entry and the audit rows.

Every save is a new version; nothing is overwritten, and nothing is sent anywhere.
"""

import json
import uuid
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.cases import events
from likeverd.cases.models import Case, Document, DocumentKind
from likeverd.cases.services import document_purpose
from likeverd.cases.services.common import audit, require, touch
from likeverd.core import clock, files
from likeverd.triage.drafts import layouts
from likeverd.triage.drafts.models import DRAFT_FIELDS, DraftKind, DraftVersion
from likeverd.triage.drafts.selectors import draft_language

EVENT_KIND = "draft_saved"
MAX_FIELD_LENGTH = 50_000
DOCUMENT_KINDS = {
    DraftKind.COMPLAINT: DocumentKind.COMPLAINT,
    DraftKind.POLICE_REPORT: DocumentKind.POLICE_REPORT,
    DraftKind.EXPLANATION_REQUEST: DocumentKind.CORRESPONDENCE,
}
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _clean(fields: Mapping[str, str]) -> dict[str, str]:
    unknown = sorted(set(fields) - set(DRAFT_FIELDS))
    if unknown:
        raise ValidationError(_("Unknown part of a draft: %(names)s."), params={"names": ", ".join(unknown)})
    cleaned = {name: str(fields.get(name, "")).replace("\r\n", "\n").strip() for name in DRAFT_FIELDS}
    if any(len(value) > MAX_FIELD_LENGTH for value in cleaned.values()):
        raise ValidationError(_("A part of the draft is too long."), code="too_long")
    if not cleaned["subject"] and not cleaned["facts"]:
        raise ValidationError(_("Write at least a subject or what happened."), code="empty_draft")
    return cleaned


def _store(case: Case, kind: DraftKind, content: bytes, filename: str, viewer: Viewer) -> Document:
    public_id = uuid.uuid4()
    stored = files.store(content, purpose=document_purpose(public_id))
    document = Document.objects.create(
        public_id=public_id,
        case=case,
        kind=DOCUMENT_KINDS[kind],
        filename=filename,
        content_type=stored.content_type,
        size=stored.size,
        storage_name=stored.name,
        uploaded_by=viewer.user,
    )
    audit(viewer, AuditAction.CREATE, document, case, size=stored.size, content_type=stored.content_type)
    return document


def save_draft(*, viewer: Viewer, case: Case, kind: str, fields: Mapping[str, str]) -> DraftVersion:
    """Print and store a new version of the case's draft of `kind` with the adviser's text.

    The printing (a second or so for the PDF) runs before the transaction, so the case row is
    locked only for the writes. A layout an office replaced with an error gives a ValidationError.
    """
    require(viewer, Permission.EDIT_CASE, case)
    if kind not in DraftKind.values:
        raise ValidationError(_("Unknown kind of draft."), code="invalid_kind")
    draft_kind = DraftKind(kind)
    cleaned = _clean(fields)
    office = case.office
    language = draft_language(office)
    day = clock.today()
    try:
        layout = layouts.find_layout(kind=draft_kind, office_code=office.code, language=language)
        docx = layouts.render_docx(layout, cleaned, day=day, language=language, case_number=case.number)
        pdf = layouts.render_pdf(layout, cleaned, day=day, language=language, case_number=case.number)
    except layouts.LayoutError:
        raise ValidationError(
            _(
                "The office's template for this draft could not be used. "
                "Ask the office administrator to check it."
            ),
            code="layout",
        ) from None
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        last = DraftVersion.objects.filter(case=locked, kind=draft_kind).order_by("-number").first()
        number = (last.number if last else 0) + 1
        stem = f"{case.number}-{draft_kind.value.replace('_', '-')}-v{number}"
        docx_document = _store(locked, draft_kind, docx, f"{stem}.docx", viewer)
        pdf_document = _store(locked, draft_kind, pdf, f"{stem}.pdf", viewer)
        if docx_document.content_type != DOCX_TYPE or pdf_document.content_type != "application/pdf":
            raise ValidationError(_("The printed draft is not a Word file and a PDF."), code="layout")
        version = DraftVersion.objects.create(
            case=locked,
            kind=draft_kind,
            number=number,
            language=language,
            layout_source=layout.source,
            content=json.dumps(cleaned, ensure_ascii=False),
            docx=docx_document,
            pdf=pdf_document,
            created_by=viewer.user,
        )
        events.record_event(
            case=locked,
            actor=StaffActor.of(viewer),
            kind=EVENT_KIND,
            data={
                "draft": str(version.public_id),
                "kind": draft_kind.value,
                "version": str(number),
                "docx": str(docx_document.public_id),
                "pdf": str(pdf_document.public_id),
            },
        )
        audit(
            viewer,
            AuditAction.CREATE,
            version,
            locked,
            kind=draft_kind.value,
            version=number,
            layout=layout.source,
            fields=[name for name in DRAFT_FIELDS if cleaned[name]],
        )
        touch(locked)
    return version
