"""Booking a time on a phone (390 by 844) in Chromium, in Arabic (right to left): from the office
page to the booked time and its cancellation, with no serious accessibility violation and no
sideways scrolling; and the same booking with JavaScript turned off."""

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.intake.booking.models import Booking, BookingStatus, SlotKind
from likeverd.intake.tests.booking.factories import a_slot

SERIOUS_IMPACTS = {"serious", "critical"}
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def oslo() -> Office:
    return OfficeFactory.create(
        name="DiMe Oslo",
        code="OSL",
        jurisdiction=Jurisdiction.NORWAY,
        municipalities=["Oslo"],
        languages=["nb", "ar"],
    )


def check_page(page: Page) -> None:
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], f"the page scrolls sideways on a phone: {widths}"
    serious = [v for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS_IMPACTS]
    assert serious == [], [v["id"] for v in serious]


@pytest.mark.parametrize("javascript", [True, False])
def test_a_person_books_a_meeting_in_arabic_on_a_phone_and_cancels_it(
    new_context: Callable[..., BrowserContext], live_server: LiveServer, oslo: Office, javascript: bool
) -> None:
    slot = a_slot(oslo, kind=SlotKind.MEETING, place="Storgata 1, Oslo")
    page = new_context(**PHONE, java_script_enabled=javascript).new_page()
    page.goto(f"{live_server.url}/ar/offices/osl/")
    assert page.locator("html").get_attribute("dir") == "rtl"

    page.get_by_role("link", name="احجز اتصالاً أو لقاءً").click()
    if javascript:
        check_page(page)
    page.locator(f"a[href*='{slot.public_id}']").click()
    if javascript:
        check_page(page)
    page.get_by_label("الاسم أو اللقب").fill("أمل")
    page.get_by_label("الهاتف").fill("+47 900 11 222")
    page.get_by_label("أحتاج إلى مترجم").check()
    page.get_by_role("button", name="احجز هذا الموعد").click()

    expect(page.get_by_role("heading", level=1, name="تم حجز موعدك")).to_be_visible()
    if javascript:
        check_page(page)
    booking = Booking.objects.get()
    assert (booking.name, booking.language, booking.needs_interpreter) == ("أمل", "ar", True)

    page.get_by_role("button", name="ألغِ الحجز").click()
    expect(page.get_by_role("heading", level=1, name="هذا الحجز ملغى")).to_be_visible()
    assert Booking.objects.get().status == BookingStatus.CANCELLED
