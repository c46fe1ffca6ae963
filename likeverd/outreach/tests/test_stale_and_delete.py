"""Outreach rows: a form opened before someone else saved is refused (the last save does not
silently win), and a row is deleted only after a confirmation page, audited, leaving the
figures as if it had never been; rows others rest on stay."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.tests.pages import ClientFor
from likeverd.core.once import issue_token
from likeverd.outreach import selectors, services
from likeverd.outreach.models import CourseSession, CourseTemplate, OutreachEvent, Patrol

pytestmark = pytest.mark.django_db
SPRING = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))


def _event(coordinator: User, **fields: object) -> OutreachEvent:
    values = {
        "date": dt.date(2026, 5, 17),
        "kind": "stand",
        "title": "17. mai",
        "place": "Grønland",
        **fields,
    }
    return services.save_record(viewer_of(coordinator), OutreachEvent(), fields=values)


def _session(coordinator: User, template: CourseTemplate, participants: int) -> CourseSession:
    fields = {
        "template": template,
        "date": dt.date(2026, 3, 12),
        "host_organisation": "Skeiv Verden",
        "audience": "volunteers",
        "participants": participants,
        "instructors": "Guro",
        "paid": True,
    }
    return services.save_record(viewer_of(coordinator), CourseSession(), fields=fields)


def _opened(client: Client, url: str) -> dict[str, str]:
    page = client.get(url)
    assert page.status_code == 200
    return {"seen": page.context["form"]["seen"].value(), "once_token": issue_token(page.wsgi_request)}


def test_a_stale_edit_is_refused_and_the_other_save_stands(
    office: Office, coordinator: User, client_for: ClientFor
) -> None:
    event = _event(coordinator)
    client = client_for(coordinator)
    url = reverse("outreach:edit", args=["events", event.public_id])
    opened = _opened(client, url)
    services.save_record(
        viewer_of(coordinator), event, fields={"title": "Pride"}, seen_updated_at=event.updated_at
    )
    form = {"date": "2026-05-17", "kind": "stand", "title": "17. mai i parken", "place": "Grønland", **opened}
    refused = client.post(url, form)
    assert refused.status_code == 200
    assert "Someone changed or deleted this row since you opened the form." in refused.content.decode()
    assert OutreachEvent.objects.get(pk=event.pk).title == "Pride"
    fresh = {**form, **_opened(client, url)}
    assert client.post(url, fresh).status_code == 302
    assert OutreachEvent.objects.get(pk=event.pk).title == "17. mai i parken"


def test_a_course_session_is_deleted_after_confirmation_and_leaves_the_figures(
    office: Office, coordinator: User, client_for: ClientFor
) -> None:
    recognise, _hate_crime = services.seed_course_templates(office)
    kept, deleted = _session(coordinator, recognise, 20), _session(coordinator, recognise, 12)
    assert [(f.sessions, f.participants) for f in selectors.courses_summary(office, *SPRING)] == [(2, 32)]
    client = client_for(coordinator)
    edit_page = client.get(reverse("outreach:edit", args=["courses", deleted.public_id])).content.decode()
    url = reverse("outreach:delete", args=["courses", deleted.public_id])
    assert url in edit_page
    confirmation = client.get(url).content.decode()
    assert "Skeiv Verden" in confirmation
    assert CourseSession.objects.filter(pk=deleted.pk).exists()  # the page alone deletes nothing
    data = _opened(client, url)
    first, second = client.post(url, data), client.post(url, data)  # a double click
    assert first.status_code == second.status_code == 302
    assert list(CourseSession.objects.values_list("pk", flat=True)) == [kept.pk]
    assert [(f.sessions, f.participants) for f in selectors.courses_summary(office, *SPRING)] == [(1, 20)]
    deletes = AuditEvent.objects.filter(action=AuditAction.DELETE, target_id=str(deleted.public_id))
    assert deletes.count() == 1


def test_a_stale_delete_is_refused(office: Office, coordinator: User, client_for: ClientFor) -> None:
    event = _event(coordinator)
    client = client_for(coordinator)
    url = reverse("outreach:delete", args=["events", event.public_id])
    opened = _opened(client, url)
    services.save_record(viewer_of(coordinator), event, fields={"audience_reached": 300})
    refused = client.post(url, opened)
    assert refused.status_code == 400
    assert OutreachEvent.objects.filter(pk=event.pk).exists()
    assert not AuditEvent.objects.filter(action=AuditAction.DELETE).exists()


def test_a_course_with_sessions_and_a_patrol_with_cases_stay(office: Office, coordinator: User) -> None:
    recognise, hate_crime = services.seed_course_templates(office)
    _session(coordinator, recognise, 10)
    viewer = viewer_of(coordinator)
    with pytest.raises(ValidationError, match="rest on this one"):
        services.delete_record(viewer, recognise)
    patrol = services.save_record(
        viewer, Patrol(), fields={"date": dt.date(2026, 4, 4), "venue": "Club", "volunteers": 2}
    )
    services.register_witnessed_case(viewer, patrol, narrative="Turned away at the door")
    with pytest.raises(ValidationError, match="Cases were registered from this patrol"):
        services.delete_record(viewer, patrol)
    assert CourseTemplate.objects.filter(pk=recognise.pk).exists()
    assert Patrol.objects.filter(pk=patrol.pk).exists()
    assert not AuditEvent.objects.filter(action=AuditAction.DELETE).exists()
    services.delete_record(viewer, hate_crime)  # never held: it may go
    assert not CourseTemplate.objects.filter(pk=hate_crime.pk).exists()


def test_another_offices_row_is_404_with_a_denied_row_and_stays(
    office: Office, other_office: Office, coordinator: User, other_coordinator: User, client_for: ClientFor
) -> None:
    event = _event(coordinator)
    bergen = client_for(other_coordinator)
    url = reverse("outreach:delete", args=["events", event.public_id])
    assert bergen.get(url).status_code == 404
    assert bergen.post(url, {"seen": event.updated_at.isoformat()}).status_code == 404
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, office=other_office).count() == 2
    assert OutreachEvent.objects.filter(pk=event.pk).exists()
    with pytest.raises(PermissionDenied):
        services.delete_record(viewer_of(other_coordinator), event)
