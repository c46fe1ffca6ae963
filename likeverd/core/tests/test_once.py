"""Every form posts once (likeverd.core.once): the second POST of a rendered form gets the first
POST's result, also while the first is still running, and the token is no use to anyone else."""

import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core import signing
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from likeverd.accounts.models import User
from likeverd.cases.models import Case, CaseEvent
from likeverd.cases.tests.pages import ClientFor, call_form, url
from likeverd.core import once
from likeverd.core.models import FormSubmission

TOKEN = re.compile(r'name="once_token" value="([^"]+)"')


def token_on(page: Any) -> str:
    match = TOKEN.search(page.content.decode())
    assert match, "the form has no one-time token"
    return match[1]


@pytest.mark.django_db
def test_sending_the_registration_twice_registers_one_case_and_shows_it_both_times(
    adviser: User, client_for: ClientFor
) -> None:
    client = client_for(adviser)
    form = {**call_form(), "once_token": token_on(client.get(url("register_call")))}

    first = client.post(url("register_call"), form)
    second = client.post(url("register_call"), form, follow=True)

    case = Case.objects.get()
    assert first.status_code == 302
    assert first["Location"] == url("case_detail", case.public_id)
    assert second.redirect_chain[-1][0] == url("case_detail", case.public_id)
    assert "This form had already been sent" in second.content.decode()


@pytest.mark.django_db
def test_a_new_form_registers_a_new_case(adviser: User, client_for: ClientFor) -> None:
    client = client_for(adviser)
    for _ in range(2):
        form = {**call_form(), "once_token": token_on(client.get(url("register_call")))}
        client.post(url("register_call"), form)

    assert Case.objects.count() == 2


@pytest.mark.django_db
def test_a_refused_form_can_be_corrected_and_sent_with_the_same_token(
    adviser: User, client_for: ClientFor
) -> None:
    client = client_for(adviser)
    token = token_on(client.get(url("register_call")))
    empty = {"channel": "phone", "once_token": token}

    refused = client.post(url("register_call"), empty)
    accepted = client.post(url("register_call"), {**call_form(), "once_token": token})

    assert refused.status_code == 200
    assert accepted.status_code == 302
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_a_note_sent_twice_is_added_once(adviser: User, client_for: ClientFor) -> None:
    client = client_for(adviser)
    client.post(url("register_call"), call_form())
    case = Case.objects.get()
    token = token_on(client.get(url("case_add_entry", case.public_id)))
    note = {"entry-kind": "note", "entry-body": "Ringte tilbake.", "once_token": token}
    before = CaseEvent.objects.filter(case=case).count()

    for _ in range(3):
        client.post(url("case_add_entry", case.public_id), note)

    assert CaseEvent.objects.filter(case=case).count() == before + 1


@pytest.mark.django_db
def test_another_persons_token_does_not_lead_to_their_result(
    adviser: User, other_adviser: User, client_for: ClientFor
) -> None:
    token = token_on(client_for(adviser).get(url("register_call")))
    client_for(adviser).post(url("register_call"), {**call_form(), "once_token": token})

    # The token names its owner: in another person's POST it protects nothing and reveals nothing.
    response = client_for(other_adviser).post(url("register_call"), {**call_form(), "once_token": token})

    assert Case.objects.count() == 2
    assert response["Location"] != url("case_detail", Case.objects.order_by("pk").first().public_id)  # type: ignore[union-attr]


class _OldSigner(signing.TimestampSigner):
    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - int(once.MAX_AGE.total_seconds()) - 60)


@pytest.mark.django_db
def test_an_expired_token_protects_nothing(adviser: User, client_for: ClientFor) -> None:
    old = _OldSigner(salt=once._SALT).sign_object({"t": "x" * 32, "o": str(adviser.pk)})
    client = client_for(adviser)
    for _ in range(2):
        client.post(url("register_call"), {**call_form(), "once_token": old})

    assert Case.objects.count() == 2
    assert not FormSubmission.objects.exists()


