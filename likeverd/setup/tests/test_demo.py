import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count
from django.utils import timezone, translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.actors import SystemActor
from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import selectors
from likeverd.cases.models import Case, CaseStatus, Channel, Party, PartyRole
from likeverd.intake.models import MessageDirection, ReporterMessage
from likeverd.intake.receipts import find_by_receipt
from likeverd.outreach import selectors as outreach_selectors
from likeverd.outreach.models import Patrol
from likeverd.setup.demo.people import DEMO_PASSWORD
from likeverd.setup.demo.staff import demo_logins
from likeverd.statistics.selectors import report_offices, report_tables

pytestmark = pytest.mark.django_db

# A small demo keeps the test quick; the full one (300 cases) is the same code with more rows.
CASES = 40


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", "--force", "--cases", str(CASES), *args, stdout=out)
    return out.getvalue()


def test_running_the_demo_twice_creates_the_offices_and_cases_once() -> None:
    run_demo()
    second = run_demo()
    assert sorted(Office.objects.values_list("code", flat=True)) == ["MAL", "OSL"]
    # The cases asked for, Oslo's two reports from the public form (one in the spam folder), and
    # each office's two demo patrols (one a year), which witnessed one case each.
    assert Patrol.cases.through.objects.count() == 4
    assert Case.objects.count() == CASES + 2 + 4
    assert Case.objects.filter(office__code="OSL", channel="web", web_report__isnull=False).count() == 2
    assert Case.objects.filter(suspected_spam=True).count() == 1
    assert (
        Case.objects.filter(office__code="OSL").count() > Case.objects.filter(office__code="MAL").count() > 0
    )
    assert "demo data already loaded" in second
    assert "adviser.oslo" in second
    assert DEMO_PASSWORD in second
    assert "http://127.0.0.1:8000/" in second


def test_every_role_has_a_demo_person_who_can_log_in_with_the_printed_code() -> None:
    run_demo()
    for code in ["OSL", "MAL"]:
        roles = set(Membership.objects.filter(office__code=code).values_list("role", flat=True))
        assert roles | {Role.NETWORK_STATISTICIAN} == set(Role.values)
        assert Membership.objects.filter(office__code=code, role=Role.ADVISER).count() == 2
    # The network statistician is in one office, as `createstaff` makes one, and reads every office's
    # figures from there.
    statistician = Membership.objects.get(role=Role.NETWORK_STATISTICIAN).user
    assert set(report_offices(viewer_of(statistician))) == set(Office.objects.all())
    for login in demo_logins():
        user = User.objects.get(username=login.username)
        assert user.check_password(DEMO_PASSWORD)
        assert TOTPDevice.objects.get(user=user, confirmed=True).verify_token(login.current_code)


def test_demo_cases_are_classified_with_several_grounds_and_spread_over_statuses() -> None:
    run_demo()
    several = Case.objects.annotate(n=Count("grounds")).filter(n__gte=2)
    assert several.exists()
    statuses = set(Case.objects.values_list("status", flat=True))
    assert CaseStatus.CLOSED in statuses
    assert len(statuses) >= 3
    assert not Case.objects.filter(status=CaseStatus.CLOSED, outcome="").exists()


def test_the_planted_conflict_of_interest_is_found() -> None:
    run_demo()
    adviser = User.objects.get(username="adviser.oslo")
    viewer = viewer_of(adviser, Office.objects.get(code="OSL"))
    with_named_counterpart = {
        party.case
        for party in Party.objects.filter(
            case__office__code="OSL", role=PartyRole.COUNTERPART, name_key__isnull=False
        ).select_related("case")
    }
    conflicts = [
        c for case in with_named_counterpart for c in selectors.list_conflicts(viewer=viewer, case=case)
    ]
    # Seen from the case where the client of another case is the counterpart.
    planted = [c for c in conflicts if c.party.role == PartyRole.COUNTERPART]
    assert len(planted) == 1
    assert planted[0].other_role == PartyRole.PERSON


