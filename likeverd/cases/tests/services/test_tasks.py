import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.tests.factories import register

pytestmark = pytest.mark.django_db


def test_tasks_are_assigned_within_the_office_and_can_be_completed(
    office: Office, adviser: User, other_adviser: User
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    with pytest.raises(ValidationError):
        services.add_task(
            viewer=viewer, case=case, title="Call back", due_date=dt.date(2026, 12, 1), assignee=other_adviser
        )
    task = services.add_task(viewer=viewer, case=case, title="Call back", due_date=dt.date(2026, 12, 1))
    assert task.assignee == adviser
    services.complete_task(viewer=viewer, task=task)
    task.refresh_from_db()
    assert task.is_done
