"""What keeps the staff pages fast as an office grows (issue: speed at scale): each page reads the
same number of times whatever the number of rows, never the same rows twice, search reads a
word's cases newest first from the blind index, and writers on SQLite wait their turn in order.
"""

import datetime as dt
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.cases import selectors, services
from likeverd.cases.dates import IncidentDate
from likeverd.cases.models import Case, CaseStatus, Channel, DatePrecision, EventKind, PartyRole, SearchToken
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.services import CaseDetails, PersonDetails
from likeverd.cases.tests.factories import register
from likeverd.core import clock
from likeverd.core.sqlite.base import FairLock

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def url(name: str, *args: Any) -> str:
    with translation.override("en"):
        return reverse(f"cases:{name}", args=args)


def _busy_case(viewer: Viewer, *, parties: int, tasks: int, entries: int) -> Case:
    # An incident three years ago, less a few days: the deadline warning on the dashboard (the
    # triage app's registered box) lists the case, so its reads are counted too.
    day = clock.today() - dt.timedelta(days=3 * 365 - 9)
    incident = IncidentDate(day, day, DatePrecision.DAY, day.isoformat())
    case = register(viewer, person_name="Amina Warsame", incident_date=incident)
    for number in range(parties):
        services.add_party(
            viewer=viewer,
            case=case,
            role=PartyRole.COUNTERPART if number % 2 else PartyRole.WITNESS,
            details=PersonDetails(name=f"Vitne Nummer{number}"),
        )
    for number in range(tasks):
        services.add_task(
            viewer=viewer,
            case=case,
            title=f"Ring tilbake {number}",
            due_date=clock.today() + dt.timedelta(days=number % 9),
            assignee=viewer.user,
        )
    for number in range(entries):
        services.add_timeline_entry(viewer=viewer, case=case, kind=EventKind.NOTE, body=f"Notat {number}")
    services.assign_case(viewer=viewer, case=case, assignee=viewer.user)
    return case


def _searched(client: Client) -> str:
    """The list's address for a search: the words are posted, the address carries a token."""
    response = client.post(url("case_list"), {"q": "nightclub"})
    assert response.status_code == 302
    return str(response["Location"])


def _pages(case: Case, client: Client) -> dict[str, tuple[str, dict[str, str]]]:
    return {
        "dashboard": (url("dashboard"), {}),
        "case list": (url("case_list"), {}),
        "case list, filtered": (url("case_list"), {"status": "new"}),
        "case list, searched": (_searched(client), {}),
        "case page": (url("case_detail", case.public_id), {}),
    }


def _queries(client: Client, path: str, params: dict[str, str]) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


# The statements each page needs: the same for an office with a handful of rows and with many. Four
# of them are every page's (session, user, two-factor device, the viewer's memberships). The triage
# app's registered dashboard box (deadlines within 30 days) reads the open cases whose deadlines may
# end soon and the codes of their areas, forms and tracks (one UNION of three link tables, with
# the terms' codes), and records that it listed them (one). The case page reads the case with the one-to-one
# rows its sections declare (triage's sorting record and decision, intake's receipt) in one
# statement, its classification in one (a UNION of the four link tables) and the office's terms once
# for it and the timeline's labels. Its sections then read: triage's, the ticked checklist steps,
# the sorting record's evidence (when there is a record), the provisions the classification cites
# (when there is one) and the other actors' entries in the help directory. Whether the case has
# drafts, referrals and a bench referral is read with the case, and these cases have none, so
# triage's drafts and referrals and the mediation bench's referral cost no statement (with some:
# one each, however many). The dashboard writes one insert of the audit rows for
# the task titles it shows.
PAGE_QUERIES = {
    "dashboard": 13,
    "case list": 9,
    "case list, filtered": 10,
    "case list, searched": 10,
    "case page": 17,
}


