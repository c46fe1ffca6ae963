import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.models import Case, Channel
from likeverd.cases.tests.pages import ClientFor
from likeverd.outreach import selectors, services
from likeverd.outreach.models import (
    CourseSession,
    CourseTemplate,
    Expense,
    Funder,
    Grant,
    MediaMention,
    OutreachEvent,
    Patrol,
)

pytestmark = pytest.mark.django_db


def _session_form(template: CourseTemplate, participants: int) -> dict[str, str]:
    return {
        "template": str(template.pk),
        "date": "2026-03-12",
        "host_organisation": "Skeiv Verden",
        "audience": "volunteers",
        "participants": str(participants),
        "instructors": "Guro",
        "paid": "on",
    }


def test_a_course_held_for_more_than_its_capacity_is_refused_with_a_clear_message(
    office: Office, coordinator: User, client_for: ClientFor
) -> None:
    recognise, hate_crime = services.seed_course_templates(office)
    assert (recognise.capacity, hate_crime.capacity) == (25, 20)
    client = client_for(coordinator)
    url = reverse("outreach:section", args=["courses"])

    refused = client.post(url, _session_form(hate_crime, 21))

    assert refused.status_code == 200
    assert "“Hatkriminalitet” takes at most 20 participants; 21 is too many." in refused.content.decode()
    assert not CourseSession.objects.exists()
    accepted = client.post(url, _session_form(recognise, 25))
    assert accepted.status_code == 302
    session = CourseSession.objects.get()
    assert (session.office, session.participants, session.paid) == (office, 25, True)
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, target_id=str(session.public_id)).exists()
    assert "Skeiv Verden" in client.get(url).content.decode()


def test_a_larger_course_is_refused_by_the_service_as_well(office: Office, coordinator: User) -> None:
    recognise, _hate_crime = services.seed_course_templates(office)
    with pytest.raises(ValidationError):
        services.save_record(
            viewer_of(coordinator),
            CourseSession(),
            fields={
                "template": recognise,
                "date": dt.date(2026, 1, 5),
                "host_organisation": "NAV",
                "participants": 26,
            },
        )
    assert not CourseSession.objects.exists()


