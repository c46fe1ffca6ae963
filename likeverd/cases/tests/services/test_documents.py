from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import selectors, services
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.tests.factories import register
from likeverd.core import files

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_documents_are_encrypted_on_disk_and_read_back_with_an_audit_entry(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    document = services.upload_document(
        viewer=viewer, case=case, upload=SimpleUploadedFile("letter from landlord.pdf", PDF), kind="evidence"
    )
    stored = files.path_of(document.storage_name).read_bytes()
    assert PDF not in stored
    assert b"%PDF" not in stored
    assert document.content_type == "application/pdf"
    assert services.read_document(viewer=viewer, document=document) == PDF
    assert AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, target_id=str(document.public_id)).exists()
    assert list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="landlord"))) == [case]


def test_another_office_cannot_read_a_document(office: Office, adviser: User, other_adviser: User) -> None:
    viewer = viewer_of(adviser)
    document = services.upload_document(
        viewer=viewer, case=register(viewer), upload=SimpleUploadedFile("a.pdf", PDF)
    )
    with pytest.raises(PermissionDenied):
        services.read_document(viewer=viewer_of(other_adviser), document=document)


def test_oversize_and_disguised_files_are_refused(office: Office, adviser: User, settings: object) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    settings.DOCUMENT_MAX_BYTES = 100  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as too_large:
        services.upload_document(viewer=viewer, case=case, upload=SimpleUploadedFile("big.pdf", PDF * 10))
    assert too_large.value.code == "too_large"
    settings.DOCUMENT_MAX_BYTES = 10_000  # type: ignore[attr-defined]
    executable = BytesIO(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4).getvalue()
    with pytest.raises(ValidationError) as disguised:
        services.upload_document(viewer=viewer, case=case, upload=SimpleUploadedFile("photo.jpg", executable))
    assert disguised.value.code == "file_type"
    assert not case.documents.exists()