def test_every_staff_page_reads_the_same_number_of_times_with_few_or_many_rows(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    make_staff(office, Role.ADVISER, first_name="Kari")
    small = _busy_case(viewer, parties=1, tasks=1, entries=1)
    client = client_for(adviser)
    few = {
        name: len(_queries(client, path, params)) for name, (path, params) in _pages(small, client).items()
    }
    for _ in range(12):
        _busy_case(viewer, parties=0, tasks=2, entries=0)
    rich = _busy_case(viewer, parties=6, tasks=10, entries=15)
    many = {
        name: len(_queries(client, path, params)) for name, (path, params) in _pages(rich, client).items()
    }
    assert few == PAGE_QUERIES
    assert many == PAGE_QUERIES


def test_no_page_reads_the_same_rows_twice(office: Office, adviser: User, client_for: ClientFor) -> None:
    viewer = viewer_of(adviser)
    make_staff(office, Role.MEDIATOR, first_name="Mona")
    case = _busy_case(viewer, parties=3, tasks=3, entries=3)
    client = client_for(adviser)
    for name, (path, params) in _pages(case, client).items():
        repeated = [sql for sql, times in Counter(_queries(client, path, params)).items() if times > 1]
        assert not repeated, f"{name} repeats {repeated}"


def test_the_case_page_reads_the_office_people_once_for_its_lists_and_forms(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    make_staff(office, Role.MEDIATOR, first_name="Mona", last_name="Mekler")
    make_staff(office, Role.COORDINATOR, first_name="Kim", last_name="Koordinator")
    case = _busy_case(viewer, parties=0, tasks=1, entries=0)
    client = client_for(adviser)
    queries = _queries(client, url("case_detail", case.public_id), {})
    memberships = [sql for sql in queries if 'FROM "accounts_membership"' in sql]
    assert len(memberships) == 2  # the viewer's own (every page), and the office's people once
    page = client.get(url("case_detail", case.public_id)).content.decode()
    # The assignment offers caseworkers only; a task can go to anyone in the office.
    assign_form = page[page.index('name="assign-assignee"') :]
    assign_form = assign_form[: assign_form.index("</select>")]
    task_form = page[page.index('name="task-assignee"') :]
    task_form = task_form[: task_form.index("</select>")]
    assert "Mona Mekler" in assign_form
    assert "Kim Koordinator" not in assign_form
    assert "Mona Mekler" in task_form
    assert "Kim Koordinator" in task_form


def test_a_person_remembered_for_the_form_is_still_checked_when_the_form_is_sent(
    office: Office, other_office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    stranger = make_staff(other_office, Role.ADVISER)
    case = register(viewer)
    response = client_for(adviser).post(
        url("case_assign", case.public_id), {"assign-assignee": str(stranger.pk)}
    )
    case.refresh_from_db()
    assert case.assigned_to is None
    assert response.status_code in {200, 302}


# --- search ------------------------------------------------------------------------------------


def _received(viewer: Viewer, narrative: str, days_ago: int, person: str = "") -> Case:
    return register(
        viewer,
        narrative=narrative,
        person_name=person,
        received_at=clock.now() - dt.timedelta(days=days_ago),
    )


def test_search_lists_matches_newest_first_across_pages(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    made = [_received(viewer, "Nektet adgang på utestedet.", days_ago=day) for day in (40, 3, 25, 10, 1)]
    _received(viewer, "Hybelen ble gitt til en annen.", days_ago=2)
    found = list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="utestedet")))
    assert [case.pk for case in found] == [
        case.pk for case in sorted(made, key=lambda c: c.received_at, reverse=True)
    ]
    second_page = list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="utestedet"))[2:4])
    assert [case.pk for case in second_page] == [case.pk for case in found[2:4]]


def test_a_rare_name_is_found_among_many_cases_without_a_statement_of_its_own(
    office: Office, adviser: User, django_assert_num_queries: Any
) -> None:
    viewer = viewer_of(adviser)
    for day in range(30):
        _received(viewer, "Nektet adgang på utestedet.", days_ago=day, person="Ola Nordmann")
    wanted = _received(viewer, "Nektet adgang på utestedet.", days_ago=100, person="Wanjiru Lindahl")
    # The audit record, the page and the grounds: no separate look-up of the word.
    with django_assert_num_queries(3):
        found = list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="lindahl")))
    assert [case.pk for case in found] == [wanted.pk]


def test_every_word_must_match_and_a_word_found_nowhere_finds_nothing(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    both = _received(viewer, "Dørvakten sa at utestedet var fullt.", days_ago=1)
    _received(viewer, "Dørvakten var uhøflig i butikken.", days_ago=2)
    _received(viewer, "Utestedet var fullt, sa de.", days_ago=3)
    assert [
        c.pk for c in selectors.list_cases(viewer=viewer, filters=CaseFilters(query="dørvakten fullt"))
    ] == [both.pk]
    assert not list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="dørvakten xylofon")))


