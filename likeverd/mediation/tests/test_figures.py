"""The bench's figures for the annual report: referrals by area of society and ground, meetings
held and outcomes, for one office and period (a read-only selector; statistics calls it)."""

import datetime as dt

import pytest
import time_machine

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services as case_services
from likeverd.cases.services import Classification
from likeverd.cases.tests.factories import terms
from likeverd.core import clock
from likeverd.mediation import selectors, services
from likeverd.mediation.models import BenchKind, BenchOutcome
from likeverd.mediation.tests.helpers import consented, mediator_in, meeting_plan, referred
from likeverd.taxonomy.models import TermKind
from likeverd.taxonomy.selectors import list_reporting_categories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]


def test_figures_count_by_area_ground_kind_meetings_and_outcome(
    office: Office, other_office: Office, adviser: User, other_adviser: User
) -> None:
    advising = viewer_of(adviser)
    mediator = mediator_in(office)
    first = consented(advising, mediator)
    grounds = terms("NO", TermKind.GROUND, "ETHNICITY", "RELIGION")
    case_services.create_default_reporting_categories(office=office)
    category = list_reporting_categories(viewer=advising)[0]
    case_services.classify_case(
        viewer=advising,
        case=first.case,
        classification=Classification(grounds=grounds, reporting_category=category),
    )
    meeting = services.schedule_meeting(viewer=viewer_of(mediator), referral=first, plan=meeting_plan(days=1))
    with time_machine.travel(meeting.ends_at, tick=False):
        services.mark_meeting_held(viewer=viewer_of(mediator), meeting=meeting)
        services.record_outcome(viewer=viewer_of(mediator), referral=first, outcome=BenchOutcome.AGREEMENT)
    referred(advising, kind=BenchKind.NEIGHBOURS)
    referred(viewer_of(other_adviser))  # another office: never counted here

    today = clock.today()
    figures = selectors.bench_figures(
        office=office, start=today - dt.timedelta(days=1), end=today + dt.timedelta(days=2)
    )
    assert figures.referrals == 2
    assert figures.by_area == {category.code: 1, "": 1}
    assert figures.by_ground == {grounds[0].code: 1, grounds[1].code: 1}
    assert figures.by_kind == {BenchKind.DISCRIMINATION: 1, BenchKind.NEIGHBOURS: 1}
    assert figures.meetings_held == 1
    assert figures.outcomes[BenchOutcome.AGREEMENT] == 1
    assert figures.outcomes[BenchOutcome.NO_AGREEMENT] == 0

    earlier = selectors.bench_figures(
        office=office, start=today - dt.timedelta(days=30), end=today - dt.timedelta(days=1)
    )
    assert earlier.referrals == 0
    assert earlier.meetings_held == 0
