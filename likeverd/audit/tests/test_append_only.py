import pytest
from django.db import connection

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditEvent
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_the_audit_log_cannot_be_changed_or_deleted(office: Office, adviser: User) -> None:
    register(viewer_of(adviser))
    event = AuditEvent.objects.first()
    assert event is not None
    from likeverd.audit.models import AuditLogAppendOnlyError

    with pytest.raises(AuditLogAppendOnlyError):
        event.save()
    with pytest.raises(AuditLogAppendOnlyError):
        event.delete()
    with pytest.raises(AuditLogAppendOnlyError):
        AuditEvent.objects.all().update(action="view")
    with pytest.raises(AuditLogAppendOnlyError):
        AuditEvent.objects.all().delete()


def test_the_database_refuses_to_update_an_audit_event(office: Office, adviser: User) -> None:
    register(viewer_of(adviser))
    from django.db import DatabaseError, transaction

    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'view'")


@pytest.mark.postgresql_only
def test_postgresql_refuses_to_delete_an_audit_event(office: Office, adviser: User) -> None:
    register(viewer_of(adviser))
    from django.db import DatabaseError, transaction

    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.exists()