def test_search_follows_a_corrected_received_date(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    older = _received(viewer, "Nektet adgang på utestedet.", days_ago=30)
    newer = _received(viewer, "Nektet adgang på utestedet.", days_ago=5)
    services.update_case_details(
        viewer=viewer,
        case=older,
        details=CaseDetails(
            channel=Channel(older.channel),
            narrative=older.narrative,
            received_at=clock.now() - dt.timedelta(days=1),
        ),
    )
    found = list(selectors.list_cases(viewer=viewer, filters=CaseFilters(query="utestedet")))
    assert [case.pk for case in found] == [older.pk, newer.pk]
    assert set(SearchToken.objects.filter(case=older).values_list("received_at", flat=True)) == {
        Case.objects.get(pk=older.pk).received_at
    }


def test_search_never_lists_another_offices_case_with_the_same_words(
    office: Office, other_office: Office, adviser: User, other_adviser: User
) -> None:
    mine = _received(viewer_of(adviser), "Nektet adgang på utestedet.", days_ago=1)
    _received(viewer_of(other_adviser), "Nektet adgang på utestedet.", days_ago=0)
    found = list(selectors.list_cases(viewer=viewer_of(adviser), filters=CaseFilters(query="utestedet")))
    assert [case.pk for case in found] == [mine.pk]


# --- the dashboard and conflicts of interest ---------------------------------------------------


def test_the_dashboard_shows_only_open_tasks_of_its_own_office_due_within_a_week(
    office: Office, other_office: Office, adviser: User, other_adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    soon = services.add_task(
        viewer=viewer, case=case, title="Ring", due_date=clock.today() + dt.timedelta(days=3)
    )
    services.add_task(
        viewer=viewer, case=case, title="Senere", due_date=clock.today() + dt.timedelta(days=20)
    )
    done = services.add_task(viewer=viewer, case=case, title="Ferdig", due_date=clock.today())
    services.complete_task(viewer=viewer, task=done)
    elsewhere = register(viewer_of(other_adviser))
    services.add_task(viewer=viewer_of(other_adviser), case=elsewhere, title="Bergen", due_date=clock.today())
    board = selectors.get_dashboard(viewer=viewer)
    assert [task.pk for task in board.due_this_week] == [soon.pk]


def test_a_conflict_is_found_in_the_own_office_only_and_only_across_sides(
    office: Office, other_office: Office, adviser: User, other_adviser: User
) -> None:
    viewer = viewer_of(adviser)
    client_case = register(viewer, person_name="Per Hansen")
    counterpart_elsewhere = register(viewer, person_name="Kari Nilsen")
    services.add_party(
        viewer=viewer,
        case=counterpart_elsewhere,
        role=PartyRole.COUNTERPART,
        details=PersonDetails(name="Nils Berg"),
    )
    register(viewer_of(other_adviser), person_name="Nils Berg")  # a client, but in Bergen
    new = register(viewer, person_name="Anne Li")
    services.add_party(
        viewer=viewer, case=new, role=PartyRole.COUNTERPART, details=PersonDetails(name="per hansen")
    )
    services.add_party(
        viewer=viewer, case=new, role=PartyRole.COUNTERPART, details=PersonDetails(name="Nils Berg")
    )
    conflicts = selectors.list_conflicts(viewer=viewer, case=new)
    assert [(c.party.name, c.other_case_numbers) for c in conflicts] == [
        ("per hansen", (client_case.number,))
    ]


# --- registration and SQLite's writers -----------------------------------------------------------


def test_registering_a_case_with_its_person_and_adviser_takes_a_fixed_number_of_statements(
    office: Office, adviser: User, django_assert_max_num_queries: Any
) -> None:
    viewer = viewer_of(adviser)
    register(viewer)  # the year's counter exists from here on
    details = CaseDetails(
        channel=Channel.PHONE, narrative="Nektet adgang på utestedet på grunn av hudfargen."
    )
    # open_case is atomic on its own (reporters and imports call it directly): its savepoint
    # inside register_case's transaction costs one SAVEPOINT and one RELEASE.
    with django_assert_max_num_queries(15):
        case = services.register_case(
            viewer=viewer, details=details, person=PersonDetails(name="Amina Warsame"), assign_to=adviser
        )
    assert case.assigned_to == adviser
    assert [c.pk for c in selectors.list_cases(viewer=viewer, filters=CaseFilters(query="warsame"))] == [
        case.pk
    ]
    assert [c.pk for c in selectors.list_cases(viewer=viewer, filters=CaseFilters(query="hudfargen"))] == [
        case.pk
    ]
    kinds = list(case.events.order_by("id").values_list("kind", flat=True))
    assert kinds == [EventKind.CREATED, EventKind.PARTY, EventKind.ASSIGNMENT]


def test_a_case_cannot_be_registered_to_someone_outside_the_casework_of_the_office(
    office: Office, adviser: User
) -> None:
    from django.core.exceptions import ValidationError

    coordinator = make_staff(office, Role.COORDINATOR)
    with pytest.raises(ValidationError):
        services.register_case(
            viewer=viewer_of(adviser),
            details=CaseDetails(channel=Channel.PHONE, narrative="x"),
            assign_to=coordinator,
        )
    assert not Case.objects.exists()


def test_waiting_writers_get_the_lock_in_the_order_they_asked() -> None:
    lock = FairLock()
    assert lock.acquire(timeout=1)
    order: list[int] = []

    def wait(number: int) -> None:
        assert lock.acquire(timeout=5)
        order.append(number)
        lock.release()

    threads = []
    for number in range(5):
        thread = threading.Thread(target=wait, args=(number,))
        thread.start()
        threads.append(thread)
        while len(lock._waiters) <= number:  # queued before the next one asks
            time.sleep(0.001)
    lock.release()
    for thread in threads:
        thread.join()
    assert order == [0, 1, 2, 3, 4]


def test_a_writer_that_waits_too_long_gives_up_and_leaves_the_queue() -> None:
    lock = FairLock()
    assert lock.acquire(timeout=1)
    assert not lock.acquire(timeout=0.01)
    assert not lock._waiters
    lock.release()
    assert lock.acquire(timeout=0.01)


# --- rendering: what lists show once per row ----------------------------------------------------


@pytest.mark.parametrize("language", ["nb", "sv", "en"])
def test_a_case_address_in_a_list_is_the_one_the_url_tag_gives_in_every_language(
    office: Office, adviser: User, language: str
) -> None:
    from django.template import engines

    case = register(viewer_of(adviser))
    other = register(viewer_of(adviser))
    page = engines["django"].from_string(
        "{% load case_tags %}{% for c in cases %}"
        "{{ c.public_id|case_url }} {% url 'cases:case_detail' c.public_id %}|{% endfor %}"
    )
    with translation.override(language):
        shown = page.render({"cases": [case, other]})
    pairs = [pair.split() for pair in shown.strip("|").split("|")]
    assert [fast for fast, _ in pairs] == [tag for _, tag in pairs]
    assert pairs[0][0] == f"/{language}/staff/cases/{case.public_id}/"
    assert pairs[0][0] != pairs[1][0]


def test_a_status_badge_reads_as_its_label_in_the_page_language() -> None:
    from django.template import engines

    badge = engines["django"].from_string('{% include "cases/_status_badge.html" with status="new" %}')
    with translation.override("nb"):
        nb = badge.render({})
    with translation.override("en"):
        en = badge.render({})
    assert '<span class="badge badge-status badge-new">' in en
    assert "New" in en
    assert nb != en


def test_the_dashboard_counts_each_open_status_of_the_viewers_own_cases_only(
    office: Office, other_office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    made = [register(viewer) for _ in range(4)]
    services.change_case_status(viewer=viewer, case=made[0], to_status=CaseStatus.SORTING)
    services.change_case_status(
        viewer=viewer, case=made[1], to_status=CaseStatus.CLOSED, outcome="advice_given"
    )
    register(viewer_of(other_adviser))
    counts = selectors.get_dashboard(viewer=viewer).counts_by_status
    expected = Counter(Case.objects.filter(office=office).values_list("status", flat=True))
    assert counts == {status: expected.get(status, 0) for status in CaseStatus.values if status != "closed"}
    assert sum(counts.values()) == 3  # the closed case is not counted, but linked to
    page = client_for(adviser).get(url("dashboard")).content.decode()
    assert f'href="{url("case_list")}?status=closed">Closed cases</a>' in page
    # A mediator counts only the cases a mediator may read: none of these.
    mediator = make_staff(office, Role.MEDIATOR)
    assert sum(selectors.get_dashboard(viewer=viewer_of(mediator)).counts_by_status.values()) == 0
