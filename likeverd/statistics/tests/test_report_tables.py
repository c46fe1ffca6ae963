"""The report's tables for an office and a period: what a coordinator reads in the annual report."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from likeverd.accounts.actors import SystemActor
from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services
from likeverd.cases.models import Case, Channel, CounterpartKind, PlaceKind
from likeverd.statistics.selectors import TABLE_IDS, report_offices, report_tables
from likeverd.statistics.tables import Table
from likeverd.statistics.tests.helpers import at, by_id, case, figures

pytestmark = pytest.mark.django_db

YEAR = (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


@pytest.fixture
def advising(office: Office, adviser: User) -> Viewer:
    services.create_default_reporting_categories(office=office)
    return viewer_of(adviser)


def _report(viewer: Viewer, offices: list[Office], language: str = "en") -> dict[str, Table]:
    with translation.override(language):
        return by_id(
            report_tables(actor=viewer, offices=offices, start=YEAR[0], end=YEAR[1], controlled=False)
        )


def test_each_case_of_the_year_counts_once_by_area_channel_month_status_and_outcome(
    office: Office, other_office: Office, advising: Viewer, other_adviser: User
) -> None:
    case(
        advising,
        at(dt.date(2019, 3, 5)),
        channel=Channel.WEB,
        category_code="housing",
        grounds=("ETHNICITY", "RELIGION"),
        forms=("HARASSMENT",),
        place_kind=PlaceKind.HOME,
        counterparts=(CounterpartKind.LANDLORD, CounterpartKind.PRIVATE_PERSON),
    )
    case(
        advising,
        at(dt.date(2019, 3, 20)),
        category_code="housing",
        grounds=("ETHNICITY",),
        forms=("DIRECT",),
        counterparts=(CounterpartKind.LANDLORD, CounterpartKind.LANDLORD),
    )
    case(advising, at(dt.date(2019, 12, 31), 23, 30), channel=Channel.EMAIL, category_code="working_life")
    # Outside the year on Oslo's calendar (though 2019 in UTC, and 2019 in UTC+0 for the second).
    case(advising, at(dt.date(2018, 12, 31), 23, 59), category_code="housing")
    case(advising, at(dt.date(2020, 1, 1), 0, 30), category_code="housing")
    # A report that looked like spam, and another office's case: never counted.
    spam = case(advising, at(dt.date(2019, 6, 1)), category_code="housing")
    Case.objects.filter(pk=spam.pk).update(suspected_spam=True)
    services.create_default_reporting_categories(office=other_office)
    case(viewer_of(other_adviser), at(dt.date(2019, 6, 1)), category_code="housing")

    tables = _report(advising, [office])

    assert list(tables) == list(TABLE_IDS)
    category = figures(tables["cases_by_category"])
    assert category["Housing and neighbour conflicts"] == (2,)
    assert category["Working life"] == (1,)
    assert category["Hate crime"] == (0,)  # every active category shows, also at zero
    assert category["="] == (3,)
    assert figures(tables["cases_by_channel"]) == {"Web form": (1,), "Phone": (1,), "E-mail": (1,), "=": (3,)}
    month = tables["cases_by_month"]
    assert month.chart == "line"
    assert [row.key for row in month.rows][:3] == ["2019-01", "2019-02", "2019-03"]
    assert len(month.rows) == 12
    assert figures(month)["March 2019"] == (2,)
    assert figures(month)["December 2019"] == (1,)
    assert figures(tables["cases_by_status"]) == {"New": (3,), "=": (3,)}
    assert figures(tables["cases_by_outcome"]) == {"Still open": (3,), "=": (3,)}


def test_grounds_count_each_ground_and_their_combinations_show_intersectional_cases(
    office: Office, advising: Viewer
) -> None:
    case(
        advising,
        at(dt.date(2019, 3, 5)),
        grounds=("ETHNICITY", "RELIGION"),
        forms=("HARASSMENT",),
        counterparts=(CounterpartKind.LANDLORD, CounterpartKind.PRIVATE_PERSON),
    )
    case(
        advising,
        at(dt.date(2019, 4, 5)),
        grounds=("RELIGION", "ETHNICITY"),
        counterparts=(CounterpartKind.LANDLORD, CounterpartKind.LANDLORD),
    )
    case(advising, at(dt.date(2019, 5, 5)), grounds=("ETHNICITY",), forms=("DIRECT",))
    case(advising, at(dt.date(2019, 6, 5)))

    tables = _report(advising, [office])

    grounds = tables["cases_by_ground"]
    assert {row.key: row.values for row in grounds.rows} == {"ETHNICITY": (3,), "RELIGION": (2,), "": (1,)}
    assert grounds.total is not None
    assert grounds.total.values == (4,)
    assert grounds.additive is False
    combinations = tables["cases_by_ground_combination"]
    rows = {row.key: row.values for row in combinations.rows}
    assert rows == {"ETHNICITY": (1,), "ETHNICITY+RELIGION": (2,), "": (1,)}
    assert combinations.additive is True
    assert sum(values[0] or 0 for values in rows.values()) == 4
    assert {row.key: row.values for row in tables["cases_by_form"].rows} == {
        "DIRECT": (1,),
        "HARASSMENT": (1,),
        "": (2,),
    }
    counterpart = {row.key: row.values for row in tables["cases_by_counterpart"].rows}
    assert counterpart == {"landlord": (2,), "private_person": (1,)}


def test_labels_follow_the_active_language(office: Office, advising: Viewer) -> None:
    case(advising, at(dt.date(2019, 3, 5)), category_code="housing", grounds=("ETHNICITY",))
    norwegian = _report(advising, [office], "nb")
    swedish = _report(advising, [office], "sv")
    assert figures(norwegian["cases_by_category"])["Bolig og nabokonflikter"] == (1,)
    assert figures(swedish["cases_by_category"])["Boende och grannkonflikter"] == (1,)
    assert norwegian["cases_by_ground"].rows[0].label == "Etnisitet"
    assert norwegian["cases_by_month"].rows[2].label.lower() == "mars 2019"
    assert [t.id for t in norwegian.values()] == [t.id for t in swedish.values()]


def test_every_report_is_one_audited_read_without_case_ids(office: Office, advising: Viewer) -> None:
    case(advising, at(dt.date(2019, 3, 5)), category_code="housing")
    before = AuditEvent.objects.count()
    _report(advising, [office])
    events = list(AuditEvent.objects.order_by("-id")[: AuditEvent.objects.count() - before])
    assert len(events) == 1
    (event,) = events
    assert event.action == AuditAction.VIEW
    assert event.case_id == ""
    assert event.target_id == ""
    assert event.detail["read"] == "statistics"
    assert event.detail["offices"] == ["OSL"]
    assert event.office_id == office.pk


def test_staff_asking_for_another_office_are_refused_and_the_refusal_is_audited(
    office: Office, other_office: Office, advising: Viewer
) -> None:
    with pytest.raises(PermissionDenied):
        report_tables(actor=advising, offices=[other_office], start=YEAR[0], end=YEAR[1])
    with pytest.raises(PermissionDenied):
        report_tables(actor=advising, offices=[office, other_office], start=YEAR[0], end=YEAR[1])
    denied = AuditEvent.objects.filter(action=AuditAction.DENIED, office=office)
    assert denied.count() == 2
    assert {event.detail["target_id"] for event in denied} == {str(other_office.public_id)}
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW, detail__read="statistics").exists()


def test_staff_without_statistics_may_not_report_even_on_their_own_office(office: Office) -> None:
    dpo = viewer_of(make_staff(office, Role.DATA_PROTECTION_OFFICER))
    assert not report_offices(dpo).exists()
    with pytest.raises(PermissionDenied):
        report_tables(actor=dpo, offices=[office], start=YEAR[0], end=YEAR[1])
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, detail__reason="no_permission").count() == 1


def test_which_offices_each_role_may_report_on(office: Office, other_office: Office) -> None:
    coordinator = viewer_of(make_staff(office, Role.COORDINATOR))
    statistician = viewer_of(make_staff(office, Role.NETWORK_STATISTICIAN))
    assert list(report_offices(coordinator)) == [office]
    assert set(report_offices(statistician)) == {office, other_office}


def test_the_command_reports_as_the_system_with_its_audit_row(office: Office, advising: Viewer) -> None:
    case(advising, at(dt.date(2019, 3, 5)), category_code="housing")
    tables = report_tables(
        actor=SystemActor("likeverd report"), offices=[office], start=YEAR[0], end=YEAR[1], controlled=False
    )
    assert tables[0].total is not None
    assert tables[0].total.values == (1,)
    event = AuditEvent.objects.get(detail__read="statistics")
    assert event.actor_label == "likeverd report"
    assert event.actor_id is None


def test_a_period_that_ends_before_it_starts_is_refused(office: Office, advising: Viewer) -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        report_tables(actor=advising, offices=[office], start=YEAR[1], end=YEAR[0])
