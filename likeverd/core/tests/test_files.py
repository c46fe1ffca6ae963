"""The encrypted file store: what it accepts, how it names files, and that a rolled-back
transaction leaves nothing the clean-up does not remove."""

import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from likeverd.core import crypto, files

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 40
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>fetch('/cases/')</script></body></html>"
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
pytestmark = pytest.mark.django_db

HTA = b'<hta:application id="x" windowstate="minimize">\n<script language="VBScript">Run "cmd"</script>'


def test_bytes_are_stored_encrypted_under_a_name_of_their_sniffed_type() -> None:
    stored = files.store(PDF, purpose="tests:letter")
    assert stored.name.endswith(".pdf")
    assert (stored.content_type, stored.size) == ("application/pdf", len(PDF))
    on_disk = files.path_of(stored.name).read_bytes()
    assert b"%PDF" not in on_disk
    assert files.read(stored.name, purpose="tests:letter") == PDF


def test_a_file_is_bound_to_its_purpose() -> None:
    stored = files.store(PDF, purpose="document:one")
    with pytest.raises(crypto.DecryptionError):
        files.read(stored.name, purpose="document:two")


@pytest.mark.parametrize(
    ("uploaded", "content"),
    [("evidence.html", HTML), ("photo.svg", SVG), ("evidence.hta", HTA), ("image.png.html", HTML)],
)
def test_markup_is_refused_with_a_reason_the_person_understands(uploaded: str, content: bytes) -> None:
    with translation.override("nb"), pytest.raises(ValidationError) as refused:
        files.store(SimpleUploadedFile(uploaded, content), purpose="tests:upload")
    assert refused.value.code == "file_type"
    assert "nettside" in refused.value.messages[0]


def test_markup_hidden_after_some_plain_text_is_refused() -> None:
    with pytest.raises(ValidationError):
        files.store(b"Notes from the meeting\n\n<script>alert(1)</script>", purpose="tests:upload")


def test_plain_text_mentioning_angle_brackets_is_kept() -> None:
    stored = files.store(b"He said 3 < 5 and <<nothing>> else.\n", purpose="tests:upload")
    assert stored.content_type == "text/plain"


@pytest.mark.parametrize(
    ("uploaded", "content", "offered_as"),
    [
        ("image.png.html", PNG, "image.png"),
        ("evidence.html", b"Just words, no tags.", "evidence.txt"),
        ("photo.svg", PNG, "photo.png"),
        ("brev fra utleier.final.PDF", PDF, "brev fra utleier.final.pdf"),
        ("../../etc/passwd", b"plain text", "passwd.txt"),
    ],
)
def test_files_are_named_by_their_content_never_by_the_uploaded_extension(
    uploaded: str, content: bytes, offered_as: str
) -> None:
    stored = files.store(SimpleUploadedFile(uploaded, content), purpose="tests:upload")
    assert files.download_name(uploaded, stored.content_type) == offered_as
    assert stored.name.rsplit(".", 1)[1] == offered_as.rsplit(".", 1)[1]


@given(st.text(), st.sampled_from(sorted(files.FILE_TYPES)))
def test_an_offered_name_always_ends_in_the_sniffed_type(uploaded: str, content_type: str) -> None:
    name = files.download_name(uploaded, content_type)
    assert name.endswith("." + files.FILE_TYPES[content_type])
    assert "/" not in name
    assert "\\" not in name
    assert name.rsplit(".", 1)[0]


def test_empty_and_oversize_files_are_refused(settings: object) -> None:
    with pytest.raises(ValidationError) as empty:
        files.store(b"", purpose="tests:upload")
    assert empty.value.code == "empty"
    with pytest.raises(ValidationError) as too_large:
        files.store(PDF, purpose="tests:upload", max_bytes=10)
    assert too_large.value.code == "too_large"


class RolledBackError(Exception):
    pass


@transaction.atomic
def _store_and_roll_back() -> None:
    files.store(PDF, purpose="tests:letter")
    raise RolledBackError


def _all_files() -> list[Path]:
    return sorted(path for path in files._root().glob("??/*") if path.is_file())


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.mark.django_db(transaction=True)
def test_a_file_takes_its_name_only_when_its_transaction_commits() -> None:
    with transaction.atomic():
        stored = files.store(PDF, purpose="tests:letter")
        assert [path.name for path in _all_files()] == [stored.name + files.PENDING]
    assert [path.name for path in _all_files()] == [stored.name]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_leaves_only_a_temporary_file_that_the_clean_up_removes() -> None:
    with pytest.raises(RolledBackError):
        _store_and_roll_back()
    [left] = _all_files()
    assert left.name.endswith(files.PENDING)

    out = StringIO()
    call_command("removestrayfiles", stdout=out)
    assert _all_files() == [left]  # younger than an hour: its transaction may still be running
    _age(left, 3601)
    call_command("removestrayfiles", "--dry-run", stdout=out)
    assert _all_files() == [left]
    assert "Would remove 1 stray files (1 temporary, 0 unreferenced)." in out.getvalue()
    call_command("removestrayfiles", stdout=out)
    assert _all_files() == []
    assert "Removed 1 stray files (1 temporary, 0 unreferenced)." in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_clean_up_removes_unreferenced_files_and_leaves_others_alone() -> None:
    with transaction.atomic():
        orphan = files.store(PDF, purpose="tests:orphan")
    foreign = files._root() / "README.txt"
    foreign.write_text("not the store's")
    _age(files.path_of(orphan.name), 7200)
    out = StringIO()
    call_command("removestrayfiles", stdout=out)
    assert "Removed 1 stray files (0 temporary, 1 unreferenced)." in out.getvalue()
    assert not files.path_of(orphan.name).exists()
    assert foreign.exists()
