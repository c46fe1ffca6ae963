"""Time frozen (time-machine) at the edges that matter: the year of a case number changes at
local midnight on 31 December (Europe/Oslo, an hour before UTC's), times in the future are
refused, and "due this week" counts from the local day."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from pytest_django.fixtures import Settings

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import selectors, services
from likeverd.cases.models import Channel, EventKind
from likeverd.cases.services import CaseDetails
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db

UTC = dt.UTC


@pytest.fixture(autouse=True)
def _oslo(settings: Settings) -> None:
    settings.TIME_ZONE = "Europe/Oslo"


def test_the_case_number_year_turns_at_local_midnight_on_new_years_eve(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    # 23:59:59 in Oslo on 31 December is 22:59:59 UTC: still the old year.
    with time_machine.travel(dt.datetime(2026, 12, 31, 22, 59, 59, tzinfo=UTC), tick=False):
        last_of_2026 = register(viewer)
    # One second later it is midnight in Oslo, while UTC is still in 2026.
    with time_machine.travel(dt.datetime(2026, 12, 31, 23, 0, 0, tzinfo=UTC), tick=False):
        first_of_2027 = register(viewer)
        second_of_2027 = register(viewer)

    assert last_of_2026.number == "OSL-2026-0001"
    assert (first_of_2027.number, second_of_2027.number) == ("OSL-2027-0001", "OSL-2027-0002")


def test_a_case_received_in_the_future_is_refused(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    now = dt.datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        with pytest.raises(ValidationError):
            services.register_case(
                viewer=viewer,
                details=CaseDetails(channel=Channel.PHONE, received_at=now + dt.timedelta(minutes=6)),
            )
        # A few minutes' difference between clocks is allowed.
        case = services.register_case(
            viewer=viewer,
            details=CaseDetails(channel=Channel.PHONE, received_at=now + dt.timedelta(minutes=4)),
        )
    assert case.received_at == now + dt.timedelta(minutes=4)


def test_a_timeline_entry_in_the_future_is_refused(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    now = dt.datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        case = register(viewer)
        with pytest.raises(ValidationError):
            services.add_timeline_entry(
                viewer=viewer,
                case=case,
                kind=EventKind.CALL,
                body="x",
                occurred_at=now + dt.timedelta(hours=1),
            )
        services.add_timeline_entry(
            viewer=viewer,
            case=case,
            kind=EventKind.CALL,
            body="Called",
            occurred_at=now - dt.timedelta(days=1),
        )
    assert case.events.filter(kind=EventKind.CALL).count() == 1


def test_due_this_week_counts_seven_days_from_the_local_day(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    # 23:30 UTC on 1 March is already 2 March in Oslo: the week runs to 9 March.
    with time_machine.travel(dt.datetime(2026, 3, 1, 23, 30, tzinfo=UTC), tick=False):
        case = register(viewer)
        titles = {
            "overdue": dt.date(2026, 2, 20),
            "today": dt.date(2026, 3, 2),
            "last day of the week": dt.date(2026, 3, 9),
            "a day too late": dt.date(2026, 3, 10),
        }
        for title, due in titles.items():
            services.add_task(viewer=viewer, case=case, title=title, due_date=due)

        board = selectors.get_dashboard(viewer=viewer)

    assert [task.title for task in board.due_this_week] == ["overdue", "today", "last day of the week"]
