"""Evidence from the public: every file is cleaned of what could identify its maker before it is
stored, or refused with a reason the reporter can act on.

`clean_upload(upload) -> CleanedFile` is the one way in. The report form and the reporter's
messages call it first and store only `CleanedFile.data` (through likeverd/core/files.py, which
encrypts it). What it does per kind of file, decided by the file's content, never its name:

- **Images** (JPEG, PNG, WebP, which covers phone photos and screenshots): decoded, turned the way
  the camera's orientation tag says (so nothing is shown on its side once the tag is gone),
  converted to sRGB when they carry a colour profile, and re-encoded from the pixels alone into a
  fresh image. No EXIF (camera, time, GPS position), XMP, IPTC, ICC profile text, PNG text chunk
  or comment survives, because nothing but pixels is copied. An animated image keeps its first
  frame. A header claiming more than EVIDENCE_MAX_PIXELS pixels is refused before any pixel is
  decoded (a "decompression bomb": a tiny file that would fill the server's memory).
- **PDF**: opened with pikepdf (qpdf); the document information dictionary (author, creator,
  producer, dates), every XMP metadata stream (the document's and any page's or image's) and
  application private data (/PieceInfo) are removed; the APP and comment segments of every JPEG
  image inside the PDF (where a photo's EXIF and GPS would ride along) are cut out; the file is
  written anew with a file identifier computed from its content. A PDF that carries JavaScript,
  embedded files, launch actions, rich media or an XFA form is refused: these can run code or
  hide other files. So is a password-protected PDF (it cannot be cleaned unopened).
- **Anything else** (HEIC, Word, audio, video, archives, web pages) is refused with a reason
  that says what to send instead.

Every file is limited to EVIDENCE_MAX_BYTES (LIKEVERD_EVIDENCE_MAX_BYTES, default 10 MB) before
and after cleaning. The reasons are translated into the reporter's language.
"""

import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pikepdf
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from likeverd.core import files

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

# Pillow format name -> (content type, options for saving the cleaned image).
_IMAGE_FORMATS: dict[str, tuple[str, dict[str, object]]] = {
    "JPEG": ("image/jpeg", {"quality": 92, "optimize": True}),
    "PNG": ("image/png", {"optimize": True}),
    "WEBP": ("image/webp", {"quality": 92, "method": 4}),
}
_PDF = "application/pdf"

# Keys of a PDF dictionary that mean code to run or files hidden inside.
_PDF_ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/RichMedia", "/XFA"})
_PDF_ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"})
# Keys that hold metadata, on any dictionary of the document.
_PDF_METADATA_KEYS = ("/Metadata", "/PieceInfo")

# JPEG markers: start of image, start of scan, end of image, restart markers (no length).
_SOI, _SOS, _EOI = 0xD8, 0xDA, 0xD9
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
# APP0 (JFIF: pixel density) and APP14 (Adobe: how colours are transformed) change how the image
# is drawn and hold nothing about its maker; every other APPn (EXIF, XMP, ICC, IPTC, makers'
# notes) and COM (comments) is cut.
_KEEP_APP = frozenset({0xE0, 0xEE})


@dataclass(frozen=True)
class CleanedFile:
    """A file fit to store: its offered name, its content type and its cleaned bytes."""

    name: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


class EvidenceRefused(Exception):  # noqa: N818 (a refusal with a reason, not an error of ours)
    """The file cannot be taken; `reason` says why, in the reporter's language."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def max_bytes() -> int:
    return int(settings.EVIDENCE_MAX_BYTES)


def _too_large(size: int) -> EvidenceRefused:
    return EvidenceRefused(
        _("The file is too large (%(size)s). Each file may be at most %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes())}
    )


def _read(upload: "UploadedFile[bytes] | bytes") -> bytes:
    limit = max_bytes()
    if isinstance(upload, bytes):
        data = upload
    else:
        if (upload.size or 0) > limit:
            raise _too_large(upload.size or 0)
        upload.seek(0)
        data = b"".join(upload.chunks())
    if len(data) > limit:  # an upload may be larger than it announced
        raise _too_large(len(data))
    if not data:
        raise EvidenceRefused(_("The file is empty."))
    return data


def clean_upload(upload: "UploadedFile[bytes] | bytes", *, name: str = "") -> CleanedFile:
    """The cleaned file, or EvidenceRefused with a translated reason (see the module docstring).

    `upload` is a Django upload (its name is used) or bytes (with `name`).
    """
    original_name = name or ("" if isinstance(upload, bytes) else (upload.name or ""))
    data = _read(upload)
    if data.lstrip()[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0:
        cleaned, content_type = clean_pdf(data), _PDF
    else:
        cleaned, content_type = clean_image(data)
    if len(cleaned) > max_bytes():
        raise _too_large(len(cleaned))
    return CleanedFile(
        name=files.download_name(original_name, content_type), content_type=content_type, data=cleaned
    )


# --- images -----------------------------------------------------------------------------------


def _refuse_type() -> EvidenceRefused:
    return EvidenceRefused(
        _(
            "This kind of file cannot be taken. Send a photo or screenshot (JPEG, PNG or WebP) "
            "or a PDF. On an iPhone, a screenshot of the photo works."
        )
    )


def clean_image(data: bytes) -> tuple[bytes, str]:
    """(cleaned bytes, content type) of a JPEG, PNG or WebP image: pixels only, re-encoded."""
    limit = int(settings.EVIDENCE_MAX_PIXELS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(_IMAGE_FORMATS))
            width, height = image.size
            if width * height > limit:
                raise EvidenceRefused(_("The picture is too large (too many pixels). Send a smaller copy."))
            fmt = str(image.format)
            image.load()
            oriented = ImageOps.exif_transpose(image)
            pixels = _in_srgb(oriented)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise EvidenceRefused(_("The picture is too large (too many pixels). Send a smaller copy.")) from None
    except UnidentifiedImageError:
        raise _refuse_type() from None
    except (OSError, SyntaxError, ValueError) as error:
        raise EvidenceRefused(
            _("The picture could not be read. It may be damaged: try another copy.")
        ) from error
    content_type, options = _IMAGE_FORMATS[fmt]
    # A fresh image made from the pixels alone: no info dictionary, no EXIF, no profile, no text.
    fresh = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    out = io.BytesIO()
    fresh.save(out, format=fmt, **options)
    return out.getvalue(), content_type


def _in_srgb(image: Image.Image) -> Image.Image:
    """The image's pixels in a mode the output format keeps, in sRGB if it carried a profile."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if image.format == "JPEG" or image.mode == "CMYK":
        has_alpha = False
    icc = image.info.get("icc_profile")
    grey = image.mode in ("L", "1", "I", "I;16")
    target = "RGBA" if has_alpha else ("L" if grey else "RGB")
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            srgb = ImageCms.createProfile("sRGB")
            mode = "RGBA" if image.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(image, source, srgb, outputMode=mode)
            if converted is not None:
                image = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are
    return image if image.mode == target else image.convert(target)


