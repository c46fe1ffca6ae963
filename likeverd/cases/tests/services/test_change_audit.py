"""Every change to a case leaves its audit row (CHANGE, the acting person, the office, the case,
the names of what changed), written in the same transaction as the change."""

from collections.abc import Callable
from typing import Any

import pytest

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import services
from likeverd.cases.models import Case, CaseStatus, Channel
from likeverd.cases.services import CaseDetails, Classification
from likeverd.cases.tests.factories import register, term
from likeverd.taxonomy.models import TermKind

pytestmark = pytest.mark.django_db

CHANGES: dict[str, tuple[Callable[[Viewer, Case], Any], dict[str, Any]]] = {
    "classify": (
        lambda v, c: services.classify_case(
            viewer=v, case=c, classification=Classification(grounds=[term(TermKind.GROUND, "ETHNICITY")])
        ),
        {"fields": ["classification"]},
    ),
    "status": (
        lambda v, c: services.change_case_status(viewer=v, case=c, to_status=CaseStatus.SORTING),
        {"fields": ["status"], "to": "sorting"},
    ),
    "assign": (
        lambda v, c: services.assign_case(viewer=v, case=c, assignee=v.user),
        {"fields": ["assigned_to"]},
    ),
    "details": (
        lambda v, c: services.update_case_details(
            viewer=v, case=c, details=CaseDetails(channel=Channel.EMAIL, narrative="Rewritten")
        ),
        {"fields": ["channel", "narrative"]},
    ),
}


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_every_change_to_a_case_leaves_its_audit_row(office: Office, adviser: User, change: str) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer, narrative="Original")
    make_change, detail = CHANGES[change]

    make_change(viewer, case)

    [row] = AuditEvent.objects.filter(action=AuditAction.CHANGE, case_id=str(case.public_id))
    assert (row.actor, row.actor_label, row.office) == (adviser, adviser.username, office)
    assert (row.target_type, row.target_id) == ("cases.Case", str(case.public_id))
    assert row.detail == detail
    assert "Rewritten" not in str(row.detail)


def test_a_change_that_changes_nothing_leaves_no_row(office: Office, adviser: User) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer, narrative="Same")
    services.update_case_details(
        viewer=viewer, case=case, details=CaseDetails(channel=Channel.PHONE, narrative="Same")
    )
    assert not AuditEvent.objects.filter(action=AuditAction.CHANGE, case_id=str(case.public_id)).exists()
