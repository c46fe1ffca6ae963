"""The reporter's pages on a phone (390 by 844) in Chromium: coming back with the receipt code
alone, reading the office's reply, answering with a photo whose EXIF and GPS are gone when it is
stored, and leaving; axe finds no serious or critical violation in nb, en and ar."""

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, FilePayload, Page, expect
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases.models import Document
from likeverd.cases.services.documents import document_purpose
from likeverd.core import files
from likeverd.intake import conversation
from likeverd.intake.models import MessageDirection, ReporterMessage
from likeverd.intake.receipts import format_code
from likeverd.intake.tests import evidence_files
from likeverd.intake.tests.reports import public_report

SERIOUS_IMPACTS = {"serious", "critical"}
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context(**PHONE).new_page()


def photo_with_gps(tmp_path: Path) -> Path:
    path = tmp_path / "IMG_20261102_0815.jpg"
    path.write_bytes(evidence_files.photo(size=(120, 90)))
    return path


def walk_the_reporter_pages(page: Page, base: str, code: str, photo: Path) -> Iterator[str]:
    """Every screen of the way back with a code, reached as a reporter would, one name each."""
    page.goto(f"{base}/")
    page.locator(".return-link a").click()
    yield "code page"
    page.locator("#id_code").fill("1234")
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator("#id_code_errors")).to_be_visible()
    yield "code page, too few digits"
    page.locator("#id_code").fill(format_code(code))
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator(".conversation")).to_be_visible()
    yield "the report, with a reply"
    letter: FilePayload = {
        "name": "letter.pdf",
        "mimeType": "application/pdf",
        "buffer": evidence_files.pdf_with_javascript(),
    }
    page.locator("#id_file").set_input_files(files=[letter])
    page.locator("#id_body").fill("Here is the letter")
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator("#id_file_errors")).to_be_visible()
    expect(page.locator("#id_body")).to_have_value("Here is the letter")
    yield "the report, a file refused"
    page.locator("#id_file").set_input_files(str(photo))
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator(".message-file")).to_be_visible()
    yield "the report, answered with a photo"
    page.locator(".reporter-bar button[type=submit]").click()
    expect(page.locator("#id_code")).to_be_visible()
    yield "code page after leaving"


@pytest.mark.parametrize("language", ["nb", "en", "ar", "ur"])
def test_the_reporters_pages_pass_axe_and_fit_a_phone(
    phone: Page, live_server: LiveServer, office: Office, adviser: User, language: str, tmp_path: Path
) -> None:
    report = public_report(office)
    conversation.reply_to_reporter(
        viewer=viewer_of(adviser), case=report.case, body="Can you send us a photo?", site_url=live_server.url
    )
    axe = Axe()
    found: dict[str, list[str]] = {}
    screens = []
    for screen in walk_the_reporter_pages(
        phone, f"{live_server.url}/{language}", report.code, photo_with_gps(tmp_path)
    ):
        screens.append(screen)
        expect(phone.locator("html")).to_have_attribute("lang", language)
        widths = phone.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth,"
            " client: document.documentElement.clientWidth})"
        )
        assert widths["scroll"] <= widths["client"], f"{screen} scrolls sideways on a phone: {widths}"
        for violation in axe.run(phone).response["violations"]:
            if violation["impact"] in SERIOUS_IMPACTS:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                found.setdefault(screen, []).append(
                    f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}"
                )
    assert len(screens) == 6
    report_text = "\n".join(f"{screen}:\n  " + "\n  ".join(lines) for screen, lines in found.items())
    assert not found, f"serious accessibility violations in {language}:\n{report_text}"


def test_in_arabic_the_reporter_reads_the_reply_and_answers_with_a_photo_that_loses_its_gps(
    phone: Page,
    live_server: LiveServer,
    office: Office,
    adviser: User,
    tmp_path: Path,
) -> None:
    report = public_report(office, language="ar")
    conversation.reply_to_reporter(
        viewer=viewer_of(adviser),
        case=report.case,
        body="شكراً. هل يمكنك إرسال صورة؟",
        site_url=live_server.url,
    )
    photo = photo_with_gps(tmp_path)

    phone.goto(f"{live_server.url}/ar/receipt/")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    phone.locator("#id_code").fill(format_code(report.code))
    phone.locator("form.stacked-form button[type=submit]").click()
    expect(phone.locator(".message-office")).to_contain_text("هل يمكنك إرسال صورة؟")
    phone.locator("#id_body").fill("هذه الصورة من الترام")
    phone.locator("#id_file").set_input_files(str(photo))
    phone.locator("form.stacked-form button[type=submit]").click()
    expect(phone.locator(".message-mine")).to_contain_text("هذه الصورة من الترام")

    answer = ReporterMessage.objects.get(direction=MessageDirection.FROM_REPORTER)
    assert answer.body == "هذه الصورة من الترام"
    document = Document.objects.get(case=report.case)
    stored = files.read(document.storage_name, purpose=document_purpose(document.public_id))
    _assert_no_exif_or_gps(stored)


def _assert_no_exif_or_gps(data: bytes) -> None:
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert image.getexif().get_ifd(evidence_files.GPS_IFD) == {}
    for word in evidence_files.SECRET_WORDS:
        assert word not in data
