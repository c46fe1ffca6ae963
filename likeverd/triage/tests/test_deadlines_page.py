"""The dashboard's deadline box stays short in a busy office (the soonest few on the adviser's
own and unassigned cases, and how many more), and the deadlines page lists them all."""

import datetime as dt

import pytest
import time_machine

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services as case_services
from likeverd.cases.dates import parse_incident_date
from likeverd.cases.models import Case, Channel
from likeverd.cases.services import CaseDetails
from likeverd.cases.tests.pages import ClientFor, url
from likeverd.triage import panels, selectors

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 29)
NOW = dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC)
# The tribunal's three years from these incidents end within the 30 days after TODAY.
SOON = [f"{day:02d}.12.2023" for day in range(1, 29)]


def register(user: User, incident: str, *, assign_to: User | None = None) -> Case:
    details = CaseDetails(
        channel=Channel.PHONE,
        narrative="Refused at the door.",
        incident_date=parse_incident_date(incident, today=TODAY),
    )
    return case_services.register_case(viewer=viewer_of(user), details=details, assign_to=assign_to)


def _box(page: str) -> str:
    return page.split('id="deadlines-soon"')[1].split("</section>")[0]


@time_machine.travel(NOW, tick=False)
def test_the_box_shows_the_ten_soonest_on_own_and_unassigned_cases_and_counts_the_rest(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    colleague = make_staff(office, Role.ADVISER)
    mine = [register(adviser, incident, assign_to=adviser) for incident in SOON[:8]]
    unassigned = [register(adviser, incident) for incident in SOON[8:12]]
    colleagues = register(adviser, SOON[0], assign_to=colleague)
    nobodys_soonest = register(adviser, "30.11.2023")  # unassigned, one day left
    elsewhere = register(other_adviser, SOON[0])

    box = _box(client_for(adviser).get(url("dashboard")).content.decode())

    assert box.split("<tbody>")[1].count("<tr>") == panels.BOX_ROWS
    shown = [case for case in [*mine, *unassigned] if case.number in box]
    # Soonest first: the earliest incidents' cases, none skipped.
    assert shown == [*mine, *unassigned][: len(shown)]
    assert unassigned[-1] not in shown
    assert nobodys_soonest.number in box.split("</tr>")[1]  # the first row after the header
    assert colleagues.number not in box
    assert elsewhere.number not in box
    # Each case has several deadlines ending in the window: the rest are counted, not listed.
    assert " more.</p>" in box
    assert 'href="/en/staff/deadlines/"' in box
    listed = AuditEvent.objects.get(action=AuditAction.LIST, actor=adviser)
    assert listed.detail["list"] == "upcoming_deadlines"


@time_machine.travel(NOW, tick=False)
def test_the_deadlines_page_lists_every_deadline_of_the_office_a_page_at_a_time(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    colleague = make_staff(office, Role.ADVISER)
    cases = [register(adviser, incident, assign_to=colleague) for incident in SOON]
    elsewhere = register(other_adviser, SOON[0])
    client = client_for(adviser)

    first = client.get(url("triage:deadlines")).content.decode()
    total = len(selectors.upcoming_deadlines(viewer=viewer_of(adviser), within_days=30))
    assert total > panels.PAGE_ROWS  # several deadlines a case
    assert f"{total} deadlines, soonest first." in first
    assert cases[0].number in first
    assert elsewhere.number not in first
    assert 'rel="next"' in first
    second = client.get(url("triage:deadlines") + "?scope=all&page=2").content.decode()
    assert cases[-1].number in second
    assert 'rel="prev"' in second
    # The colleague's cases are not the adviser's: "mine" leaves them out.
    mine = client.get(url("triage:deadlines") + "?scope=mine").content.decode()
    assert cases[0].number not in mine
    assert "No deadline ends within 30 days." in mine
    pages = AuditEvent.objects.filter(action=AuditAction.LIST, actor=adviser, detail__list="deadlines_page")
    assert pages.count() == 2  # the two pages that listed cases; the empty one read none


@time_machine.travel(NOW, tick=False)
def test_the_deadlines_page_is_for_case_readers_only(office: Office, client_for: ClientFor) -> None:
    admin = make_staff(office, Role.OFFICE_ADMIN)
    assert client_for(admin).get(url("triage:deadlines")).status_code == 403
