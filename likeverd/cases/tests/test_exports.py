import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases.selectors import CaseFilters
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_the_csv_export_holds_only_the_offices_cases_and_no_names(
    office: Office, adviser: User, other_adviser: User
) -> None:
    from likeverd.cases import exports

    ours = register(viewer_of(adviser), person_name="Amina Hassan", narrative="hijab on the tram")
    theirs = register(viewer_of(other_adviser))
    text = "".join(exports.export_cases_csv(viewer=viewer_of(adviser), filters=CaseFilters()))
    assert ours.number in text
    assert theirs.number not in text
    assert "Amina" not in text
    assert "hijab" not in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=adviser).exists()
