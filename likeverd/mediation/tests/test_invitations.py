"""The meetings' invitations: parsed back with the icalendar library, updated on a new time
(same UID, higher SEQUENCE), withdrawn on cancellation (METHOD:CANCEL), one message per invitee,
and received by a real SMTP server through the real task worker."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail

from conftest import SMTPServer
from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.core.tests.calendar_reading import ReadEvent, read_invitation
from likeverd.mediation import services
from likeverd.mediation.models import Side
from likeverd.mediation.tests.helpers import consented, mediator_in, meeting_plan

EMAILS = ["amina@example.org", "kari@example.org"]


def _invitations(outbox: list[Any]) -> list[tuple[list[str], ReadEvent]]:
    found = []
    for message in outbox:
        [part] = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
        assert part.get_filename() == "invitation.ics"
        found.append((message.to, read_invitation(part.get_payload(decode=True))))
    return found


@pytest.fixture
def planned(office: Office, adviser: User, django_capture_on_commit_callbacks: Callable[..., Any]) -> Any:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.schedule_meeting(
            viewer=viewer_of(mediator), referral=referral, plan=meeting_plan()
        )
    return mediator, meeting


@pytest.mark.django_db
@pytest.mark.usefixtures("immediate_tasks")
def test_each_invitee_gets_an_invitation_of_their_own(planned: Any) -> None:
    _mediator, meeting = planned
    sent = _invitations(mail.outbox)
    assert sorted(to[0] for to, _ in sent) == EMAILS
    for to, event in sent:
        assert event.method == "REQUEST"
        assert event.uid == meeting.uid
        assert event.sequence == 0
        assert event.attendees == [f"mailto:{to[0]}"]  # never the other party's address
        assert event.start == meeting.starts_at
        assert event.end == meeting.ends_at
        assert event.start_tzid == "Europe/Oslo"
        assert "Meeting room 2" in event.location
        assert "Amina" not in event.summary  # the summary names no one


@pytest.mark.django_db
@pytest.mark.usefixtures("immediate_tasks")
def test_a_new_time_keeps_the_uid_and_raises_the_sequence(
    planned: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    mediator, meeting = planned
    mail.outbox.clear()
    plan = meeting_plan(days=4)
    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule_meeting(viewer=viewer_of(mediator), meeting=meeting, plan=plan)
    sent = _invitations(mail.outbox)
    assert len(sent) == 2
    for _to, event in sent:
        assert (event.method, event.uid, event.sequence) == ("REQUEST", meeting.uid, 1)
        assert event.start == plan.starts_at
    assert mail.outbox[0].subject.startswith("Changed")


@pytest.mark.django_db
@pytest.mark.usefixtures("immediate_tasks")
def test_someone_taken_off_the_list_gets_a_cancellation(
    planned: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    mediator, meeting = planned
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule_meeting(
            viewer=viewer_of(mediator), meeting=meeting, plan=meeting_plan(invitees="amina@example.org")
        )
    methods = {to[0]: event.method for to, event in _invitations(mail.outbox)}
    assert methods == {"kari@example.org": "CANCEL", "amina@example.org": "REQUEST"}


@pytest.mark.django_db
@pytest.mark.usefixtures("immediate_tasks")
def test_cancelling_sends_method_cancel_with_a_higher_sequence(
    planned: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    mediator, meeting = planned
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_meeting(viewer=viewer_of(mediator), meeting=meeting)
        services.cancel_meeting(
            viewer=viewer_of(mediator), meeting=meeting
        )  # a second click sends nothing more
    sent = _invitations(mail.outbox)
    assert len(sent) == 2
    for _to, event in sent:
        assert (event.method, event.status, event.uid, event.sequence) == (
            "CANCEL",
            "CANCELLED",
            meeting.uid,
            1,
        )


@pytest.mark.django_db
@pytest.mark.usefixtures("immediate_tasks")
def test_a_withdrawal_cancels_the_invitations(
    planned: Any, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    mediator, meeting = planned
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_consent(viewer=viewer_of(mediator), referral=meeting.referral, side=Side.PERSON)
    assert {event.method for _to, event in _invitations(mail.outbox)} == {"CANCEL"}


@pytest.mark.django_db(transaction=True)
def test_invitations_reach_a_real_mail_server_through_the_worker(
    office: Office, adviser: User, smtp_server: SMTPServer, run_task_worker: Callable[..., Any]
) -> None:
    mediator = mediator_in(office)
    referral = consented(viewer_of(adviser), mediator)
    meeting = services.schedule_meeting(viewer=viewer_of(mediator), referral=referral, plan=meeting_plan())
    services.reschedule_meeting(viewer=viewer_of(mediator), meeting=meeting, plan=meeting_plan(days=5))
    services.cancel_meeting(viewer=viewer_of(mediator), meeting=meeting)
    assert smtp_server.received == []  # the request sends nothing itself
    run_task_worker(env=smtp_server.env)
    received = []
    for mail_in in smtp_server.received:
        [part] = [p for p in mail_in.message.iter_attachments() if p.get_content_type() == "text/calendar"]
        assert part.get_param("method") in {"REQUEST", "CANCEL"}
        event = read_invitation(part.get_content())
        received.append((mail_in.rcpt_tos[0], event.method, event.sequence))
    assert sorted(received) == sorted(
        [
            (to, method, seq)
            for to in EMAILS
            for method, seq in (("REQUEST", 0), ("REQUEST", 1), ("CANCEL", 2))
        ]
    )
