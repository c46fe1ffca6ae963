"""The report form on a phone (390 by 844) in Chromium: a full report with JavaScript turned off,
the same form as steps with JavaScript on, and no serious accessibility violation in nb, en or ar.
"""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.accounts.tests.factories import OfficeFactory
from likeverd.cases.models import Case, Channel, Document, Party, PartyRole
from likeverd.cases.services import document_purpose
from likeverd.core import files
from likeverd.intake.models import WebReport
from likeverd.intake.tests.evidence_files import SECRET_WORDS, photo

SERIOUS_IMPACTS = {"serious", "critical"}
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def oslo() -> Office:
    return OfficeFactory.create(
        name="DiMe Oslo",
        code="OSL",
        jurisdiction=Jurisdiction.NORWAY,
        municipalities=["Oslo", "Bærum"],
        phone="+47 22 00 00 00",
        languages=["nb", "en", "ar"],
    )


def fits_the_phone(page: Page) -> None:
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], f"the page scrolls sideways on a phone: {widths}"


def test_a_full_report_with_javascript_turned_off(
    new_context: Callable[..., BrowserContext], live_server: LiveServer, oslo: Office, tmp_path: Path
) -> None:
    page = new_context(**PHONE, java_script_enabled=False).new_page()
    picture = tmp_path / "tram.jpg"
    picture.write_bytes(photo())
    page.goto(f"{live_server.url}/en/offices/osl/")
    page.get_by_role("link", name="Report what happened to DiMe Oslo").click()
    expect(page.get_by_role("heading", level=1, name="Tell DiMe Oslo what happened")).to_be_visible()
    fits_the_phone(page)

    # Without JavaScript every step is on the one page.
    page.get_by_label("It happened to me").check()
    page.get_by_label("What happened?").fill("A man on the tram shouted at me because of my hijab.")
    page.get_by_label("When did it happen?").fill("last week")
    page.get_by_label("In which municipality did it happen?").fill("Oslo")
    page.get_by_label("In which municipality do you live?").fill("Bærum")
    page.get_by_label("My religion (for example wearing a hijab)").check()
    page.get_by_label("My origin, skin colour or language").check()
    page.get_by_label("A person I do not know, or a private person").check()
    page.get_by_label("Pictures, screenshots or documents").set_input_files(str(picture))
    page.get_by_label("Advice about what I can do").check()
    page.get_by_label("Yes, contact me").check()
    page.get_by_label("What should we call you?").fill("Amina")
    page.get_by_label("E-mail").fill("amina@example.org")
    page.get_by_label("I would like an interpreter").check()
    # Sent without the consent: refused, with everything typed still there (files excepted).
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("We can only take your report if you agree.").first).to_be_visible()
    expect(page.get_by_label("What happened?")).to_have_value(
        "A man on the tram shouted at me because of my hijab."
    )
    expect(page.get_by_label("My religion (for example wearing a hijab)")).to_be_checked()
    expect(page.get_by_label("What should we call you?")).to_have_value("Amina")
    assert Case.objects.count() == 0

    page.get_by_label("Pictures, screenshots or documents").set_input_files(str(picture))
    page.get_by_label("I agree that the office stores what I write here", exact=False).check()
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_role("heading", level=1, name="Your report has arrived")).to_be_visible()
    fits_the_phone(page)

    case = Case.objects.get()
    assert case.office == oslo
    assert case.channel == Channel.WEB
    assert sorted(t.code for t in case.grounds.all()) == ["ETHNICITY", "RELIGION"]
    assert Party.objects.get(case=case, role=PartyRole.PERSON).email == "amina@example.org"
    assert WebReport.objects.get(case=case).reporter_kind == "myself"
    [document] = Document.objects.filter(case=case)
    stored = files.read(document.storage_name, purpose=document_purpose(document.public_id))
    assert all(secret not in stored for secret in SECRET_WORDS)
    # Reloading the confirmation shows it again, without the code and without a second report.
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Your report has arrived")).to_be_visible()
    assert Case.objects.count() == 1


def test_with_javascript_the_form_is_five_steps_and_starts_at_the_first_to_fix(
    new_context: Callable[..., BrowserContext], live_server: LiveServer, oslo: Office
) -> None:
    page = new_context(**PHONE).new_page()
    page.goto(f"{live_server.url}/en/offices/osl/report/")
    expect(page.get_by_label("It happened to me")).to_be_visible()
    expect(page.get_by_label("What happened?")).to_be_hidden()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_label("What happened?")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="What happened")).to_be_focused()
    for _ in range(3):
        page.locator(".report-step:not([hidden]) >> role=button[name='Next']").click()
    expect(page.get_by_label("No, I want to stay anonymous")).to_be_checked()
    expect(page.get_by_label("What should we call you?")).to_be_hidden()
    page.get_by_label("Yes, contact me").check()
    expect(page.get_by_label("What should we call you?")).to_be_visible()
    page.get_by_label("I agree that the office stores what I write here", exact=False).check()
    page.get_by_role("button", name="Send the report").click()
    # What happened was left empty: the form opens at that step, with the error.
    expect(page.get_by_text("Tell us what happened, in a few words or many.").first).to_be_visible()
    expect(page.get_by_label("What happened?")).to_be_visible()
    page.get_by_label("What happened?").fill("Refused at the door of a club with my friends.")
    for _ in range(3):
        page.locator(".report-step:not([hidden]) >> role=button[name='Next']").click()
    expect(page.get_by_label("I agree that the office stores what I write here", exact=False)).to_be_checked()
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_role("heading", level=1, name="Your report has arrived")).to_be_visible()
    assert Case.objects.count() == 1


def walk_the_form(page: Page, base: str) -> Iterator[str]:
    page.goto(f"{base}/offices/osl/report/")
    yield "report form, first step"
    for _ in range(4):
        page.locator(".report-step:not([hidden]) .button-primary").first.click()
    yield "report form, last step"
    page.locator("button[type=submit]").click()
    expect(page.locator("#form-errors")).to_be_visible()
    yield "report form with errors"
    page.locator("textarea[name=narrative]").fill("Something happened at the office.")
    for _ in range(3):
        page.locator(".report-step:not([hidden]) .button-primary").first.click()
    page.locator("input[name=consent]").check()
    page.locator("button[type=submit]").click()
    expect(page.locator("h1")).to_be_visible()
    yield "confirmation"


@pytest.mark.parametrize("language", ["nb", "en", "ar"])
def test_the_report_pages_pass_axe_on_a_phone(
    new_context: Callable[..., BrowserContext], live_server: LiveServer, oslo: Office, language: str
) -> None:
    page = new_context(**PHONE).new_page()
    axe = Axe()
    found: dict[str, list[str]] = {}
    screens = []
    for screen in walk_the_form(page, f"{live_server.url}/{language}"):
        screens.append(screen)
        fits_the_phone(page)
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in SERIOUS_IMPACTS:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                found.setdefault(screen, []).append(
                    f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}"
                )
    assert len(screens) == 4
    assert Case.objects.count() == 1
    report = "\n".join(f"{screen}:\n  " + "\n  ".join(lines) for screen, lines in found.items())
    assert not found, f"serious accessibility violations in {language}:\n{report}"
