"""The case page reads the case's classification, and the rows its sections declare, with the
case: the same terms as the relations give, no second check of the case, and every read still
audited and kept to the office."""

from typing import Any

import pytest
from django.http import Http404
from django.test import Client

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.cases import registry, selectors, services
from likeverd.cases.models import Case
from likeverd.cases.services import Classification
from likeverd.cases.tests.factories import register, terms
from likeverd.cases.tests.test_speed import url
from likeverd.taxonomy.models import TermKind
from likeverd.triage import selectors as triage_selectors
from likeverd.triage import services as sorting_services
from likeverd.triage.services import SortingAnswers

pytestmark = pytest.mark.django_db


def _classified(adviser: User) -> Case:
    viewer = viewer_of(adviser)
    case = register(viewer)
    services.classify_case(
        viewer=viewer,
        case=case,
        classification=Classification(
            grounds=terms("NO", TermKind.GROUND, "ETHNICITY", "RELIGION"),
            areas=terms("NO", TermKind.AREA, "GOODS_SERVICES"),
            forms=terms("NO", TermKind.FORM, "DIRECT", "HARASSMENT"),
        ),
    )
    return case


def test_the_case_page_read_gives_the_same_classification_as_the_relations(
    office: Office, adviser: User, django_assert_num_queries: Any
) -> None:
    case = _classified(adviser)
    fresh = Case.objects.get(pk=case.pk)
    expected = {name: list(getattr(fresh, name).all()) for name in ("grounds", "areas", "forms", "tracks")}
    read = selectors.get_case(viewer=viewer_of(adviser), public_id=str(case.public_id))
    with django_assert_num_queries(0):
        shown = {name: list(getattr(read, name).all()) for name in ("grounds", "areas", "forms", "tracks")}
    assert shown == expected
    assert [term.code for term in shown["grounds"]] == [term.code for term in expected["grounds"]]
    assert len(shown["grounds"]) == 2
    assert shown["tracks"] == []


def test_a_case_read_in_one_request_does_not_open_another_offices_case_to_a_section(
    office: Office, other_office: Office, adviser: User, other_adviser: User
) -> None:
    viewer = viewer_of(adviser)
    mine = register(viewer)
    theirs = register(viewer_of(other_adviser))
    sorting_services.save_sorting(
        viewer=viewer_of(other_adviser), case=theirs, answers=SortingAnswers(what_happened="Nektet adgang.")
    )
    selectors.get_case(viewer=viewer, public_id=str(mine.public_id), related=registry.case_page_relations())
    assert triage_selectors.get_sorting(viewer=viewer, case=mine) is None
    with pytest.raises(Http404):
        triage_selectors.get_sorting(viewer=viewer, case=theirs)
    with pytest.raises(Http404):
        triage_selectors.get_sorting(
            viewer=viewer, case=Case.objects.select_related("sorting").get(pk=theirs.pk)
        )


def test_the_sorting_record_read_with_the_case_is_still_audited_on_the_case_page(
    office: Office, adviser: User, client_for: Any
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    record = sorting_services.save_sorting(
        viewer=viewer, case=case, answers=SortingAnswers(what_happened="Nektet adgang på utestedet.")
    )
    client: Client = client_for(adviser)
    before = AuditEvent.objects.filter(action=AuditAction.VIEW, target_id=str(record.public_id)).count()
    response = client.get(url("case_detail", case.public_id))
    assert response.status_code == 200
    after = AuditEvent.objects.filter(action=AuditAction.VIEW, target_id=str(record.public_id)).count()
    assert after == before + 1
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, target_id=str(case.public_id)).exists()


def test_entries_and_tasks_name_their_people_also_after_they_left_the_office(
    office: Office, adviser: User, client_for: Any
) -> None:
    """Authors and assignees come from the office's people, read once for the page; someone
    who has since left is read as well, so the page still names them."""
    from likeverd.accounts.roles import Role
    from likeverd.accounts.tests.factories import make_staff
    from likeverd.cases.models import EventKind
    from likeverd.core import clock

    colleague = make_staff(office, Role.ADVISER, first_name="Kari", last_name="Leavesoon")
    case = register(viewer_of(adviser))
    services.add_timeline_entry(viewer=viewer_of(colleague), case=case, kind=EventKind.NOTE, body="Ringte")
    services.add_task(
        viewer=viewer_of(adviser), case=case, title="Ring tilbake", due_date=clock.today(), assignee=colleague
    )
    task = case.tasks.get()
    client = client_for(adviser)

    def named_in_entry_and_task() -> tuple[bool, bool]:
        page = client.get(url("case_detail", case.public_id)).content.decode()
        timeline = page[page.index('<ol class="timeline"') :]
        row = page[page.index(f'<tr id="task-{task.public_id}"') :]
        return "Kari Leavesoon" in timeline[: timeline.index("</ol>")], "Kari Leavesoon" in row[
            : row.index("</tr>")
        ]

    assert named_in_entry_and_task() == (True, True)
    colleague.memberships.update(is_active=False)
    assert named_in_entry_and_task() == (True, True)
