"""Real evidence files as a phone or an office program makes them: photos with EXIF and GPS, XMP
and colour profiles, screenshots with text chunks, PDFs with an author, XMP, scripts or
attachments. Shared by the evidence tests and the browser test of a report with a photo."""

import io

import pikepdf
from PIL import Image, ImageCms, PngImagePlugin

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
ORIENTATION = 0x0112
ARTIST = 0x013B
MAKE, MODEL = 0x010F, 0x0110
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Amina Hassan</dc:creator>'
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)
SECRET_WORDS = (b"Amina Hassan", b"Pixel 9", b"Google", b"59.91", b"xmpmeta")


def exif_with_gps(
    *, latitude: float = 59.9139, longitude: float = 10.7522, orientation: int = 1
) -> Image.Exif:
    """EXIF as a phone writes it: maker, model, artist, orientation and a GPS position."""
    exif = Image.Exif()
    exif[MAKE] = "Google"
    exif[MODEL] = "Pixel 9"
    exif[ARTIST] = "Amina Hassan"
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N" if latitude >= 0 else "S"
    gps[2] = _degrees(abs(latitude))
    gps[3] = "E" if longitude >= 0 else "W"
    gps[4] = _degrees(abs(longitude))
    return exif


def _degrees(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return (float(degrees), float(minutes), seconds)


def icc_profile() -> bytes:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return bytes(profile.tobytes())


def photo(
    *,
    size: tuple[int, int] = (64, 48),
    orientation: int = 1,
    fmt: str = "JPEG",
    mode: str = "RGB",
    latitude: float = 59.9139,
    longitude: float = 10.7522,
) -> bytes:
    """A photo with EXIF (GPS, maker, artist), XMP and an ICC profile. Its left half is red and its
    right half blue, so a test can tell which way it was turned."""
    image = Image.new(mode, size, _colour(mode, (255, 0, 0)))
    image.paste(_colour(mode, (0, 0, 255)), (size[0] // 2, 0, size[0], size[1]))
    out = io.BytesIO()
    exif = exif_with_gps(latitude=latitude, longitude=longitude, orientation=orientation)
    options: dict[str, object] = {"exif": exif.tobytes()}
    if fmt in ("JPEG", "WEBP", "PNG"):
        options["icc_profile"] = icc_profile()
    if fmt in ("JPEG", "WEBP", "PNG"):
        options["xmp"] = XMP
    if fmt == "JPEG":
        options["comment"] = b"Amina Hassan"
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "Amina Hassan")
        info.add_itxt("Description", "Taken at 59.91 N", lang="en")
        options["pnginfo"] = info
    image.save(out, format=fmt, **options)
    return out.getvalue()


def _colour(mode: str, rgb: tuple[int, int, int]) -> int | tuple[int, ...]:
    if mode == "L":
        return sum(rgb) // 3
    if mode == "RGBA":
        return (*rgb, 255)
    return rgb


def pdf_with_author(*, with_photo: bool = False) -> bytes:
    """A one-page PDF with an author, producer and XMP; optionally a photo that keeps its EXIF."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    pdf.docinfo["/Author"] = "Amina Hassan"
    pdf.docinfo["/Producer"] = "Pixel 9 scanner"
    pdf.docinfo["/Creator"] = "Google"
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = ["Amina Hassan"]
        meta["xmp:CreatorTool"] = "Pixel 9"
    if with_photo:
        jpeg = photo(size=(32, 32))
        image = pikepdf.Stream(pdf, jpeg)
        image["/Type"] = pikepdf.Name.XObject
        image["/Subtype"] = pikepdf.Name.Image
        image["/Width"] = 32
        image["/Height"] = 32
        image["/ColorSpace"] = pikepdf.Name.DeviceRGB
        image["/BitsPerComponent"] = 8
        image["/Filter"] = pikepdf.Name.DCTDecode
        page = pdf.pages[0]
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.Contents = pikepdf.Stream(pdf, b"q 100 0 0 100 50 50 cm /Im0 Do Q")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdf_with_javascript() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdf_with_attachment() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(
        pdf,
        b"MZ\x90\x00 not really a program",
        description="",
        filename="payload.exe",
        mime_type="application/octet-stream",
        creation_date="",
        mod_date="",
    )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdf_with_password() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(owner="owner", user="secret"))
    return out.getvalue()
