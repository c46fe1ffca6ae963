"""Journey 5 in Chromium: from the case page an adviser writes a complaint draft (the person named
because the adviser chose so), edits it, saves it, downloads the Word file and the PDF and finds
the edited text in both; then refers the person to a service the sorting conversation suggests,
with the person's recorded consent, and sees exactly what was shared. Axe finds nothing serious,
and the screens fit a phone."""

import io
import json
from collections.abc import Callable
from pathlib import Path

import docx
import pypdf
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Download, Page, expect

from likeverd.accounts.models import User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases.models import Case
from likeverd.directory.seed import load_seed
from likeverd.directory.sync import apply_directory, live_model
from likeverd.triage import services as sorting_services
from likeverd.triage.models import (
    AssessmentDecision,
    DraftVersion,
    Referral,
    ReferralStatus,
    SortingRecord,
)
from likeverd.triage.services import SortingAnswers

AppUrl = Callable[[str], str]
SERIOUS_IMPACTS = {"serious", "critical"}
EDITED = "Sjåføren sa høyt at hun ikke var velkommen på bussen."


@pytest.fixture(autouse=True)
def _network_directory(transactional_db: None) -> None:
    """The network's directory (a data migration's rows) again: live-server tests empty the database."""
    apply_directory(load_seed(), office_id=None, get_model=live_model, update_need_labels=True)


def serious_violations(page: Page) -> list[str]:
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in SERIOUS_IMPACTS
    ]


def saved(download: Download, tmp_path: Path) -> bytes:
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return target.read_bytes()


def docx_text(content: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def write_complaint(page: Page, tmp_path: Path) -> None:
    """From the case page: a complaint naming the person, edited, saved, both files checked."""
    page.get_by_role("link", name="Write a draft").click()
    expect(page.get_by_role("heading", level=1, name="Drafts")).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_label("Complaint to the tribunal or report to the ombudsman").check()
    page.get_by_label("Include the person's name and contact details").check()
    page.get_by_role("button", name="Write the draft").click()

    # Written in the office's language (Norwegian), whatever the screen's language.
    expect(page.get_by_label("Subject")).to_have_value("Klage på diskriminering")
    expect(page.get_by_label("To", exact=True)).to_have_value("Diskrimineringsnemnda")
    expect(page.get_by_label("The person's details")).to_have_value(
        "Kari Nordmann\n+47 400 00 000\nkari.nordmann.med.et.langt.navn@eksempel-kommune.kommune.no"
    )
    assert serious_violations(page) == []
    facts = page.get_by_label("What happened")
    facts.fill(facts.input_value() + "\n" + EDITED)
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("Version 1 of the draft is saved on the case.")).to_be_visible()

    with page.expect_download() as word:
        page.get_by_role("link", name="Download as Word (.docx)").click()
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download as PDF").click()
    word_text = docx_text(saved(word.value, tmp_path))
    printed = pdf_text(saved(pdf.value, tmp_path))
    for text in (word_text, printed):
        assert EDITED in text
        assert "Kari Nordmann" in text
        assert "Klage på diskriminering" in text
    assert word.value.suggested_filename.endswith(".docx")
    assert pdf.value.suggested_filename.endswith(".pdf")


def refer_with_consent(page: Page) -> None:
    """From the case page: the suggested housing service, made with consent given by phone."""
    page.get_by_role("link", name="Refer", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Referrals")).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="Housing")).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Suggest").first.click()
    expect(page.get_by_text("The referral is suggested. Nothing has been shared.")).to_be_visible()
    expect(
        page.get_by_text("No consent is recorded: nothing about the person has been shared.")
    ).to_be_visible()

    page.get_by_role("link", name="Make the referral, with consent").click()
    page.get_by_label("Consent given by").fill("Kari Nordmann")
    page.get_by_label("By phone").check()
    page.get_by_label("Name", exact=True).check()
    page.get_by_label("The problem the referral is about").check()
    page.get_by_label("Exactly what was shared").fill("Kari Nordmann trenger hjelp med bolig.")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Record the referral as made").click()

    expect(page.get_by_text("The referral is recorded as made, with the person's consent.")).to_be_visible()
    expect(page.locator("#referral-status")).to_have_text("Made")
    expect(page.locator("#shared-text")).to_have_text("Kari Nordmann trenger hjelp med bolig.")
    expect(page.get_by_text("Name, The problem the referral is about")).to_be_visible()
    page.get_by_label("New status").select_option(label="Accepted")
    page.get_by_role("button", name="Change status").click()
    expect(page.locator("#referral-status")).to_have_text("Accepted")


