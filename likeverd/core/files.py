"""The one encrypted file store: staff uploads now; evidence, drafts and agreements later.

A file arrives as bytes or as an upload. Its type is sniffed from its content (never taken from
its name), markup is refused, and it is encrypted (ADR 0002) under a random name ending in the
sniffed type's extension. It is written under a temporary name and renamed when the surrounding
transaction commits, so a rolled-back transaction leaves only a temporary file, which
`likeverd cleanfiles` removes. Apps tell the store which files their rows still refer to
(`register_references`), for the clean-up and for key rotation.
"""

import os
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from likeverd.core import crypto

# What a person or adviser may store: what can be shown or opened safely, by content type.
FILE_TYPES = {
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

# Suffixes taken off an uploaded name before the sniffed type's extension is added, so that
# "image.png.html" is offered for download as "image.png", never under a name that runs code.
_TYPE_SUFFIXES = frozenset(FILE_TYPES.values()) | {
    "htm", "html", "xhtml", "shtml", "mht", "mhtml", "svg", "svgz", "hta", "xml", "xsl", "js", "mjs",
    "exe", "com", "bat", "cmd", "scr", "msi", "ps1", "vbs", "lnk", "jar", "jpeg", "jfif", "tif", "tiff",
    "doc", "rtf", "text", "csv", "md",
}  # fmt: skip

# Text a browser or the desktop would run as a document: HTML, SVG, HTA, XML and their kin.
_MARKUP_START = re.compile(r"\A[\ufeff\s]*<[a-zA-Z!?/]")
_MARKUP_ANYWHERE = re.compile(
    r"<\s*(?:!doctype|\?xml|html|head|body|script|svg|math|iframe|frame|object|embed|meta|base|style"
    r"|link|form|img|hta:application|xml)\b",
    re.IGNORECASE,
)

SNIFF_BYTES = 8192
PENDING = ".pending"  # written, waiting for its transaction to commit
REWRITING = ".rewrite"  # being re-encrypted by key rotation
_STORED_NAME = re.compile(r"\A[0-9a-f]{40}(?:\.[a-z0-9]{1,5})?\Z")


@dataclass(frozen=True)
class StoredFile:
    name: str
    content_type: str
    size: int

    @property
    def extension(self) -> str:
        return FILE_TYPES[self.content_type]


def sniff_content_type(content: bytes) -> str | None:
    """The content type of `content`, from its first bytes; text is "text/plain"."""
    head = content[:SNIFF_BYTES]
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


def is_markup(content: bytes) -> bool:
    text = content[:SNIFF_BYTES].decode("utf-8", errors="replace")
    return bool(_MARKUP_START.match(text) or _MARKUP_ANYWHERE.search(text))


def download_name(uploaded: str, content_type: str) -> str:
    """The name a file is offered under: the uploaded name's stem and the sniffed type's extension."""
    stem = uploaded.replace("\\", "/").rsplit("/", 1)[-1].strip()
    while "." in stem and stem.rsplit(".", 1)[1].lower() in _TYPE_SUFFIXES:
        stem = stem.rsplit(".", 1)[0]
    stem = stem.strip(". ") or "document"
    return f"{stem[:190]}.{FILE_TYPES.get(content_type, 'bin')}"


def _root() -> Path:
    return Path(settings.DOCUMENT_ROOT)


def _final_path(name: str) -> Path:
    if not _STORED_NAME.match(name):
        raise ValueError("not the name of a stored file")
    return _root() / name[:2] / name


def path_of(name: str) -> Path:
    """Where the file is now: under its name, or its temporary name until its transaction commits."""
    final = _final_path(name)
    pending = final.with_name(final.name + PENDING)
    return pending if not final.exists() and pending.exists() else final


def _write(path: Path, data: bytes) -> None:
    with path.open("xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _content_of(content: "bytes | UploadedFile[bytes]", max_bytes: int) -> bytes:
    size = len(content) if isinstance(content, bytes) else (content.size or 0)
    if size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    data = content if isinstance(content, bytes) else b"".join(content.chunks())
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(data) > max_bytes:  # an upload may be larger than it announced
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(len(data)), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    return data


def store(
    content: "bytes | UploadedFile[bytes]", *, purpose: str, max_bytes: int | None = None
) -> StoredFile:
    """Check, encrypt and store `content`; it takes its name when the current transaction commits.

    `purpose` is bound into the ciphertext (ADR 0002) and names the row that owns the file,
    for example "document:<public id>"; the same purpose reads it back.
    """
    data = _content_of(content, settings.DOCUMENT_MAX_BYTES if max_bytes is None else max_bytes)
    content_type = sniff_content_type(data)
    if content_type == "text/plain" and is_markup(data):
        raise ValidationError(
            _(
                "This file is a web page or other markup (HTML, SVG, XML), which can carry hidden "
                "scripts, so it cannot be stored. Save it as PDF or take a screenshot, and upload that."
            ),
            code="file_type",
        )
    if content_type not in FILE_TYPES:
        raise ValidationError(
            _(
                "This kind of file cannot be stored. Use PDF, an image (JPEG, PNG, HEIC), "
                "Word or OpenDocument text, plain text or an audio recording."
            ),
            code="file_type",
        )
    name = f"{secrets.token_hex(20)}.{FILE_TYPES[content_type]}"
    final = _final_path(name)
    pending = final.with_name(final.name + PENDING)
    final.parent.mkdir(parents=True, exist_ok=True)
    _write(pending, crypto.encrypt(data, purpose=purpose))
    transaction.on_commit(lambda: pending.replace(final))
    return StoredFile(name=name, content_type=content_type, size=len(data))


def read(name: str, *, purpose: str) -> bytes:
    return crypto.decrypt(path_of(name).read_bytes(), purpose=purpose)


def reencrypt(name: str, *, purpose: str) -> bool:
    """Rewrite the file under the current key (atomically: a new file, then a rename).

    Returns False, without writing, when it already is under the current key.
    """
    path = path_of(name)
    token = path.read_bytes()
    if crypto.is_current(token):
        return False
    fresh = crypto.encrypt(crypto.decrypt(token, purpose=purpose), purpose=purpose)
    temporary = path.with_name(path.name + REWRITING)
    temporary.unlink(missing_ok=True)  # left by an interrupted rotation
    _write(temporary, fresh)
    temporary.replace(path)
    return True


# --- which files rows refer to ----------------------------------------------------------------

# Each yields (stored name, purpose) for every file its app's rows refer to.
References = Callable[[], Iterable[tuple[str, str]]]
_references: dict[str, References] = {}


def register_references(label: str, references: References) -> None:
    """Called from an app's AppConfig.ready(): the files its rows refer to, with their purposes."""
    _references[label] = references


def referenced_files() -> Iterator[tuple[str, str, str]]:
    """(label, stored name, purpose) of every file some row refers to."""
    for label, references in sorted(_references.items()):
        for name, purpose in references():
            yield label, name, purpose


@dataclass(frozen=True)
class Stray:
    path: Path
    reason: str  # "temporary" or "unreferenced"


def find_strays(*, older_than_seconds: float, now: float) -> list[Stray]:
    """Temporary files and files no row refers to, untouched for `older_than_seconds`.

    A temporary file whose row exists (its transaction committed, the rename did not happen)
    is not a stray: `finish_pending` gives it its name.
    """
    root = _root()
    if not root.is_dir():
        return []
    candidates = [
        path
        for path in sorted(root.glob("??/*"))
        if path.is_file() and now - path.stat().st_mtime >= older_than_seconds
    ]
    # Listed before the references are read: a file renamed meanwhile is already referenced.
    referenced = {name for _label, name, _purpose in referenced_files()}
    strays = []
    for path in candidates:
        stored_name = path.name.removesuffix(PENDING).removesuffix(REWRITING)
        if not _STORED_NAME.match(stored_name) or path.parent.name != stored_name[:2]:
            continue  # not the store's: left alone
        if path.name != stored_name:
            if stored_name not in referenced or path.name.endswith(REWRITING):
                strays.append(Stray(path, "temporary"))
        elif stored_name not in referenced:
            strays.append(Stray(path, "unreferenced"))
    return strays


def finish_pending() -> int:
    """Give its name to every temporary file whose row exists; returns how many."""
    finished = 0
    for _label, name, _purpose in referenced_files():
        final = _final_path(name)
        pending = final.with_name(final.name + PENDING)
        if pending.exists() and not final.exists():
            pending.replace(final)
            finished += 1
    return finished
