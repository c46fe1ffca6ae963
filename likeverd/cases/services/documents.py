"""A case's documents: uploading (checked, encrypted, stored) and reading them back (audited).

The bytes live in the one encrypted file store, likeverd/core/files.py, which sniffs the type,
refuses markup and keeps no file when the transaction rolls back.
"""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import events, search
from likeverd.cases.access import may_read_case
from likeverd.cases.models import Case, Document, DocumentKind
from likeverd.cases.services.common import audit, audit_as, require, touch
from likeverd.core import files


def document_purpose(public_id: uuid.UUID) -> str:
    return f"document:{public_id}"  # pinned: stored files are bound to it (ADR 0002)


@transaction.atomic
def upload_document(
    *, viewer: Viewer, case: Case, upload: "UploadedFile[bytes]", kind: str = DocumentKind.OTHER
) -> Document:
    """Check size and type (from the content, not the name), encrypt, store, record."""
    require(viewer, Permission.EDIT_CASE, case)
    if kind not in DocumentKind.values:
        raise ValidationError(_("Unknown kind of document."))
    public_id = uuid.uuid4()
    stored = files.store(upload, purpose=document_purpose(public_id))
    document = Document.objects.create(
        public_id=public_id,
        case=case,
        kind=kind,
        filename=files.download_name(upload.name or "", stored.content_type),
        content_type=stored.content_type,
        size=stored.size,
        storage_name=stored.name,
        uploaded_by=viewer.user,
    )
    events.document_uploaded(case=case, actor=StaffActor.of(viewer), document=document)
    audit(viewer, AuditAction.CREATE, document, case, size=stored.size, content_type=stored.content_type)
    search.index_text(case, document.filename)
    touch(case)
    return document


def add_document(
    *, actor: Actor, case: Case, content: bytes, filename: str, kind: str = DocumentKind.OTHER
) -> Document:
    """Store `content` as a document of `case` for an actor outside the office (the public form's
    evidence, already cleaned of metadata): no permission check, the caller chose the case.
    Call it inside the transaction that writes the case, so the file is kept only if it is."""
    if kind not in DocumentKind.values:
        raise ValidationError(_("Unknown kind of document."))
    public_id = uuid.uuid4()
    stored = files.store(content, purpose=document_purpose(public_id))
    document = Document.objects.create(
        public_id=public_id,
        case=case,
        kind=kind,
        filename=files.download_name(filename, stored.content_type),
        content_type=stored.content_type,
        size=stored.size,
        storage_name=stored.name,
        uploaded_by=None,
    )
    events.document_uploaded(case=case, actor=actor, document=document)
    audit_as(
        actor,
        case.office,
        AuditAction.CREATE,
        document,
        case,
        size=stored.size,
        content_type=stored.content_type,
    )
    search.index_text(case, document.filename)
    return document


def read_document(*, viewer: Viewer, document: Document) -> bytes:
    """The decrypted bytes, for a viewer who may see the case; the download is audited."""
    if not may_read_case(viewer, document.case):
        raise PermissionDenied(_("You do not have permission to do this."))
    data = files.read(document.storage_name, purpose=document_purpose(document.public_id))
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.DOWNLOAD,
        target=document,
        case=document.case,
    )
    return data