# --- two real concurrent requests on the decorator -------------------------------------------


@pytest.fixture
def slow_view() -> Iterator[tuple[once.View, threading.Event, list[int]]]:
    """A view that holds its first run until the test lets it go, counting its runs."""
    go_on = threading.Event()
    runs: list[int] = []

    @once.posts_once
    def view(request: HttpRequest) -> HttpResponse:
        runs.append(1)
        go_on.wait(timeout=10)
        return redirect(f"/created/{len(runs)}/")

    yield view, go_on, runs
    go_on.set()


def _post(user: User | AnonymousUser, token: str) -> HttpRequest:
    request = RequestFactory().post("/form/", {"once_token": token})
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


@pytest.mark.django_db(transaction=True)
def test_a_second_post_while_the_first_runs_waits_for_and_gets_the_first_result(
    slow_view: tuple[once.View, threading.Event, list[int]], adviser: User
) -> None:
    view, go_on, runs = slow_view
    token = once.issue_token(_post(adviser, ""))
    responses: dict[str, HttpResponse] = {}

    def send(name: str) -> None:
        try:
            responses[name] = view(_post(adviser, token))
        finally:
            connection.close()

    first = threading.Thread(target=send, args=("first",))
    first.start()
    while not runs:  # the first POST has claimed the token and is running
        time.sleep(0.01)
    second = threading.Thread(target=send, args=("second",))
    second.start()
    time.sleep(0.3)
    assert second.is_alive(), "the second POST did not wait for the first"
    go_on.set()
    first.join(10)
    second.join(10)

    assert len(runs) == 1
    assert responses["first"]["Location"] == "/created/1/"
    assert responses["second"]["Location"] == "/created/1/"


# --- a view that stores its result inside its own transaction (Claim.record) ----------------------


def _recording_view(runs: list[int], *, fail_after_record: bool = False) -> once.View:
    @once.posts_once
    def view(request: HttpRequest) -> HttpResponse:
        runs.append(1)
        claim = once.claim_of(request)
        assert claim is not None
        url = f"/created/{len(runs)}/"
        with transaction.atomic():
            Case.objects.none().exists()  # the view's own work would be here
            claim.record(url)
            if fail_after_record:
                raise RuntimeError("the work failed after the result was recorded")
        return redirect(url)

    return view


@pytest.mark.django_db(transaction=True)
def test_a_result_stored_with_the_views_work_is_not_written_again_and_a_resend_gets_it(adviser: User) -> None:
    runs: list[int] = []
    view = _recording_view(runs)
    token = once.issue_token(_post(adviser, ""))

    with CaptureQueriesContext(connection) as queries:
        first = view(_post(adviser, token))
    second = view(_post(adviser, token))

    assert first["Location"] == second["Location"] == "/created/1/"
    assert len(runs) == 1
    # Stored once, inside the view's transaction: nothing is written after its COMMIT.
    statements = [query["sql"] for query in queries.captured_queries]
    last_commit = max(n for n, sql in enumerate(statements) if sql == "COMMIT")
    assert [sql for sql in statements if "UPDATE" in sql and "core_formsubmission" in sql]
    assert not [
        sql for sql in statements[last_commit + 1 :] if sql.startswith(("UPDATE", "INSERT", "DELETE"))
    ]


@pytest.mark.django_db(transaction=True)
def test_a_result_recorded_in_a_transaction_that_rolled_back_is_forgotten(adviser: User) -> None:
    runs: list[int] = []
    token = once.issue_token(_post(adviser, ""))

    with pytest.raises(RuntimeError):
        _recording_view(runs, fail_after_record=True)(_post(adviser, token))
    # Nothing was done, so the form may be sent again, and this time it runs.
    again = _recording_view(runs)(_post(adviser, token))

    assert len(runs) == 2
    assert again["Location"] == "/created/2/"
    assert FormSubmission.objects.get().result_url == "/created/2/"