# --- PDF --------------------------------------------------------------------------------------


def clean_pdf(data: bytes) -> bytes:
    """The PDF without its metadata; refused if it is protected or carries code or files."""
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise EvidenceRefused(
            _("This PDF is protected by a password. Save a copy without the password and send that.")
        ) from None
    except pikepdf.PdfError:
        raise EvidenceRefused(_("The PDF could not be read. It may be damaged: try another copy.")) from None
    with pdf:
        if pdf.is_encrypted:
            raise EvidenceRefused(
                _("This PDF is protected by a password. Save a copy without the password and send that.")
            )
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for obj in _dictionaries(pdf):
            if _is_active(obj):
                raise EvidenceRefused(
                    _(
                        "This PDF contains scripts or attached files, which could harm the computer "
                        "that opens it. Print it to a new PDF, or take screenshots, and send those."
                    )
                )
            for key in _PDF_METADATA_KEYS:
                if key in obj:
                    del obj[key]
            if isinstance(obj, pikepdf.Stream) and obj.get("/Filter") == pikepdf.Name.DCTDecode:
                raw = obj.read_raw_bytes()
                stripped = strip_jpeg_metadata(raw)
                if stripped != raw:
                    obj.write(stripped, filter=pikepdf.Name.DCTDecode)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()


def _dictionaries(pdf: pikepdf.Pdf) -> "Iterator[pikepdf.Dictionary | pikepdf.Stream]":
    """Every dictionary and stream of the document: each object of the file, and the dictionaries
    written inside them (an action is often a dictionary inside the catalogue, not an object)."""
    pending: list[object] = [pdf.trailer, *pdf.objects]
    while pending:
        obj = pending.pop()
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj
            children = list(obj.values())
        elif isinstance(obj, pikepdf.Array):
            children = list(obj)
        else:
            continue
        # Objects of their own are in pdf.objects already; only direct ones are walked into.
        pending.extend(c for c in children if isinstance(c, pikepdf.Object) and not c.is_indirect)


def _is_active(obj: "pikepdf.Dictionary | pikepdf.Stream") -> bool:
    if any(key in obj for key in _PDF_ACTIVE_KEYS):
        return True
    if obj.get("/S") in _PDF_ACTIVE_ACTIONS:
        return True
    return obj.get("/Type") == pikepdf.Name.EmbeddedFile or obj.get("/Subtype") in (
        pikepdf.Name.FileAttachment,
        pikepdf.Name.RichMedia,
    )


def strip_jpeg_metadata(data: bytes) -> bytes:
    """A JPEG stream without its EXIF, XMP, ICC, IPTC and comment segments; the image data is
    copied unchanged. Anything that does not parse as JPEG is returned as it was."""
    if data[:2] != b"\xff\xd8":
        return data
    out = bytearray(data[:2])
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return data
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in _STANDALONE:
            out += data[at : at + 2]
            at += 2
            continue
        if marker == _EOI:
            out += data[at:]
            return bytes(out)
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if length < 2 or at + 2 + length > len(data):
            return data
        end = at + 2 + length
        if marker == _SOS:
            out += data[at:]  # the scan and everything after it: image data
            return bytes(out)
        is_metadata = (0xE0 <= marker <= 0xEF and marker not in _KEEP_APP) or marker == 0xFE
        if not is_metadata:
            out += data[at:end]
        at = end
    return data
