"""The import of earlier registrations in Chromium: DiMe's 2019 sheet (XLSX written by openpyxl)
uploaded by the office administrator, its unrecognised channels chosen, 60 cases imported; and
a coordinator's small CSV with a problem on a 390x844 phone, readable without sideways scrolling."""

from collections.abc import Callable

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, FilePayload, Page, expect

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff
from likeverd.cases.models import Case
from likeverd.mediation.models import BenchReferral
from likeverd.setup.imports.models import PendingUpload
from likeverd.setup.imports.tests.sheets import NB_HEADER, csv_bytes, rows_2019, xlsx_bytes
from likeverd.taxonomy.services import create_default_reporting_categories

AppUrl = Callable[[str], str]
PHONE = {"width": 390, "height": 844}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _serious(page: Page) -> list[str]:
    return [
        f"{v['id']}: {v['help']}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_the_office_admin_imports_the_2019_sheet(
    page: Page,
    context: BrowserContext,
    office: Office,
    app_url: AppUrl,
    sign_in: Callable[[BrowserContext, User], None],
) -> None:
    create_default_reporting_categories(office=office)
    admin = make_staff(office, Role.OFFICE_ADMIN, username="olga")
    sign_in(context, admin)

    page.goto(app_url("/office/"))
    page.get_by_role("navigation", name="Office administration").get_by_role(
        "link", name="Import earlier registrations"
    ).click()
    expect(page.get_by_role("heading", level=1, name="Import earlier registrations")).to_be_visible()
    page.get_by_label("Spreadsheet (CSV or XLSX)").set_input_files(
        files=FilePayload(name="DiMe 2019.xlsx", mimeType=XLSX, buffer=xlsx_bytes(rows_2019(date_cells=True)))
    )
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_role("heading", level=1, name="Check the import")).to_be_visible()
    expect(page.locator('[data-count="rows"]')).to_have_text("60")
    expect(page.locator('[data-count="problems"]')).to_have_text("30")
    problems = page.get_by_role("table", name="Problems, row by row")
    expect(problems).to_contain_text("Skeiv Kafé")
    expect(page.get_by_role("button", name="Import 60 cases")).to_have_count(0)
    assert _serious(page) == []

    page.get_by_label("“Skeiv Kafé” in Kanal").select_option(label="Drop-in")
    page.get_by_label("“Antirasistisk Senter” in Kanal").select_option(label="Partner referral")
    page.get_by_role("button", name="Save the choices").click()

    expect(page.locator('[data-count="problems"]')).to_have_text("0")
    expect(page.locator('[data-count="mediation"]')).to_have_text("8")
    page.get_by_role("button", name="Import 60 cases").dblclick()

    # Sixty cases, each through the case services with its audit rows: give it time on a busy machine.
    expect(page.get_by_role("heading", level=1, name="Import done")).to_be_visible(timeout=90_000)
    expect(page.locator('[data-count="imported"]')).to_have_text("60")
    assert Case.objects.filter(office=office).count() == 60
    assert BenchReferral.objects.filter(office=office).count() == 8
    assert not PendingUpload.objects.exists()


def test_a_coordinator_sees_the_problems_on_a_phone(
    page: Page,
    context: BrowserContext,
    office: Office,
    app_url: AppUrl,
    sign_in: Callable[[BrowserContext, User], None],
) -> None:
    create_default_reporting_categories(office=office)
    coordinator = make_staff(office, Role.COORDINATOR, username="cora")
    sign_in(context, coordinator)
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    rows = [
        list(NB_HEADER),
        ["2020-1", "04.03.2020", "Telefon", "Helse", "Etnisitet", "nei", "", ""],
        ["2020-2", "31.02.2020", "Brevdue", "Helse", "Etnisitet", "kanskje", "", ""],
    ]

    page.goto(app_url("/"))
    page.get_by_role("link", name="Import earlier registrations").click()
    page.get_by_label("Spreadsheet (CSV or XLSX)").set_input_files(
        files=FilePayload(name="saker.csv", mimeType="text/csv", buffer=csv_bytes(rows))
    )
    page.get_by_role("button", name="Check the file").click()

    problems = page.get_by_role("table", name="Problems, row by row")
    expect(problems).to_contain_text("31.02.2020")
    expect(problems).to_contain_text("Brevdue")
    expect(problems).to_contain_text("kanskje")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px screen"
    expect(page.get_by_role("button", name="Save the choices")).to_be_visible()
    assert _serious(page) == []

    page.get_by_role("button", name="Remove the file without importing").click()
    expect(page.get_by_role("heading", level=1, name="Import earlier registrations")).to_be_visible()
    assert not Case.objects.exists()
    assert not PendingUpload.objects.exists()
