"""Issue 8's proof on a phone (390 by 844) in Chromium: an anonymous report in Arabic with a photo
that carries EXIF and a GPS position; the receipt code read from the confirmation page; an
adviser's reply from the case page; the reporter reads it and answers with the code alone; the
stored photo, decrypted from the file store, has no EXIF or GPS."""

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image
from playwright.sync_api import BrowserContext, expect
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import Jurisdiction, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import OfficeFactory, make_staff
from likeverd.cases.models import Case, Channel, Document
from likeverd.cases.services.documents import document_purpose
from likeverd.core import files
from likeverd.intake.models import MessageDirection, ReporterMessage
from likeverd.intake.receipts import normalise_code
from likeverd.intake.tests import evidence_files

PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
NARRATIVE = "كنت في الترام رقم 17. صرخ رجل في وجهي بسبب حجابي وقال لي أن أعود إلى بلدي."
REPLY = "شكراً لك. هل تتذكرين الساعة تقريباً؟"
ANSWER = "نعم، حوالي الساعة الثامنة صباحاً."


def test_an_anonymous_report_in_arabic_then_a_reply_and_an_answer_with_the_code_alone(
    new_context: Callable[..., BrowserContext],
    sign_in: Callable[[BrowserContext, User], None],
    live_server: LiveServer,
    tmp_path: Path,
) -> None:
    oslo: Office = OfficeFactory.create(
        name="DiMe Oslo",
        code="OSL",
        jurisdiction=Jurisdiction.NORWAY,
        municipalities=["Oslo"],
        languages=["ar"],
    )
    adviser = make_staff(oslo, Role.ADVISER)
    picture = tmp_path / "IMG_20261102_0815.jpg"
    picture.write_bytes(evidence_files.photo(size=(160, 120)))
    assert Image.open(picture).getexif().get_ifd(evidence_files.GPS_IFD), "the photo must carry GPS"

    # The report, in Arabic, on a phone, step by step (JavaScript on), anonymous.
    phone = new_context(**PHONE).new_page()
    phone.goto(f"{live_server.url}/ar/offices/osl/")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    phone.locator("a[href='/ar/offices/osl/report/']").first.click()
    phone.locator("input[name=reporter_kind][value=myself]").check()
    phone.locator(".report-step:not([hidden]) .button-primary").first.click()
    phone.locator("textarea[name=narrative]").fill(NARRATIVE)
    for _ in range(2):
        phone.locator(".report-step:not([hidden]) .button-primary").first.click()
    phone.locator("input[name=evidence]").set_input_files(str(picture))
    phone.locator(".report-step:not([hidden]) .button-primary").first.click()
    expect(phone.locator("input[name=contact][value=anonymous]")).to_be_checked()
    phone.locator("input[name=consent]").check()
    phone.locator("button[type=submit]:visible").last.click()

    # The confirmation shows the code once; the reporter writes it down.
    code_on_page = phone.locator(".receipt-code").inner_text()
    code = normalise_code(code_on_page)
    assert code is not None, code_on_page
    assert len(code_on_page.split()) == 4  # four groups of four, to read aloud
    case = Case.objects.get()
    assert case.channel == Channel.WEB
    assert case.narrative == NARRATIVE

    # The adviser answers from the case page.
    desk = new_context()
    sign_in(desk, adviser)
    staff = desk.new_page()
    staff.goto(f"{live_server.url}/en/staff/cases/{case.public_id}/")
    staff.locator("#reporter-messages textarea[name=body]").fill(REPLY)
    staff.locator("#reporter-messages button[type=submit]").click()
    expect(staff.locator("#reporter-messages .message-staff")).to_contain_text(REPLY)

    # Later, maybe on another phone: the code alone opens the report.
    later = new_context(**PHONE).new_page()
    later.goto(f"{live_server.url}/ar/")
    later.locator(".return-link a").click()
    later.locator("#id_code").fill(code_on_page)
    later.locator("form.stacked-form button[type=submit]").click()
    expect(later.locator(".message-office")).to_contain_text(REPLY)
    later.locator("#id_body").fill(ANSWER)
    later.locator("form.stacked-form button[type=submit]").click()
    expect(later.locator(".message-mine")).to_contain_text(ANSWER)
    later.locator(".reporter-bar button[type=submit]").click()
    expect(later.locator("#id_code")).to_be_visible()

    directions = list(ReporterMessage.objects.filter(case=case).values_list("direction", "author"))
    assert directions == [(MessageDirection.TO_REPORTER, adviser.pk), (MessageDirection.FROM_REPORTER, None)]
    staff.reload()
    expect(staff.locator("#reporter-messages .message-reporter")).to_contain_text(ANSWER)

    # The photo as stored: encrypted on disk, and without EXIF or GPS once decrypted.
    [document] = Document.objects.filter(case=case)
    on_disk = files.path_of(document.storage_name).read_bytes()
    assert not on_disk.startswith(b"\xff\xd8")
    stored = files.read(document.storage_name, purpose=document_purpose(document.public_id))
    image = Image.open(io.BytesIO(stored))
    assert image.size == (160, 120)
    assert len(image.getexif()) == 0
    assert image.getexif().get_ifd(evidence_files.GPS_IFD) == {}
    assert "exif" not in image.info
    for word in evidence_files.SECRET_WORDS:
        assert word not in stored
