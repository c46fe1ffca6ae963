"""Several offices at once (the network's view), and a report that costs the same number of
statements however many cases there are."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from pytest_django.fixtures import Settings

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditEvent
from likeverd.cases import services
from likeverd.cases.models import Channel, CounterpartKind, PlaceKind
from likeverd.outreach.models import ExpenseKind
from likeverd.statistics.selectors import report_tables
from likeverd.statistics.tables import Table
from likeverd.statistics.tests import outreach_helpers as outreach
from likeverd.statistics.tests.helpers import at, by_id, case, figures

pytestmark = pytest.mark.django_db

START, END = dt.date(2019, 1, 1), dt.date(2019, 12, 31)
# Every statement a report makes, whatever the data: the access check, the categories and the
# terms' labels, one aggregate per table (areas, channels, statuses and outcomes share one), and
# the audit row; the network's tables add three: cases_by_municipality (1),
# hate_crimes_by_odihr_category (2).
REPORT_STATEMENTS = 20


def _coordinator(office: Office) -> Viewer:
    services.create_default_reporting_categories(office=office)
    return viewer_of(make_staff(office, Role.ADVISER, Role.COORDINATOR))


def _a_year_of_work(viewer: Viewer, cases: int) -> None:
    for number in range(cases):
        case(
            viewer,
            at(dt.date(2019, 1 + number % 12, 1 + number % 28)),
            channel=[Channel.WEB, Channel.PHONE][number % 2],
            category_code=["housing", "working_life", "nightlife"][number % 3],
            grounds=(("ETHNICITY",), ("ETHNICITY", "RELIGION"), ())[number % 3],
            forms=("DIRECT",) if number % 2 else (),
            place_kind=PlaceKind.SHOP,
            counterparts=(CounterpartKind.BUSINESS,),
        )
    course = outreach.template(viewer, f"Course {cases}")
    outreach.session(viewer, course, dt.date(2019, 5, 2), 12)
    outreach.event(viewer, dt.date(2019, 6, 2), f"Stand {cases}", reached=100)
    outreach.grant(viewer, outreach.funder(viewer, f"Funder {cases}"), 2019, received=1000)
    outreach.expense(viewer, 2019, ExpenseKind.RENT, 500)


def _statements(viewer: Viewer, office: Office) -> tuple[int, list[Table]]:
    with CaptureQueriesContext(connection) as queries:
        tables = report_tables(actor=viewer, offices=[office], start=START, end=END, controlled=False)
    return len(queries), tables


def test_the_number_of_statements_does_not_grow_with_the_data(office: Office) -> None:
    coordinator = _coordinator(office)
    _a_year_of_work(coordinator, 1)
    few, tables = _statements(coordinator, office)
    assert by_id(tables)["cases_by_category"].total.values == (1,)  # type: ignore[union-attr]
    _a_year_of_work(coordinator, 14)
    many, tables = _statements(coordinator, office)
    assert by_id(tables)["cases_by_category"].total.values == (15,)  # type: ignore[union-attr]
    assert by_id(tables)["courses"].total.values == (2, 24)  # type: ignore[union-attr]
    assert few == many == REPORT_STATEMENTS


def test_the_network_sums_its_offices_figures(
    office: Office, other_office: Office, swedish_office: Office, adviser: User, settings: Settings
) -> None:
    # A threshold of 1 hides nothing, so the sums show (what is hidden is the next test's).
    settings.DISCLOSURE_THRESHOLD = 1
    oslo, bergen, malmo = _coordinator(office), _coordinator(other_office), _coordinator(swedish_office)
    case(oslo, at(dt.date(2019, 3, 1)), category_code="housing", grounds=("ETHNICITY",))
    case(oslo, at(dt.date(2019, 4, 1)), category_code="housing", grounds=("ETHNICITY", "RELIGION"))
    case(bergen, at(dt.date(2019, 3, 9)), category_code="housing", grounds=("ETHNICITY",))
    case(malmo, at(dt.date(2019, 3, 9)), category_code="working_life", grounds=("ETHNICITY",))
    for viewer, amount in ((oslo, 1000), (bergen, 500), (malmo, 700)):
        outreach.grant(viewer, outreach.funder(viewer, "Stiftelsen Dam"), 2019, received=amount)
    outreach.expense(oslo, 2019, ExpenseKind.RENT, 100)
    outreach.expense(bergen, 2019, ExpenseKind.RENT, 50)
    statistician = viewer_of(make_staff(office, Role.NETWORK_STATISTICIAN))

    with translation.override("en"):
        tables = by_id(
            report_tables(
                actor=statistician, offices=[office, other_office, swedish_office], start=START, end=END
            )
        )

    category = figures(tables["cases_by_category"])
    assert category["Housing and neighbour conflicts"] == (3,)
    assert category["Working life"] == (1,)
    assert category["="] == (4,)
    # The same ground in two jurisdictions' taxonomies counts under one row.
    assert {row.key: row.values for row in tables["cases_by_ground"].rows}["ETHNICITY"] == (4,)
    assert figures(tables["cases_by_month"])["March 2019"] == (3,)
    # Kroner and kronor are not added up: each currency keeps its own rows and there is no total.
    assert figures(tables["income"]) == {"Stiftelsen Dam (NOK)": (1500,), "Stiftelsen Dam (SEK)": (700,)}
    assert tables["income"].unit == ""
    # Only Norwegian offices had costs: one currency, summed, with its total.
    assert figures(tables["costs"]) == {"Rent": (150,), "=": (150,)}
    assert tables["costs"].unit == "NOK"
    event = AuditEvent.objects.get(detail__read="statistics")
    assert event.detail["offices"] == ["OSL", "BGO", "MAL"]
    assert event.detail["controlled"] is True  # several offices: always disclosure-controlled


def test_figures_that_leave_the_office_hide_small_counts_but_never_money_nor_activities(
    office: Office, other_office: Office
) -> None:
    oslo, bergen = _coordinator(office), _coordinator(other_office)
    for number in range(7):
        case(oslo, at(dt.date(2019, 3, 1 + number)), category_code="housing", channel=Channel.PHONE)
    case(oslo, at(dt.date(2019, 3, 20)), category_code="working_life", channel=Channel.WEB)
    case(bergen, at(dt.date(2019, 3, 21)), category_code="housing", channel=Channel.WEB)
    outreach.grant(oslo, outreach.funder(oslo, "Oslo kommune"), 2019, received=3)
    course = outreach.template(oslo, "Hate crime", hours=3, capacity=20)
    outreach.session(oslo, course, dt.date(2019, 4, 2), participants=3)
    outreach.event(oslo, dt.date(2019, 5, 17), "Stand at the festival", reached=2)
    statistician = viewer_of(make_staff(office, Role.NETWORK_STATISTICIAN))

    with translation.override("en"):
        # Asked for without control, the network still gets controlled figures.
        tables = by_id(
            report_tables(
                actor=statistician, offices=[office, other_office], start=START, end=END, controlled=False
            )
        )
        own = by_id(report_tables(actor=oslo, offices=[office], start=START, end=END))

    channel = figures(tables["cases_by_channel"])
    assert tables["cases_by_channel"].suppressed
    assert channel["Web form"] == (None,)  # 2 cases: hidden
    assert channel["Phone"] == (None,)  # hidden too, or 9 - 7 would give the web form's 2 away
    assert channel["="] == (9,)
    category = figures(tables["cases_by_category"])
    assert category["Working life"] == (None,)
    assert category["Housing and neighbour conflicts"] == (None,)
    assert category["Hate crime"] == (0,)  # zeros tell nothing about anyone
    assert figures(tables["income"]) == {"Oslo kommune": (3,), "=": (3,)}  # money: never hidden
    assert not tables["income"].suppressed
    # The office's own courses and events are activities, not people who came to it: published.
    assert figures(tables["courses"])["Hate crime"] == (1, 3)
    assert not tables["courses"].suppressed
    assert figures(tables["events"])["Stand"] == (1, 2)
    assert not tables["events"].suppressed
    # An office's own report is controlled by default, too.
    assert figures(own["cases_by_category"])["Working life"] == (None,)
