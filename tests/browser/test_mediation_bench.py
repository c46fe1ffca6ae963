"""The mediation bench in Chromium, from referral to follow-up: the adviser is refused with the
missing fact listed, then sends the case; the mediator, on a phone (390x844), takes it, records
both consents, plans a meeting, marks it held, writes the agreement, prints it as PDF, uploads the
signed copy, records the outcome with a follow-up day and the follow-up; the case is back with
the adviser, who may close it."""

import datetime as dt
import re
from collections.abc import Callable
from urllib.parse import urljoin

import time_machine
from playwright.sync_api import Browser, Page, expect

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.core import clock
from likeverd.mediation.models import Agreement, BenchReferral, Meeting, Stage
from likeverd.mediation.tests.helpers import mediator_in, ready_case

PHONE = {"width": 390, "height": 844}


def _fits_the_phone(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px screen"


def test_a_mediator_runs_a_case_from_referral_to_agreement_pdf_and_follow_up(
    page: Page,
    browser: Browser,
    adviser: User,
    office: Office,
    app_url: Callable[[str], str],
    sign_in: Callable[..., None],
) -> None:
    case = ready_case(viewer_of(adviser))
    mediator = mediator_in(office, "mona.mediator")

    # The adviser: refused while the legal routes are not recorded, with that fact listed.
    sign_in(page.context, adviser)
    page.goto(app_url(f"/cases/{case.public_id}/"))
    page.get_by_role("link", name="Send to the mediation bench").click()
    page.get_by_label("Kind of conflict").select_option("discrimination")
    page.get_by_label("Your reasons for sending the case to the bench").fill(
        "Both want to meet; facts are clear."
    )
    page.get_by_role("button", name="Send to the bench").click()
    expect(page.get_by_role("alert")).to_contain_text("The case cannot go to the bench yet")
    expect(page.locator("[data-missing]")).to_have_text(
        ["Record the day the person was told of the legal routes and their deadlines."]
    )
    page.get_by_label("The person was told of the legal routes and their deadlines on").fill(
        clock.today().strftime("%d.%m.%Y")
    )
    page.get_by_role("button", name="Send to the bench").click()
    expect(page.locator("[data-bench-stage]")).to_have_text("Referred")

    # The mediator, on a phone: the case waits for a mediator in their view.
    phone = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    mobile = phone.new_page()
    sign_in(phone, mediator)
    mobile.goto(app_url("/mediation/"))
    expect(mobile.get_by_role("heading", level=1, name="Mediator's view")).to_be_visible()
    _fits_the_phone(mobile)
    mobile.get_by_role("region", name="Waiting for a mediator").get_by_role("link", name=case.number).click()
    mobile.get_by_role("button", name="Take this case").click()
    expect(mobile.get_by_text("The case is yours at the bench.")).to_be_visible()
    consent = mobile.locator("form[action$='/consent/']")
    for side in ("person", "counterpart"):
        consent.get_by_label("Party").select_option(side)
        consent.get_by_label("Consent given on").fill(clock.today().strftime("%d.%m.%Y"))
        consent.get_by_label("How it was given").select_option("phone")
        consent.get_by_role("button", name="Record consent").click()
        expect(mobile.get_by_text("The consent is recorded.")).to_be_visible()
    tomorrow = clock.today() + dt.timedelta(days=1)
    meeting = mobile.locator("form[action$='/meetings/']")
    meeting.get_by_label("Starts").fill(tomorrow.strftime("%d.%m.%Y 10:00"))
    meeting.get_by_label("Ends").fill(tomorrow.strftime("%d.%m.%Y 11:30"))
    meeting.get_by_label("Place", exact=True).select_option("neutral")
    meeting.get_by_label("Address or room").fill("Deichman Grünerløkka, group room")
    meeting.get_by_role("button", name="Plan and send invitations").click()
    expect(mobile.get_by_text("The meeting is planned")).to_be_visible()
    _fits_the_phone(mobile)
    held_at = Meeting.objects.get().ends_at

    # The day after: the meeting was held, the agreement written, printed and signed.
    with time_machine.travel(held_at + dt.timedelta(minutes=30), tick=True):
        sign_in(phone, mediator)  # the idle timeout ended yesterday's session
        mobile.goto(app_url("/mediation/"))
        mobile.get_by_role("link", name=re.compile(case.number)).first.click()
        mobile.get_by_role("button", name="Mark as held").click()
        expect(mobile.get_by_text("The meeting is marked as held.")).to_be_visible()
        agreement = mobile.get_by_label("The agreement")
        expect(agreement).to_have_value(re.compile("Agreement reached at the mediation bench"))
        agreement.fill("1. Kari apologises to Amina.\n2. They greet each other in the stairwell.")
        mobile.get_by_role("button", name="Save the agreement").click()
        expect(mobile.get_by_text("The agreement is saved")).to_be_visible()
        pdf_link = mobile.get_by_role("link", name="Print as PDF for signing")
        pdf = mobile.request.get(urljoin(mobile.url, pdf_link.get_attribute("href") or ""))
        assert pdf.headers["content-type"] == "application/pdf"
        assert pdf.body().startswith(b"%PDF")
        mobile.get_by_label("Signed copy (PDF or photo)").set_input_files(
            {"name": "signed.pdf", "mimeType": "application/pdf", "buffer": pdf.body()}
        )
        mobile.get_by_role("button", name="Upload the signed copy").click()
        expect(mobile.get_by_text("The signed copy is stored.")).to_be_visible()
        follow_up = clock.today() + dt.timedelta(days=5)
        outcome = mobile.locator("form[action$='/outcome/']")
        outcome.get_by_label("Outcome").select_option("agreement")
        outcome.get_by_label("Follow up on").fill(follow_up.strftime("%d.%m.%Y"))
        outcome.get_by_role("button", name="Record the outcome").click()
        expect(mobile.locator("[data-bench-stage]")).to_have_text("Follow-up")
        mobile.goto(app_url("/mediation/"))
        expect(mobile.get_by_role("region", name="Follow-ups due")).to_contain_text(case.number)
        _fits_the_phone(mobile)

    # On the follow-up day: the agreement holds, and the case goes back to the adviser.
    with time_machine.travel(dt.datetime.combine(follow_up, dt.time(9, 0), tzinfo=dt.UTC), tick=True):
        sign_in(phone, mediator)
        mobile.goto(app_url(f"/mediation/{BenchReferral.objects.get().public_id}/"))
        mobile.get_by_label("Yes").check()
        mobile.get_by_role("button", name="Record the follow-up").click()
        expect(
            mobile.get_by_text("The follow-up is recorded and the case is back with the adviser.")
        ).to_be_visible()
        expect(mobile.get_by_role("heading", level=1, name="Mediator's view")).to_be_visible()

        sign_in(page.context, adviser)
        page.goto(app_url(f"/cases/{case.public_id}/"))
        expect(page.locator("[data-bench-outcome]")).to_have_text("Agreement")
        expect(page.get_by_role("link", name="Close the case after the bench")).to_be_visible()
    phone.close()
    referral = BenchReferral.objects.get()
    assert referral.stage == Stage.RETURNED
    assert referral.agreement_holds is True
    assert Agreement.objects.get().signed_content_type == "application/pdf"
