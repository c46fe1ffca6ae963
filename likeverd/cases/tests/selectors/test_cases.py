import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import selectors
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_viewing_a_case_is_audited(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    selectors.get_case(viewer=viewer, public_id=str(case.public_id))
    assert (
        AuditEvent.objects.filter(action=AuditAction.VIEW, case_id=str(case.public_id), actor=adviser).count()
        == 1
    )
