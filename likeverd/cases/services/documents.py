"""A case's documents: uploading (checked, encrypted, stored) and reading them back (audited).

The file store itself (encrypting bytes into DOCUMENT_ROOT) is to move down to
likeverd/core/files.py; until then it lives here.
"""

import secrets
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import events, search
from likeverd.cases.access import may_read_case
from likeverd.cases.models import Case, Document, DocumentKind
from likeverd.cases.services.common import audit, require, touch
from likeverd.core import crypto

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
    require(viewer, Permission.EDIT_CASE, case)
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
        events.document_uploaded(case=case, actor=StaffActor.of(viewer), document=document)
        audit(viewer, AuditAction.CREATE, document, case, size=len(content), content_type=content_type)
        search.index_text(case, document.filename)
        touch(case)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return document


def read_document(*, viewer: Viewer, document: Document) -> bytes:
    """The decrypted bytes, for a viewer who may see the case; the download is audited."""
    if not may_read_case(viewer, document.case):
        raise PermissionDenied(_("You do not have permission to do this."))
    data = crypto.decrypt(
        document_path(document.storage_name).read_bytes(), purpose=f"document:{document.public_id}"
    )
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.DOWNLOAD,
        target=document,
        case=document.case,
    )
    return data
