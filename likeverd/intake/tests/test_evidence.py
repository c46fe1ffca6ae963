"""Evidence from the public is stored without what could identify its maker: no EXIF, GPS, XMP,
profile text or author survives, and what cannot be cleaned is refused with a reason."""

import io
from collections.abc import Iterator

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pytest_django.fixtures import Settings

from likeverd.intake.evidence import CleanedFile, EvidenceRefused, clean_upload, strip_jpeg_metadata
from likeverd.intake.tests import evidence_files as make
from likeverd.intake.tests.evidence_files import GPS_IFD, SECRET_WORDS


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    with translation.override("en"):
        yield


def _assert_no_metadata(cleaned: CleanedFile) -> Image.Image:
    image = Image.open(io.BytesIO(cleaned.data))
    exif = image.getexif()
    assert len(exif) == 0, dict(exif)
    assert exif.get_ifd(GPS_IFD) == {}
    assert "exif" not in image.info
    assert "icc_profile" not in image.info
    assert "xmp" not in image.info
    assert "XML:com.adobe.xmp" not in image.info
    assert "comment" not in image.info
    assert not [key for key in image.info if key in ("Author", "Description")]
    for word in SECRET_WORDS:
        assert word not in cleaned.data, word
    return image


def _colour_at(image: Image.Image, x: int, y: int) -> str:
    pixel = image.getpixel((x, y))
    assert isinstance(pixel, tuple)
    red, _green, blue = pixel[:3]
    return "red" if red > 200 and blue < 60 else "blue" if blue > 200 and red < 60 else f"{pixel}"


@pytest.mark.parametrize(("fmt", "content_type", "extension"), [
    ("JPEG", "image/jpeg", "jpg"),
    ("PNG", "image/png", "png"),
    ("WEBP", "image/webp", "webp"),
])  # fmt: skip
def test_a_photo_keeps_its_pixels_and_loses_exif_gps_xmp_profile_and_text(
    fmt: str, content_type: str, extension: str
) -> None:
    original = make.photo(fmt=fmt)
    before = Image.open(io.BytesIO(original))
    assert before.getexif().get_ifd(GPS_IFD), "the test photo must carry a GPS position"
    assert b"Amina Hassan" in original

    cleaned = clean_upload(SimpleUploadedFile("IMG_2041.jpeg", original))

    assert cleaned.content_type == content_type
    assert cleaned.name == f"IMG_2041.{extension}"
    image = _assert_no_metadata(cleaned)
    assert image.size == (64, 48)
    rgb = image.convert("RGB")
    assert _colour_at(rgb, 5, 24) == "red", "the left half stays red"
    assert _colour_at(rgb, 58, 24) == "blue", "the right half stays blue"


def test_a_photo_taken_sideways_is_turned_before_its_orientation_tag_is_dropped() -> None:
    # Orientation 6: the camera was turned; viewers rotate the stored 64x48 pixels 90° clockwise.
    cleaned = clean_upload(make.photo(orientation=6), name="tram.jpg")
    image = _assert_no_metadata(cleaned)
    assert image.size == (48, 64)
    assert _colour_at(image.convert("RGB"), 24, 5) == "red", "what was the left (red) half is now on top"


def test_a_screenshot_with_transparency_stays_transparent() -> None:
    cleaned = clean_upload(make.photo(fmt="PNG", mode="RGBA"), name="Screenshot 2026-11-02.png")
    image = _assert_no_metadata(cleaned)
    assert image.mode == "RGBA"
    assert cleaned.name == "Screenshot 2026-11-02.png"


def test_a_grey_photo_stays_grey() -> None:
    image = _assert_no_metadata(clean_upload(make.photo(mode="L"), name="scan.jpg"))
    assert image.mode == "L"


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(
    fmt=st.sampled_from(["JPEG", "PNG", "WEBP"]),
    width=st.integers(1, 40),
    height=st.integers(1, 40),
    orientation=st.integers(1, 8),
    latitude=st.floats(-89.9, 89.9),
    longitude=st.floats(-179.9, 179.9),
)
def test_no_photo_keeps_exif_or_gps_whatever_its_size_orientation_or_place(
    fmt: str, width: int, height: int, orientation: int, latitude: float, longitude: float
) -> None:
    original = make.photo(
        fmt=fmt, size=(width, height), orientation=orientation, latitude=latitude, longitude=longitude
    )
    image = _assert_no_metadata(clean_upload(original, name="photo.jpg"))
    turned = orientation >= 5  # 5 to 8 swap width and height
    assert image.size == ((height, width) if turned else (width, height))


