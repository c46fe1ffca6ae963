"""A coordinator on a phone (390x844) produces the year's report for the board: chooses the year,
reads each table beside its chart, switches the page to Norwegian (the office and year stay),
and downloads the PDF and the spreadsheet, which open and hold every table."""

import datetime as dt
import io
from collections.abc import Callable

from axe_playwright_python.sync_playwright import Axe
from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.cases import services
from likeverd.cases.models import Channel
from likeverd.officeadmin.models import ReportText
from likeverd.statistics.charts import HIDDEN_MARK
from likeverd.statistics.selectors import TABLE_IDS
from likeverd.statistics.tests.helpers import at, case

PHONE = {"width": 390, "height": 844}
SERIOUS_IMPACTS = {"serious", "critical"}


def _check(page: Page) -> None:
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], f"the report scrolls sideways on a phone: {widths}"
    serious = [v for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS_IMPACTS]
    assert serious == [], [v["id"] for v in serious]


def test_a_coordinator_makes_the_years_report_on_a_phone_in_two_languages(
    page: Page,
    office: Office,
    adviser: User,
    app_url: Callable[[str], str],
    sign_in: Callable[..., None],
) -> None:
    services.create_default_reporting_categories(office=office)
    advising = viewer_of(adviser)
    for day, category in ((5, "housing"), (9, "housing"), (14, "working_life"), (20, "nightlife")):
        case(advising, at(dt.date(2019, 3, day)), category_code=category, grounds=("ETHNICITY",))
    case(advising, at(dt.date(2019, 10, 2)), category_code="housing", channel=Channel.EMAIL)
    ReportText.objects.create(
        office=office, year=2019, language="nb", introduction="Et år med mange nye saker."
    )
    coordinator = make_staff(office, Role.COORDINATOR, username="cora", first_name="Cora")
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    sign_in(page.context, coordinator)

    page.goto(app_url("/"))
    page.get_by_role("link", name="Statistics").click()
    page.get_by_label("Year").fill("2019")
    page.get_by_role("button", name="Show the report").click()

    expect(page.get_by_role("heading", level=1, name="Annual report 2019")).to_be_visible()
    # A text written only in Norwegian is shown, with a note saying so.
    expect(page.get_by_text("Et år med mange nye saker.")).to_be_visible()
    expect(page.get_by_text("it is shown in Norwegian Bokmål")).to_be_visible()
    for table_id in TABLE_IDS:
        expect(page.locator(f"#table-{table_id} table")).to_have_count(1)
    chart = page.locator("#table-cases_by_category svg")
    expect(chart).to_be_visible()
    assert chart.get_attribute("aria-hidden") == "true"
    assert page.locator("#table-cases_by_category svg").bounding_box()["width"] <= PHONE["width"]  # type: ignore[index]
    _check(page)

    page.get_by_label("Language").select_option("nb")
    page.get_by_role("button", name="Change language").click()

    expect(page.get_by_role("heading", level=1, name="Årsrapport 2019")).to_be_visible()
    assert "/nb/staff/statistics/report/" in page.url
    assert "office=OSL" in page.url
    assert "year=2019" in page.url
    expect(page.get_by_text("Et år med mange nye saker.")).to_be_visible()
    expect(page.get_by_text("vises her på et annet språk")).to_have_count(0)  # its own language now
    housing = page.locator("#table-cases_by_category").get_by_text("Bolig og nabokonflikter")
    expect(housing.first).to_be_visible()
    _check(page)

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="PDF").click()
    pdf_path = pdf_download.value.path()
    assert pdf_download.value.suggested_filename == "likeverd-osl-2019-01-01-2019-12-31-nb.pdf"
    with pdf_path.open("rb") as pdf_file:
        assert pdf_file.read(5) == b"%PDF-"
    pdf_text = " ".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert "Årsrapport 2019" in pdf_text
    assert "Bolig og nabokonflikter" in pdf_text
    assert "Et år med mange nye saker." in pdf_text

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Regneark (XLSX)").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes()))
    assert workbook.sheetnames == ["about", *TABLE_IDS]
    rows = {row[0]: row[1] for row in workbook["cases_by_category"].iter_rows(min_row=4, values_only=True)}
    assert rows["Totalt"] == 5
    assert rows["Uteliv"] == HIDDEN_MARK  # one case: what leaves the office hides it
