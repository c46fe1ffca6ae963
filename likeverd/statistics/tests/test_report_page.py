"""The annual report page: choosing an office and a year, the texts, a chart beside each table,
the downloads, the internal toggle, and office isolation."""

import datetime as dt
import io
import json
import re
from collections.abc import Callable

import pytest
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services
from likeverd.cases.models import Channel
from likeverd.officeadmin.models import ReportText
from likeverd.statistics.selectors import TABLE_IDS
from likeverd.statistics.tests.helpers import at, case

pytestmark = pytest.mark.django_db

YEAR_2019 = "office=OSL&year=2019"


@pytest.fixture
def coordinator(office: Office, adviser: User) -> User:
    services.create_default_reporting_categories(office=office)
    advising = viewer_of(adviser)
    case(advising, at(dt.date(2019, 3, 5)), category_code="housing", grounds=("ETHNICITY", "RELIGION"))
    case(advising, at(dt.date(2019, 3, 20)), category_code="housing", channel=Channel.EMAIL)
    case(advising, at(dt.date(2019, 9, 1)), category_code="working_life")
    return make_staff(office, Role.COORDINATOR, username="cora")


def test_the_coordinator_chooses_a_year_and_reads_each_table_beside_its_chart(
    coordinator: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(coordinator)
    index = client.get("/en/staff/statistics/")
    assert index.status_code == 200
    assert b'name="year"' in index.content
    assert b'href="/en/staff/statistics/"' in index.content  # the nav's "Statistics" link

    page = client.get(f"/en/staff/statistics/report/?{YEAR_2019}")

    assert page.status_code == 200
    text = page.content.decode()
    assert "Annual report 2019" in text
    assert "DiMe Oslo" in text
    for table_id in TABLE_IDS:
        assert f'id="table-{table_id}"' in text
    # Charts are inline SVG, hidden from screen readers; their tables carry the figures.
    category = text.split('id="table-cases_by_category"')[1].split("</section>")[0]
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in category
    income = text.split('id="table-income"')[1].split("</section>")[0]
    assert "<svg" not in income  # money gets no chart
    assert 'class="report-chart" aria-hidden="true"' in text
    assert "<caption" in text
    assert "Housing and neighbour conflicts" in text
    # No inline style or script slips past the page's Content-Security-Policy.
    assert " style=" not in text
    assert "<style" not in text
    for file_format in ("pdf", "xlsx", "csv", "json"):
        assert f"/en/staff/statistics/report/download/{file_format}/?office=OSL&amp;start=2019-01-01" in text


def test_the_report_shows_the_offices_texts_in_its_language_or_says_which_it_falls_back_to(
    office: Office, coordinator: User, client_for: Callable[[User], Client]
) -> None:
    ReportText.objects.create(office=office, year=2019, language="nb", introduction="Et år med mange saker.")
    ReportText.objects.create(office=office, year=2019, language="en", reflections="We learned to listen.")
    client = client_for(coordinator)

    norwegian = client.get(f"/nb/staff/statistics/report/?{YEAR_2019}").content.decode()
    assert "Et år med mange saker." in norwegian
    assert "We learned" not in norwegian  # another language's text never mixes in silently

    english = client.get(f"/en/staff/statistics/report/?{YEAR_2019}").content.decode()
    assert "We learned to listen." in english
    assert "Et år med mange saker." not in english  # English has texts of its own: no fallback

    swedish = client.get(f"/sv/staff/statistics/report/?{YEAR_2019}").content.decode()
    assert "Et år med mange saker." in swedish  # the office's own language comes first
    assert 'lang="nb"' in swedish
    assert "den visas här på ett annat språk (Norska (bokmål))" in swedish


def test_another_offices_report_is_not_found_and_the_attempt_is_audited(
    other_office: Office, coordinator: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(coordinator)

    for path in ("report/", "report/download/pdf/", "report/download/json/"):
        response = client.get(f"/en/staff/statistics/{path}?office=BGO&year=2019")
        assert response.status_code == 404

    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, actor__username="cora")
    assert denied.count() == 3
    assert {event.detail["target_id"] for event in denied} == {str(other_office.public_id)}
    assert client.get("/en/staff/statistics/report/?office=NOPE&year=2019").status_code == 404


def test_a_role_without_statistics_is_refused(office: Office, client_for: Callable[[User], Client]) -> None:
    officer = make_staff(office, Role.DATA_PROTECTION_OFFICER)
    client = client_for(officer)
    assert client.get("/en/staff/statistics/").status_code == 403
    assert client.get(f"/en/staff/statistics/report/download/csv/?{YEAR_2019}").status_code == 403


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("office=OSL&start=2019-12-31&end=2019-01-01", "before it starts"),
        ("office=OSL&start=2019-02-30&end=2019-03-01", "Enter a valid date"),
        ("office=OSL&start=2019-01-01", "Give both days of the period"),
        ("office=OSL", "Choose a year"),
        ("office=OSL&year=20x9", "Enter a whole number"),
        ("office=OSL&start=2019-01-02&end=2019-12-31", "cover whole months only"),
        ("office=OSL&start=2019-03-01&end=2019-03-30", "(for example 2019-03-01 to 2019-03-31)"),
    ],
)
def test_an_odd_period_is_explained_on_the_form(
    coordinator: User, client_for: Callable[[User], Client], query: str, message: str
) -> None:
    response = client_for(coordinator).get(f"/en/staff/statistics/report/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'name="year"' in response.content.decode()


def test_a_period_of_days_is_reported_with_its_dates(
    coordinator: User, client_for: Callable[[User], Client]
) -> None:
    page = client_for(coordinator).get(
        "/en/staff/statistics/report/?office=OSL&start=2019-03-01&end=2019-03-31"
    )
    text = page.content.decode()
    assert "Report" in text
    assert "March 1, 2019" in text or "1 March 2019" in text


def test_published_figures_of_days_that_split_a_month_are_refused_everywhere_with_the_form_kept(
    office: Office, coordinator: User, client_for: Callable[[User], Client]
) -> None:
    odd = "office=OSL&start=2019-01-02&end=2019-12-31"
    client = client_for(coordinator)
    page = client.get(f"/sv/staff/statistics/report/?{odd}").content.decode()
    assert "Siffror med små tal dolda gäller bara hela månader" in page
    assert 'value="2019-01-02"' in page
    assert 'value="2019-12-31"' in page
    # The office's own staff are offered the internal figures, which may cover any days.
    assert 'name="internal"' in page
    for file_format in ("pdf", "json"):
        refused = client.get(f"/en/staff/statistics/report/download/{file_format}/?{odd}&internal=on")
        assert refused.status_code == 200
        assert "cover whole months only" in refused.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()

    # A statistician (never internal figures) asking for them gets the explanation, not figures.
    statistician = make_staff(office, Role.NETWORK_STATISTICIAN, username="stat")
    page = client_for(statistician).get(f"/en/staff/statistics/report/?{odd}&internal=on").content.decode()
    assert "cover whole months only" in page
    assert 'name="internal"' not in page
    assert "data-table-id" not in page


def test_the_offices_own_internal_figures_may_cover_any_days_and_offer_no_download(
    coordinator: User, client_for: Callable[[User], Client]
) -> None:
    page = (
        client_for(coordinator)
        .get("/en/staff/statistics/report/?office=OSL&start=2019-03-05&end=2019-03-20&internal=on")
        .content.decode()
    )
    assert "Internal figures." in page
    assert '<th scope="row">Housing and neighbour conflicts</th><td>2</td>' in page
    assert "/download/" not in page
    assert "Downloads are published figures, and those cover whole months only" in page
    assert "Show the figures as published" not in page


def test_the_offices_own_staff_may_see_internal_figures_marked_as_such(
    coordinator: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(coordinator)
    published = client.get(f"/en/staff/statistics/report/?{YEAR_2019}").content.decode()
    assert "Internal figures." not in published
    assert "internal=on" in published
    housing = '<th scope="row">Housing and neighbour conflicts</th><td>'
    # Two housing cases: too few to publish, so the published figures hide them.
    assert (
        f'{housing}<span aria-hidden="true">·</span><span class="visually-hidden">hidden</span>' in published
    )

    internal = client.get(f"/en/staff/statistics/report/?{YEAR_2019}&internal=on").content.decode()
    assert "Internal figures." in internal
    assert f"{housing}2</td>" in internal
    read = (
        AuditEvent.objects.filter(action=AuditAction.VIEW, detail__read="statistics").order_by("-id").first()
    )
    assert read is not None
    assert read.detail["controlled"] is False

    # The downloads of an internal page are still the published figures.
    document = json.loads(
        client.get(f"/en/staff/statistics/report/download/json/?{YEAR_2019}&internal=on").content
    )
    assert {"label": "Housing and neighbour conflicts", "values": [None]} in document["tables"][0]["rows"]
    export = AuditEvent.objects.filter(action=AuditAction.EXPORT).get()
    assert export.detail["controlled"] is True


def test_the_network_statistician_never_sees_internal_figures(
    office: Office, coordinator: User, client_for: Callable[[User], Client]
) -> None:
    statistician = make_staff(office, Role.NETWORK_STATISTICIAN, username="stat")
    page = (
        client_for(statistician).get(f"/en/staff/statistics/report/?{YEAR_2019}&internal=on").content.decode()
    )
    assert "Annual report 2019" in page
    assert "Internal figures." not in page
    assert "Show the internal figures" not in page


def test_the_downloads_are_real_files_with_every_table(
    coordinator: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(coordinator)
    base = f"/en/staff/statistics/report/download/{{}}/?{YEAR_2019}"

    pdf = client.get(base.format("pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="likeverd-osl-2019-01-01-2019-12-31-en.pdf"'
    reader = PdfReader(io.BytesIO(pdf.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    document = json.loads(client.get(base.format("json")).content)
    for table in document["tables"]:
        assert table["title"] in text
    assert "Annual report 2019" in text
    assert "1 / " in text  # page numbers

    workbook = load_workbook(io.BytesIO(client.get(base.format("xlsx")).content))
    assert workbook.sheetnames == ["about", *TABLE_IDS]

    csv_text = client.get(base.format("csv")).content.decode()
    assert csv_text.startswith("table_id,table,row_key,row,column,value,unit,suppressed")

    exports = AuditEvent.objects.filter(action=AuditAction.EXPORT, actor__username="cora")
    assert sorted(event.detail["format"] for event in exports) == ["csv", "json", "pdf", "xlsx"]


def test_open_data_ids_are_the_same_in_every_language(
    coordinator: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(coordinator)
    documents = {
        language: json.loads(
            client.get(f"/{language}/staff/statistics/report/download/json/?{YEAR_2019}").content
        )
        for language in ("nb", "sv", "en")
    }
    ids = {
        language: [table["id"] for table in document["tables"]] for language, document in documents.items()
    }
    assert ids["nb"] == ids["sv"] == ids["en"] == list(TABLE_IDS)
    labels = {language: document["tables"][0]["rows"][0]["label"] for language, document in documents.items()}
    assert len(set(labels.values())) == 3  # the labels are translated, the ids are not
    assert {document["language"] for document in documents.values()} == {"nb", "sv", "en"}


def test_a_single_offices_choice_stays_the_same_list_after_an_invalid_submit(
    coordinator: User, client_for: Callable[[User], Client]
) -> None:
    """Before and after a submit with a mistake, the office is chosen from the same list (with
    one office, that office), never a text box to type a code into."""
    client = client_for(coordinator)
    before = client.get("/en/staff/statistics/").content.decode()
    after = client.get("/en/staff/statistics/report/?office=OSL&year=20x9").content.decode()
    for page in (before, after):
        assert re.search(
            r'<select name="office"[^>]*>\s*<option value="OSL" selected>DiMe Oslo</option>\s*</select>', page
        ), page
        assert not re.search(r'<input type="text" name="office"', page)
