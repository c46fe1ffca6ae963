import pytest
from django.core.exceptions import ValidationError

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.models import CaseStatus, EventKind, Outcome
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_the_workflow_allows_only_listed_moves_and_closing_needs_an_outcome(
    office: Office, adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    with pytest.raises(ValidationError):
        services.change_case_status(viewer=viewer, case=case, to_status=CaseStatus.MEDIATION)
    services.change_case_status(viewer=viewer, case=case, to_status=CaseStatus.SORTING)
    with pytest.raises(ValidationError):
        services.change_case_status(viewer=viewer, case=case, to_status=CaseStatus.CLOSED)
    services.change_case_status(
        viewer=viewer, case=case, to_status=CaseStatus.CLOSED, outcome=Outcome.ADVICE_GIVEN
    )
    case.refresh_from_db()
    assert case.is_closed
    assert case.outcome == Outcome.ADVICE_GIVEN
    assert case.closed_at is not None
    moves = [(e.data["from"], e.data["to"]) for e in case.events.filter(kind=EventKind.STATUS).order_by("id")]
    assert moves == [("new", "sorting"), ("sorting", "closed")]
