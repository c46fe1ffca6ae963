"""Everyday rough edges (issue 6): overdue tasks say "late" in words, and a too-long text is
refused by its form with a message, keeping what was written."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.cases import services
from likeverd.cases.models import Case
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, call_form, url
from likeverd.core import clock
from likeverd.core.forms import LONG_TEXT_MAX_CHARS

pytestmark = pytest.mark.django_db

LATE = '<strong class="badge badge-late">late</strong>'


def test_an_overdue_task_is_marked_late_in_words_on_the_overview_and_the_case(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    today = clock.today()
    services.add_task(viewer=viewer, case=case, title="Ring tilbake", due_date=today - dt.timedelta(days=2))
    services.add_task(viewer=viewer, case=case, title="Send brev", due_date=today)
    client = client_for(adviser)

    overview = client.get(url("dashboard")).content.decode()
    case_page = client.get(url("case_detail", case.public_id)).content.decode()

    # Twice on the overview (my tasks, due within a week), once on the case: the overdue task only.
    assert overview.count(LATE) == 2
    assert case_page.count(LATE) == 1
    row = case_page[case_page.index("Ring tilbake") :]
    assert row.index(LATE) < row.index("Send brev")


def test_a_done_task_is_not_late(office: Office, adviser: User, client_for: ClientFor) -> None:
    viewer = viewer_of(adviser)
    case = register(viewer)
    task = services.add_task(
        viewer=viewer, case=case, title="Ring tilbake", due_date=clock.today() - dt.timedelta(days=2)
    )
    services.complete_task(viewer=viewer, task=task)

    assert LATE not in client_for(adviser).get(url("case_detail", case.public_id)).content.decode()


def test_a_too_long_narrative_is_refused_with_a_message_and_kept(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    narrative = ("Hun ble nektet adgang. " * (LONG_TEXT_MAX_CHARS // 20)).strip()

    response = client_for(adviser).post(url("register_call"), call_form(narrative=narrative))

    page = response.content.decode()
    assert response.status_code == 200
    assert f"This text has {len(narrative)} characters; at most {LONG_TEXT_MAX_CHARS} fit." in page
    assert narrative in page
    # No maxlength in the page either: a browser would cut a pasted text short without a word.
    assert "maxlength" not in re.search(r"<textarea[^>]*>", page)[0]  # type: ignore[index]
    assert not Case.objects.exists()


def test_a_too_long_note_is_refused_in_norwegian_and_kept(
    office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    body = "x" * (LONG_TEXT_MAX_CHARS + 1)

    with translation.override("nb"):
        address = reverse("cases:case_add_entry", args=[case.public_id])
    response = client_for(adviser).post(address, {"entry-kind": "note", "entry-body": body})

    page = response.content.decode()
    assert response.status_code == 200
    assert f"Teksten har {LONG_TEXT_MAX_CHARS + 1} tegn" in page
    assert body in page
