"""An adviser's day in a real browser: logging in, a phone call becoming a case, the case's
work (classification, a note, a document, status to closed), finding it again, logging out;
and the login page's refusal of a wrong code.
"""

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import PASSWORD, viewer_of
from likeverd.cases import services
from likeverd.cases.models import Channel

CASE_NUMBER = re.compile(r"OSL-\d{4}-\d{4}")


def test_adviser_works_a_case_from_phone_call_to_closed(
    page: Page,
    adviser: User,
    office: Office,
    app_url: Callable[[str], str],
    tmp_path: Path,
    authenticator_code: Callable[[User], str],
) -> None:
    # Another case of the office, so that searching has something to leave out.
    services.register_case(
        viewer=viewer_of(adviser, office),
        details=services.CaseDetails(channel=Channel.EMAIL, narrative="Nektet adgang til treningssenteret."),
        person=services.PersonDetails(name="Per Hansen"),
    )

    # Log in with username, password and the code the authenticator app shows now.
    page.goto(app_url("/"))
    expect(page).to_have_url(re.compile(r"/en/staff/account/login/"))
    page.get_by_label("Username").fill(adviser.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code from your authenticator app").fill(authenticator_code(adviser))
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", level=1, name="Overview")).to_be_visible()
    expect(page.get_by_role("heading", name="My open tasks")).to_be_visible()

    # Register the phone call.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Register a contact").click()
    expect(page.get_by_label("Channel")).to_have_value("phone")
    page.get_by_label("Name", exact=True).fill("Kari Nordmann")
    page.get_by_label("Phone", exact=True).fill("+47 400 00 000")
    page.get_by_label("Safe to call").check()
    page.get_by_label("What happened").fill(
        "Bussjåføren ville ikke slippe henne på med sparkesykkel, men slapp på andre."
    )
    page.get_by_text("More details").click()
    page.get_by_label("When", exact=True).fill("våren 2025")
    page.get_by_role("button", name="Register").click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(CASE_NUMBER)
    number = heading.inner_text()
    expect(page.get_by_role("status")).to_contain_text(f"Registered {number}")
    expect(page.get_by_text("sparkesykkel")).to_be_visible()
    parties = page.get_by_role("region", name="Parties")
    expect(parties).to_contain_text("Kari Nordmann")
    expect(parties.get_by_text("Safe to call", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="What happened")).to_contain_text("“våren 2025”")

    # Classify with two grounds at once.
    page.get_by_role("navigation", name="Case actions").get_by_role("link", name="Classify").click()
    grounds = page.get_by_role("group", name="Grounds")
    grounds.get_by_label("Ethnicity", exact=True).check()
    grounds.get_by_label("Religion", exact=True).check()
    page.get_by_role("button", name="Save classification").click()
    expect(page.get_by_role("status")).to_contain_text("The classification is saved.")
    classification = page.get_by_role("region", name="Classification")
    expect(classification).to_contain_text("Ethnicity")
    expect(classification).to_contain_text("Religion")

    # A note on the timeline.
    add_entry = page.get_by_role("region", name="Add to the timeline")
    expect(add_entry.get_by_label("Kind", exact=True)).to_have_value("note")
    add_entry.get_by_label("Text").fill("Ringte tilbake: hun vil klage til Diskrimineringsnemnda.")
    add_entry.get_by_role("button", name="Add").click()
    expect(page.get_by_role("status")).to_contain_text("Added to the timeline.")
    expect(page.get_by_role("region", name="Timeline", exact=True)).to_contain_text(
        "hun vil klage til Diskrimineringsnemnda"
    )

    # Upload a document, see it listed, and download the same bytes back.
    letter = tmp_path / "brev-fra-busselskapet.txt"
    letter.write_bytes("Vi beklager hendelsen på linje 37.\nHilsen kundeservice\n".encode())
    documents = page.get_by_role("region", name="Documents")
    documents.get_by_text("Upload a document").click()
    documents.get_by_label("Kind of document").select_option(label="Correspondence")
    documents.get_by_label("File", exact=True).set_input_files(letter)
    documents.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status")).to_contain_text("brev-fra-busselskapet.txt is stored.")
    link = page.get_by_role("region", name="Documents").get_by_role("link", name="brev-fra-busselskapet.txt")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "brev-fra-busselskapet.txt"
    assert Path(download.path()).read_bytes() == letter.read_bytes()

    # Sorting, then closed with an outcome.
    change_status = page.get_by_role("region", name="Change the status")
    change_status.get_by_label("New status").select_option(label="Sorting")
    change_status.get_by_role("button", name="Change status").click()
    expect(page.get_by_role("status")).to_contain_text("The status is now Sorting.")
    change_status = page.get_by_role("region", name="Change the status")
    change_status.get_by_label("New status").select_option(label="Closed")
    change_status.get_by_label("Outcome").select_option(label="Advice given")
    change_status.get_by_label("Note").fill("Veiledet om klage til nemnda.")
    change_status.get_by_role("button", name="Change status").click()
    expect(page.get_by_role("status")).to_contain_text("The status is now Closed.")
    expect(page.locator(".case-header .facts")).to_contain_text("Closed (Advice given)")

    # Find the case again by a word of what happened, then by the person's name.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cases").click()
    results = page.locator("#case-results")
    count = results.locator(".result-count")
    expect(count).to_have_text("2 cases")
    search = page.get_by_label("Search", exact=True)
    found = results.get_by_role("link", name=number)
    # Each search changes what is shown, so every assertion waits for its own answer.
    for query, expect_found in (("sparkesykkel", True), ("treningssenteret", False), ("Nordmann", True)):
        search.fill(query)
        search.press("Enter")
        expect(count).to_have_text("1 case")
        expect(found).to_have_count(1 if expect_found else 0)
    found.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(number)

    # Log out: the case is no longer there to see.
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("status")).to_contain_text("You have logged out.")
    expect(page.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    page.go_back()
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    expect(page.get_by_text("sparkesykkel")).to_have_count(0)


def test_login_refuses_a_wrong_code_and_keeps_the_username(
    page: Page, adviser: User, app_url: Callable[[str], str], authenticator_code: Callable[[User], str]
) -> None:
    right = authenticator_code(adviser)
    wrong = f"{(int(right) + 500_000) % 1_000_000:06d}"

    page.goto(app_url("/account/login/"))
    page.get_by_label("Username").fill(adviser.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code from your authenticator app").fill(wrong)
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("alert")).to_contain_text("That did not work.")
    expect(page.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    expect(page.get_by_label("Username")).to_have_value(adviser.username)
    expect(page.get_by_label("Password")).to_have_value("")
    expect(page.get_by_label("Code from your authenticator app")).to_have_value("")
    # The person's eye goes to the message, the cursor to where they type again.
    expect(page.get_by_label("Password")).to_be_focused()
    expect(page.get_by_label("Password")).to_have_attribute("aria-invalid", "true")

    # django-otp refuses every code for a second after a wrong one (OTP_TOTP_THROTTLE_FACTOR);
    # a person typing again takes longer than that.
    page.wait_for_timeout(1_100)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code from your authenticator app").fill(right)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1, name="Overview")).to_be_visible()
