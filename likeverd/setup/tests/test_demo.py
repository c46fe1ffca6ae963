from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import selectors
from likeverd.cases.models import Case, CaseStatus, Party, PartyRole
from likeverd.setup.demo.build import demo_logins
from likeverd.setup.demo.people import DEMO_PASSWORD

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
    # The cases asked for, and Oslo's two reports from the public form (one in the spam folder).
    assert Case.objects.count() == CASES + 2
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
        assert roles == set(Role.values)
        assert Membership.objects.filter(office__code=code, role=Role.ADVISER).count() == 2
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