def test_an_adviser_drafts_a_complaint_and_refers_with_consent(
    page: Page,
    context: BrowserContext,
    sign_in: Callable[[BrowserContext, User], None],
    app_url: AppUrl,
    adviser: User,
    worked_case: Case,
    tmp_path: Path,
) -> None:
    sorting_services.save_sorting(
        viewer=viewer_of(adviser), case=worked_case, answers=SortingAnswers(other_problems=["housing"])
    )
    sign_in(context, adviser)
    case_page = app_url(f"/cases/{worked_case.public_id}/")
    page.goto(case_page)
    write_complaint(page, tmp_path)
    page.goto(case_page)
    refer_with_consent(page)

    page.goto(case_page)
    section = page.locator("section.triage-act")
    expect(
        section.get_by_role("link", name="Complaint to the tribunal or report to the ombudsman")
    ).to_be_visible()
    expect(section).to_contain_text("Accepted")
    timeline = page.locator("section[aria-labelledby=timeline]")
    expect(timeline).to_contain_text("Draft saved")
    expect(timeline).to_contain_text("Made → Accepted")
    assert DraftVersion.objects.filter(case=worked_case).count() == 1
    referral = Referral.objects.get(case=worked_case)
    assert referral.status == ReferralStatus.ACCEPTED
    assert referral.shared == ["name", "problem"]


def test_the_draft_and_referral_screens_fit_a_phone(
    browser_context_args: dict[str, object],
    context: BrowserContext,
    page: Page,
    sign_in: Callable[[BrowserContext, User], None],
    app_url: AppUrl,
    adviser: User,
    worked_case: Case,
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(context, adviser)
    for path in (
        f"/cases/{worked_case.public_id}/drafts/complaint/",
        f"/cases/{worked_case.public_id}/referrals/",
    ):
        page.goto(app_url(path))
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow} px wider than the phone"


CALL = {
    "what_happened": "Bussjåføren nektet henne å gå på med rullestolen og ropte etter henne.",
    "when": "Tirsdag forrige uke, rundt klokka åtte",
    "where": "Buss 37 ved Carl Berners plass",
    "who_was_present": "To andre passasjerer",
    "evidence": "Et bilde av bussnummeret",
    "wants": "En unnskyldning og en klage til nemnda",
}


def test_a_whole_phone_call_from_sorting_to_draft_and_referral(
    page: Page,
    context: BrowserContext,
    sign_in: Callable[[BrowserContext, User], None],
    app_url: AppUrl,
    adviser: User,
    worked_case: Case,
    tmp_path: Path,
) -> None:
    """The proof of the triage issue: one call, through the screens only, from the first word of
    the sorting conversation to a decision with reasons, a complaint draft in both files and a
    referral made with the person's consent."""
    sign_in(context, adviser)
    case_page = app_url(f"/cases/{worked_case.public_id}/")
    page.goto(case_page)
    page.get_by_role("link", name="Start the sorting conversation").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sorting conversation")
    for name, text in CALL.items():
        page.locator(f"#id_{name}").fill(text)
    page.get_by_label("Housing").check()
    page.get_by_role("button", name="Save and mark complete").click()
    expect(page.get_by_text("The sorting conversation is saved and complete.")).to_be_visible()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Assessment")
    page.get_by_label("Help to complain").check()
    page.get_by_label("Refer to another service").check()
    page.get_by_label("Reasons").fill("Hun vil klage; hun trenger også hjelp med bolig.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("The decision is recorded.")).to_be_visible()
    expect(page.locator(".timeline")).to_contain_text("Decided: Help to complain, Refer to another service")

    page.goto(case_page)
    write_complaint(page, tmp_path)
    page.goto(case_page)
    refer_with_consent(page)

    record = SortingRecord.objects.get(case=worked_case)
    assert record.is_complete
    assert record.problems == ["housing"]
    decision = AssessmentDecision.objects.get(case=worked_case)
    assert decision.action_codes == ["help_to_complain", "refer"]
    assert "bolig" in decision.reasons
    draft = DraftVersion.objects.get(case=worked_case)
    facts = json.loads(draft.content)["facts"]
    assert CALL["what_happened"] in facts
    assert CALL["where"] in facts
    assert EDITED in facts
    referral = Referral.objects.get(case=worked_case)
    assert referral.need == "housing"
    assert referral.status == ReferralStatus.ACCEPTED
    assert referral.consent_given_at is not None
