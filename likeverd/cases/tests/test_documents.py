"""Staff uploads go through the one file store: named by their content, markup refused, and
kept only if the case's transaction commits."""

from io import StringIO
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.models import Case, Document
from likeverd.cases.tests.factories import register
from likeverd.core import files
from likeverd.core.tests.test_files import HTA, HTML, PNG, SVG, RolledBackError

pytestmark = pytest.mark.django_db


def _upload(client: Client, case: Case, name: str, content: bytes) -> Any:
    return client.post(
        reverse("cases:case_upload", args=[case.public_id]),
        {"upload-kind": "evidence", "upload-file": SimpleUploadedFile(name, content, "text/html")},
        HTTP_ACCEPT_LANGUAGE="sv",
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("evidence.html", HTML), ("photo.svg", SVG), ("evidence.hta", HTA), ("image.png.html", HTML)],
)
def test_an_adviser_uploading_markup_is_told_why_and_nothing_is_stored(
    office: Office, adviser: User, client_for: Any, name: str, content: bytes
) -> None:
    case = register(viewer_of(adviser))
    response = _upload(client_for(adviser), case, name, content)
    assert response.status_code == 200
    assert "HTML, SVG, XML" in response.content.decode()
    assert not case.documents.exists()
    assert not list(files._root().glob("??/*"))


def test_a_png_uploaded_as_html_is_stored_and_downloaded_as_png(
    office: Office, adviser: User, client_for: Any
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)
    _upload(client, case, "image.png.html", PNG)
    document = case.documents.get()
    assert document.filename == "image.png"
    assert document.storage_name.endswith(".png")
    response = client.get(reverse("cases:document_download", args=[document.public_id]))
    assert response.content == PNG
    assert response["Content-Type"] == "image/png"
    assert 'filename="image.png"' in response["Content-Disposition"]


def test_a_document_stored_under_its_uploaded_name_is_downloaded_under_its_type(
    office: Office, adviser: User, client_for: Any
) -> None:
    viewer = viewer_of(adviser)
    document = services.upload_document(
        viewer=viewer, case=register(viewer), upload=SimpleUploadedFile("notes.txt", b"plain words")
    )
    document.filename = "evidence.html"  # as the first release stored it
    document.save(update_fields=["filename"])
    response = client_for(adviser).get(reverse("cases:document_download", args=[document.public_id]))
    assert 'filename="evidence.txt"' in response["Content-Disposition"]


@pytest.mark.django_db(transaction=True)
def test_an_upload_in_a_rolled_back_transaction_leaves_no_document_and_no_file_after_clean_up(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)

    @transaction.atomic
    def upload_then_fail() -> None:
        services.upload_document(viewer=viewer, case=case, upload=SimpleUploadedFile("a.png", PNG))
        raise RolledBackError

    with pytest.raises(RolledBackError):
        upload_then_fail()
    assert not Document.objects.exists()
    [pending] = list(files._root().glob("??/*"))
    assert pending.name.endswith(files.PENDING)
    call_command("removestrayfiles", "--older-than-minutes", "0", stdout=StringIO())
    assert not list(files._root().glob("??/*"))


@pytest.mark.django_db(transaction=True)
def test_a_committed_upload_is_kept_by_the_clean_up(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    document = services.upload_document(
        viewer=viewer, case=register(viewer), upload=SimpleUploadedFile("a.png", PNG)
    )
    call_command("removestrayfiles", "--older-than-minutes", "0", stdout=StringIO())
    assert services.read_document(viewer=viewer, document=document) == PNG