def test_another_offices_rows_answer_404_and_leave_a_denied_row(
    office: Office, coordinator: User, other_coordinator: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(coordinator)
    event = services.save_record(
        viewer,
        OutreachEvent(),
        fields={"date": dt.date(2026, 5, 17), "title": "17. mai stand", "place": "Grønland"},
    )
    patrol = services.save_record(
        viewer, Patrol(), fields={"date": dt.date(2026, 6, 1), "venue": "Club X", "volunteers": 4}
    )
    bergen = client_for(other_coordinator)

    assert bergen.get(reverse("outreach:edit", args=["events", event.public_id])).status_code == 404
    assert (
        bergen.post(reverse("outreach:edit", args=["events", event.public_id]), {"title": "x"}).status_code
        == 404
    )
    assert bergen.get(reverse("outreach:patrol", args=[patrol.public_id])).status_code == 404
    posted = bergen.post(reverse("outreach:patrol_witnessed", args=[patrol.public_id]), {"narrative": "x"})
    assert posted.status_code == 404
    assert "17. mai stand" not in bergen.get(reverse("outreach:section", args=["events"])).content.decode()

    denied = AuditEvent.objects.filter(
        action=AuditAction.DENIED, office=other_coordinator.memberships.get().office
    )
    assert {row.detail["target_id"] for row in denied} == {str(event.public_id), str(patrol.public_id)}
    event.refresh_from_db()
    assert event.title == "17. mai stand"
    assert not patrol.cases.exists()
    with pytest.raises(PermissionDenied):
        services.save_record(viewer_of(other_coordinator), event, fields={"title": "taken over"})


def test_an_adviser_may_not_manage_outreach(adviser: User, client_for: ClientFor) -> None:
    assert client_for(adviser).get(reverse("outreach:section", args=["courses"])).status_code == 403


def test_a_media_link_must_be_a_web_address(office: Office, coordinator: User, client_for: ClientFor) -> None:
    client = client_for(coordinator)
    url = reverse("outreach:section", args=["media"])
    form = {"date": "2026-02-01", "outlet": "NRK", "title": "Refused at the door"}

    assert client.post(url, {**form, "link": "javascript:alert(1)"}).status_code == 200
    assert client.post(url, {**form, "link": "ftp://nrk.no/a"}).status_code == 200
    assert not MediaMention.objects.exists()
    assert client.post(url, {**form, "link": "https://www.nrk.no/a"}).status_code == 302
    assert MediaMention.objects.get().link == "https://www.nrk.no/a"


def test_what_a_patrol_witnessed_is_a_case_of_the_office_with_channel_volunteer_patrol(
    office: Office, coordinator: User, adviser: User, client_for: ClientFor
) -> None:
    client = client_for(coordinator)
    created = client.post(
        reverse("outreach:section", args=["patrols"]),
        {"date": "2026-04-18", "venue": "Club Sentrum", "volunteers": "3"},
    )
    assert created.status_code == 302
    patrol = Patrol.objects.get()

    answer = client.post(
        reverse("outreach:patrol_witnessed", args=[patrol.public_id]),
        {
            "narrative": "Two volunteers with dark skin were refused at the door; the others got in.",
            "place": "Oslo",
        },
    )

    assert answer.status_code == 302
    case = Case.objects.get()
    assert (case.office, case.channel) == (office, Channel.PATROL)
    assert list(patrol.cases.all()) == [case]
    assert case.number in client.get(reverse("outreach:patrol", args=[patrol.public_id])).content.decode()
    # The advisers of the office find it among the office's cases, marked as from a patrol.
    listed = client_for(adviser).get(reverse("cases:case_list"), {"channel": Channel.PATROL}).content.decode()
    assert case.number in listed


def test_the_finance_tables_match_the_model_report(office: Office, coordinator: User) -> None:
    viewer = viewer_of(coordinator)
    for name, fields in [
        ("Stiftelsen Dam", {"granted": 460000, "received": 460000, "repaid": 40000}),
        ("Oslo kommune inkludering", {"carried_in": 218175, "carried_in_from": 2018}),
        ("Oslo kommune integrering", {"granted": 800000, "received": 800000}),
        ("Politidirektoratet", {"carried_in": 202621, "carried_in_from": 2018}),
        ("KoKrim", {"granted": 100000, "received": 100000, "carried_out": 100000, "carried_out_to": 2020}),
    ]:
        funder = services.save_record(viewer, Funder(), fields={"name": name})
        values = {
            k: Decimal(v) if k not in {"carried_in_from", "carried_out_to"} else v for k, v in fields.items()
        }
        services.save_record(viewer, Grant(), fields={"funder": funder, "year": 2019, **values})
    for kind, amount in [
        ("salaries", "1179209"),
        ("consultants", "53000"),
        ("partners", "153923"),
        ("equipment", "78266"),
        ("information", "2985"),
        ("advertising", "6164"),
        ("meetings", "3177"),
        ("administration", "125072"),
        ("audit", "39000"),
    ]:
        services.save_record(
            viewer, Expense(), fields={"year": 2019, "kind": kind, "amount": Decimal(amount)}
        )

    income = selectors.income_table(viewer, year=2019)
    costs = selectors.costs_table(viewer, year=2019)

    assert income.total == costs.total == Decimal("1640796")
    assert income.currency == "NOK"
    assert [r.amount for r in income.rows if r.funder == "KoKrim"] == [Decimal("0")]
    assert costs.rows[0].label.startswith("Salaries")
    assert selectors.income_table(viewer, year=2020).rows == ()


def test_a_new_office_starts_with_the_two_courses_in_its_language_and_may_change_them(
    office: Office, swedish_office: Office, coordinator: User, client_for: ClientFor
) -> None:
    assert {(t.title, t.hours, t.capacity) for t in CourseTemplate.objects.filter(office=swedish_office)} == {
        ("Att känna igen diskriminering", Decimal(6), 25),
        ("Hatbrott", Decimal(3), 20),
    }
    hate_crime = CourseTemplate.objects.get(office=office, title="Hatkriminalitet")
    client = client_for(coordinator)
    edit = reverse("outreach:edit", args=["course-templates", hate_crime.public_id])
    form = {
        "title": "Hatkriminalitet",
        "hours": "3",
        "capacity": "30",
        "is_active": "on",
        "seen": hate_crime.updated_at.isoformat(),
    }

    assert client.post(edit, form).status_code == 302
    assert (
        client.post(reverse("outreach:section", args=["courses"]), _session_form(hate_crime, 30)).status_code
        == 302
    )
    assert CourseSession.objects.get().participants == 30


def test_a_double_click_records_the_event_once(coordinator: User, client_for: ClientFor) -> None:
    client = client_for(coordinator)
    url = reverse("outreach:section", args=["events"])
    page = client.get(url).content.decode()
    token = page.split('name="once_token" value="')[1].split('"')[0]
    form = {
        "date": "2026-05-17",
        "kind": "stand",
        "title": "17. mai",
        "place": "Grønland",
        "once_token": token,
    }

    assert client.post(url, form).status_code == 302
    assert client.post(url, form).status_code == 302
    assert OutreachEvent.objects.count() == 1


def test_the_statistics_figures_count_an_office_and_period_only(
    office: Office, other_office: Office, coordinator: User, other_coordinator: User
) -> None:
    oslo, bergen = viewer_of(coordinator), viewer_of(other_coordinator)
    recognise = CourseTemplate.objects.get(office=office, title="Hvordan gjenkjenne diskriminering")
    for day, participants in [
        (dt.date(2025, 3, 1), 20),
        (dt.date(2025, 9, 1), 12),
        (dt.date(2026, 1, 10), 25),
    ]:
        services.save_record(
            oslo,
            CourseSession(),
            fields={
                "template": recognise,
                "date": day,
                "host_organisation": "NAV",
                "participants": participants,
            },
        )
    bergen_course = CourseTemplate.objects.get(office=other_office, title="Hvordan gjenkjenne diskriminering")
    services.save_record(
        bergen,
        CourseSession(),
        fields={
            "template": bergen_course,
            "date": dt.date(2025, 5, 1),
            "host_organisation": "UiB",
            "participants": 9,
        },
    )
    services.save_record(
        oslo,
        OutreachEvent(),
        fields={"date": dt.date(2025, 6, 20), "kind": "stand", "title": "Pride", "audience_reached": 300},
    )

    period = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    [figures] = selectors.courses_summary(office, *period)
    assert (figures.sessions, figures.participants) == (2, 32)
    assert selectors.events_summary(office, *period) == {"stand": (1, 300)}
    assert selectors.events_summary(other_office, *period) == {}


def test_a_grant_carried_over_from_a_later_year_is_refused_and_leaves_no_funder(
    coordinator: User, client_for: ClientFor
) -> None:
    client = client_for(coordinator)
    form = {"funder_name": "Politidirektoratet", "year": "2019", "granted": "0", "received": "0"}
    form |= {"carried_in": "202621", "carried_in_from": "2020", "carried_out": "0", "repaid": "0"}

    refused = client.post(reverse("outreach:add", args=["grants"]), form)

    assert refused.status_code == 200
    assert "Money is carried over from an earlier year." in refused.content.decode()
    assert not Funder.objects.exists()
    assert (
        client.post(reverse("outreach:add", args=["grants"]), {**form, "carried_in_from": "2018"}).status_code
        == 302
    )
    assert Grant.objects.get().income == Decimal("202621")
    assert "202" in client.get(reverse("outreach:finances"), {"year": 2019}).content.decode()
