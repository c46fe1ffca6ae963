"""The per-address limits as a hurried person on a phone (390 by 844) meets them, right to left:
a reporter writing to the office once too often, and a person booking once too often, get a
clear message in their language, keep everything they typed, and the page still fits the phone."""

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.intake.booking.models import Booking
from likeverd.intake.models import ReporterMessage
from likeverd.intake.receipts import format_code
from likeverd.intake.tests.booking.factories import a_slot
from likeverd.intake.tests.reports import public_report

SERIOUS_IMPACTS = {"serious", "critical"}
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def oslo() -> Office:
    return OfficeFactory.create(
        name="DiMe Oslo",
        code="OSL",
        jurisdiction=Jurisdiction.NORWAY,
        municipalities=["Oslo"],
        languages=["ar"],
    )


@pytest.fixture
def phone(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context(**PHONE).new_page()


def fits_and_passes_axe(page: Page) -> None:
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], f"the page scrolls sideways on a phone: {widths}"
    serious = [v for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS_IMPACTS]
    assert serious == [], [v["id"] for v in serious]


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_a_reporter_writing_once_too_often_is_told_so_and_keeps_the_text(
    phone: Page, live_server: LiveServer, oslo: Office, settings: Settings, language: str
) -> None:
    settings.INTAKE_MESSAGES_PER_HOUR = 1
    report = public_report(oslo)
    phone.goto(f"{live_server.url}/{language}/receipt/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    phone.locator("#id_code").fill(format_code(report.code))
    phone.locator("form.stacked-form button[type=submit]").click()
    phone.locator("#id_body").fill("الرسالة الأولى")
    phone.locator("form.stacked-form button[type=submit]").click()
    expect(phone.locator(".conversation")).to_contain_text("الرسالة الأولى")

    second = "الرسالة الثانية، مع تفاصيل أكثر عما حدث في الحافلة"
    phone.locator("#id_body").fill(second)
    phone.locator("form.stacked-form button[type=submit]").click()

    alert = phone.locator("form.stacked-form .alert-error[role=alert]")
    expect(alert).to_be_visible()
    assert "Many messages" not in alert.inner_text()
    expect(phone.locator("#id_body")).to_have_value(second)
    fits_and_passes_axe(phone)
    assert ReporterMessage.objects.count() == 1


def test_a_person_booking_once_too_often_is_told_so_and_keeps_the_answers(
    phone: Page, live_server: LiveServer, oslo: Office, settings: Settings
) -> None:
    settings.INTAKE_BOOKINGS_PER_HOUR = 1
    first, second = a_slot(oslo, in_hours=30), a_slot(oslo, in_hours=31)
    for slot, name in ((first, "أمل"), (second, "أمل مرة ثانية")):
        phone.goto(f"{live_server.url}/ar/offices/osl/book/")
        phone.locator(f"a[href*='{slot.public_id}']").click()
        phone.get_by_label("الاسم أو اللقب").fill(name)
        phone.get_by_label("الهاتف").fill("+47 900 11 222")
        phone.get_by_role("button", name="احجز هذا الموعد").click()

    expect(phone.locator(".alert-error[role=alert]")).to_be_visible()
    assert "Many times" not in phone.locator(".alert-error[role=alert]").inner_text()
    expect(phone.get_by_label("الاسم أو اللقب")).to_have_value("أمل مرة ثانية")
    expect(phone.get_by_label("الهاتف")).to_have_value("+47 900 11 222")
    fits_and_passes_axe(phone)
    assert Booking.objects.count() == 1