def test_a_pdf_loses_its_author_producer_and_xmp_and_still_opens() -> None:
    original = make.pdf_with_author()
    assert b"Amina Hassan" in original

    cleaned = clean_upload(SimpleUploadedFile("klage.pdf", original, content_type="application/pdf"))

    assert cleaned.content_type == "application/pdf"
    assert cleaned.name == "klage.pdf"
    with pikepdf.open(io.BytesIO(cleaned.data)) as pdf:
        assert len(pdf.pages) == 1
        assert "/Info" not in pdf.trailer or dict(pdf.docinfo) == {}
        assert "/Metadata" not in pdf.Root
    for word in (b"Amina Hassan", b"Pixel 9", b"Google", b"xmpmeta"):
        assert word not in cleaned.data, word


def test_a_photo_inside_a_pdf_loses_its_exif_and_gps_but_not_its_pixels() -> None:
    original = make.pdf_with_author(with_photo=True)
    cleaned = clean_upload(original, name="scan.pdf")
    for word in SECRET_WORDS:
        assert word not in cleaned.data, word
    with pikepdf.open(io.BytesIO(cleaned.data)) as pdf:
        stream = pdf.pages[0].Resources.XObject.Im0
        image = Image.open(io.BytesIO(stream.read_raw_bytes()))
        assert image.size == (32, 32)
        assert len(image.getexif()) == 0
        image.load()


@pytest.mark.parametrize(("content", "words"), [
    (make.pdf_with_javascript(), "scripts or attached files"),
    (make.pdf_with_attachment(), "scripts or attached files"),
    (make.pdf_with_password(), "password"),
    (b"%PDF-1.7\n this is not a PDF at all", "could not be read"),
    (b"\xff\xd8\xff\xe0 broken jpeg", "could not be read"),
    (b"<html><script>alert(1)</script></html>", "cannot be taken"),
    (b"PK\x03\x04 a word document", "cannot be taken"),
    (b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64, "cannot be taken"),
    (b"GIF89a" + b"\x00" * 64, "cannot be taken"),
    (b"", "empty"),
])  # fmt: skip
def test_what_cannot_be_cleaned_is_refused_with_a_reason(content: bytes, words: str) -> None:
    with pytest.raises(EvidenceRefused) as refused:
        clean_upload(SimpleUploadedFile("evidence.pdf", content))
    assert words in refused.value.reason


def test_the_reason_is_in_the_reporters_language() -> None:
    with translation.override("nb"), pytest.raises(EvidenceRefused) as refused:
        clean_upload(b"PK\x03\x04 a word document", name="notat.docx")
    assert "JPEG, PNG" in refused.value.reason
    assert "cannot be taken" not in refused.value.reason


def test_a_file_over_the_limit_is_refused_before_it_is_read(settings: Settings) -> None:
    settings.EVIDENCE_MAX_BYTES = 1000
    with pytest.raises(EvidenceRefused) as refused:
        clean_upload(SimpleUploadedFile("big.jpg", make.photo(size=(200, 200)) + b"\x00" * 2000))
    assert "too large" in refused.value.reason
    assert "1000\xa0bytes" in refused.value.reason


def test_a_decompression_bomb_is_refused_before_its_pixels_are_decoded(settings: Settings) -> None:
    # A PNG that claims 30,000 x 30,000 pixels in a few hundred bytes: decoded, it would take 2.7 GB.
    bomb = Image.new("L", (30_000, 30_000))
    out = io.BytesIO()
    bomb.save(out, format="PNG")
    assert len(out.getvalue()) < 1_000_000
    with pytest.raises(EvidenceRefused) as refused:
        clean_upload(out.getvalue(), name="bomb.png")
    assert "too many pixels" in refused.value.reason


def test_the_pixel_limit_is_a_setting(settings: Settings) -> None:
    settings.EVIDENCE_MAX_PIXELS = 100
    with pytest.raises(EvidenceRefused):
        clean_upload(make.photo(size=(20, 20)), name="photo.jpg")
    settings.EVIDENCE_MAX_PIXELS = 400
    assert clean_upload(make.photo(size=(20, 20)), name="photo.jpg").content_type == "image/jpeg"


def test_a_name_that_would_run_as_a_page_is_offered_under_the_cleaned_type() -> None:
    cleaned = clean_upload(make.photo(fmt="PNG"), name="photo.png.html")
    assert cleaned.name == "photo.png"


@given(st.binary(max_size=300))
def test_stripping_jpeg_segments_never_fails_on_any_bytes(data: bytes) -> None:
    stripped = strip_jpeg_metadata(data)
    assert len(stripped) <= len(data)


@given(st.binary(max_size=200))
def test_cleaning_arbitrary_bytes_either_cleans_or_refuses(data: bytes) -> None:
    outcome: str
    try:
        outcome = clean_upload(data, name="x").content_type
    except EvidenceRefused as refused:
        outcome = "refused" if refused.reason else "refused without a reason"
    assert outcome in ("refused", "image/jpeg", "image/png", "image/webp", "application/pdf")


def test_stripping_keeps_a_jpeg_that_has_no_metadata_byte_for_byte() -> None:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 20, 30)).save(out, format="JPEG")
    plain = out.getvalue()
    assert strip_jpeg_metadata(plain) == plain