def test_the_demo_refuses_to_run_outside_a_local_installation_unless_forced() -> None:
    with pytest.raises(CommandError, match="local installation"):
        call_command("demo", "--cases", "1", stdout=StringIO())
    assert not Office.objects.exists()


def test_demo_cases_have_sorting_conversations_half_done_and_complete_checklists_and_decisions() -> None:
    from likeverd.triage.models import AssessmentDecision, AssessmentStep, SortingRecord
    from likeverd.triage.selectors import assessment_state

    run_demo()
    # The full demo (300 cases) has both kinds in both offices; this small one in the network.
    assert SortingRecord.objects.filter(completed_at__isnull=True).exists()
    for code in ["OSL", "MAL"]:
        assert SortingRecord.objects.filter(case__office__code=code, completed_at__isnull=False).exists()
        assert AssessmentStep.objects.filter(case__office__code=code).exists()
        decided = AssessmentDecision.objects.filter(case__office__code=code).select_related("case").first()
        assert decided is not None
        assert decided.reasons
        assert assessment_state(decided.case).decision is not None


def test_the_printed_receipt_code_opens_the_demo_web_report_once() -> None:
    first = run_demo()
    printed = first.split("with the receipt code ", 1)[1].split(" (shown only now)", 1)[0]
    case = find_by_receipt(printed, address="127.0.0.1")
    assert case is not None
    assert case.channel == Channel.WEB
    assert [m.direction for m in ReporterMessage.objects.filter(case=case)] == [
        MessageDirection.TO_REPORTER,
        MessageDirection.FROM_REPORTER,
    ]
    assert "receipt code" not in run_demo()  # a second run makes no new code


def test_both_demo_offices_have_drafts_and_referrals_made_with_consent() -> None:
    from likeverd.triage.models import DraftVersion, Referral, ReferralStatus

    run_demo()
    for code in ["OSL", "MAL"]:
        drafts = DraftVersion.objects.filter(case__office__code=code)
        assert "complaint" in {draft.kind for draft in drafts}
        made = Referral.objects.filter(case__office__code=code, status=ReferralStatus.ACCEPTED)
        assert made.exists()
        assert all(referral.has_consent and referral.shared == ["problem"] for referral in made)


def test_both_offices_have_two_years_of_outreach_and_balanced_accounts() -> None:
    run_demo()
    for code, currency in [("OSL", "NOK"), ("MAL", "SEK")]:
        office = Office.objects.get(code=code)
        coordinator = Membership.objects.get(office=office, role=Role.COORDINATOR).user
        viewer = viewer_of(coordinator, office)
        years = sorted(set(outreach_selectors.course_sessions(viewer).values_list("date__year", flat=True)))
        assert len(years) == 2
        for year in years:
            income = outreach_selectors.income_table(viewer, year=year)
            costs = outreach_selectors.costs_table(viewer, year=year)
            assert income.currency == currency
            assert income.total == costs.total > 0
            assert len(income.rows) >= 4
            assert len(costs.rows) >= 8
        assert outreach_selectors.events(viewer).exists()
        assert outreach_selectors.media_mentions(viewer).exists()


def test_demo_cases_run_from_last_january_to_today_so_both_years_report() -> None:
    run_demo()
    today = timezone.localdate()
    first, last = dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    received = [timezone.localdate(moment) for moment in Case.objects.values_list("received_at", flat=True)]
    assert min(received) >= first
    assert max(received) <= today
    oslo = Office.objects.get(code="OSL")
    with translation.override("en"):
        tables = report_tables(
            actor=SystemActor("the demo test"), offices=[oslo], start=first, end=last, controlled=False
        )
    months = next(table for table in tables if table.id == "cases_by_month")
    # A small demo (40 cases) still spreads last year's cases over most of its months.
    assert sum(1 for row in months.rows if row.values[0]) >= 6
    assert any(row.values[0] for row in months.rows[:3])
