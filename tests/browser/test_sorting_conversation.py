"""A phone call from the first word to a decision, in Chromium, on a laptop and on a phone
(390x844): the sorting conversation filled in a random order across two saves, refused as
incomplete and then completed, the bureau checklist ticked, and a decision recorded with reasons."""

import random
from collections.abc import Callable

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from likeverd.accounts.models import Office, User
from likeverd.cases.models import Case
from likeverd.triage.models import AssessmentDecision, AssessmentStep, BureauStep, SortingRecord

VIEWPORTS = {"laptop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}

ANSWERS = {
    "what_happened": "The bus driver would not let her on with her scooter.",
    "when": "Last Tuesday, around eight in the morning",
    "where": "Bus 37 at Carl Berners plass",
    "who_was_present": "Two other passengers",
    "evidence": "A photo of the bus number; a passenger gave her number",
    "wants": "An apology and a complaint to the tribunal",
}


def fits_the_screen(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page is {width} px wide"  # type: ignore[index]


@pytest.mark.parametrize("screen", sorted(VIEWPORTS))
def test_a_call_from_first_word_to_decision(
    page: Page,
    adviser: User,
    office: Office,
    worked_case: Case,
    app_url: Callable[[str], str],
    sign_in: Callable[..., None],
    screen: str,
) -> None:
    page.set_viewport_size(VIEWPORTS[screen])  # type: ignore[arg-type]
    sign_in(page.context, adviser)
    page.goto(app_url(f"/cases/{worked_case.public_id}/"))
    page.get_by_role("link", name="Start the sorting conversation").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sorting conversation")

    order = list(ANSWERS)
    random.Random(screen).shuffle(order)  # the call goes where the person takes it
    first, rest = order[:3], order[3:]
    for name in first:
        page.locator(f"#id_{name}").fill(ANSWERS[name])
    page.get_by_label("Housing").check()
    # Marking it complete half-way saves what is there and says what is still missing.
    page.get_by_role("button", name="Save and mark complete").click()
    expect(page.get_by_text("Still missing")).to_be_visible()
    for name in first:
        expect(page.locator(f"#id_{name}")).to_have_value(ANSWERS[name])
    expect(page.get_by_label("Housing")).to_be_checked()
    fits_the_screen(page)

    page.reload()  # resumed later: everything saved is still there
    for name in rest:
        page.locator(f"#id_{name}").fill(ANSWERS[name])
    page.get_by_label("What it is", exact=True).fill("Photo of the bus number")
    page.get_by_label("Who holds it", exact=True).fill("The person")
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.get_by_text("The evidence is noted.")).to_be_visible()
    for name in rest:  # adding the evidence saved what was typed
        expect(page.locator(f"#id_{name}")).to_have_value(ANSWERS[name])
    page.get_by_role("button", name="Save and mark complete").click()
    expect(page.get_by_text("The sorting conversation is saved and complete.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Assessment")

    record = SortingRecord.objects.get(case=worked_case)
    assert record.is_complete
    assert record.problems == ["housing"]
    assert {name: getattr(record, name) for name in ANSWERS} == ANSWERS

    with translation.override("en"):  # the adviser's screens are in English
        labels = [str(label) for label in BureauStep.labels]
    for label in labels:
        page.locator(".assessment-steps li", has_text=str(label)).get_by_role("button", name="Done").click()
        expect(page.locator(".assessment-steps li", has_text=str(label))).to_contain_text("done by")
    assert AssessmentStep.objects.filter(case=worked_case).count() == len(BureauStep.values)
    fits_the_screen(page)

    page.get_by_label("Police report").check()
    page.get_by_label("Refer to another service").check()
    page.get_by_label("Reasons").fill("Threats on the bus; she also needs help with housing.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("The decision is recorded.")).to_be_visible()
    expect(page.locator(".timeline")).to_contain_text("Decided: Police report, Refer to another service")
    decision = AssessmentDecision.objects.get(case=worked_case)
    assert decision.action_codes == ["police_report", "refer"]
    fits_the_screen(page)
