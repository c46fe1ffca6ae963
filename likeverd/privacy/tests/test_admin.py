import pytest
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditEvent
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor

pytestmark = pytest.mark.django_db


def test_the_admin_lists_the_offices_audit_events_without_a_page_per_event(
    office: Office, adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    ours, theirs = register(viewer_of(adviser)), register(viewer_of(other_adviser))
    installer = make_staff(office, Role.OFFICE_ADMIN, is_staff=True, is_superuser=True)
    client = client_for(installer)
    event = AuditEvent.objects.filter(target_id=str(ours.public_id)).first()
    assert event is not None
    with translation.override("en"):
        changelist = reverse("admin:audit_auditevent_changelist")
        event_page = reverse("admin:audit_auditevent_change", args=[event.pk])

    page = client.get(changelist).content.decode()
    assert str(ours.public_id) in page
    assert str(theirs.public_id) not in page
    assert event_page not in page
    assert client.get(event_page).status_code == 403
