"""E-mail leaves through the real worker and a real SMTP server, never from the request."""

import datetime as dt
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.db import transaction
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from conftest import SMTPServer, free_port
from likeverd.core import clock
from likeverd.core.mail import RETRY_DELAYS, MailNotSentError, send_mail_task

RunWorker = Callable[..., subprocess.CompletedProcess[str]]

SUBJECT = "Ny melding i saken din"
BODY = "Du har fått et nytt svar. Logg inn med kvitteringskoden din for å lese det."
RECIPIENT = "kari.nordmann@example.org"


def test_a_message_reaches_the_mail_server_through_the_worker(
    smtp_server: SMTPServer, run_task_worker: RunWorker
) -> None:
    result = send_mail_task.enqueue(subject=SUBJECT, body=BODY, to=[RECIPIENT])
    assert smtp_server.received == []  # enqueuing sends nothing

    worker = run_task_worker(env=smtp_server.env)

    [mail] = smtp_server.received
    assert mail.rcpt_tos == [RECIPIENT]
    assert mail.message["Subject"] == SUBJECT
    assert mail.message["To"] == RECIPIENT
    assert mail.message["From"] == "likeverd@localhost"
    assert mail.message.get_content().strip() == BODY
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 1
    # The worker's log names the task, not the person or the message.
    log = worker.stdout + worker.stderr
    assert "send_mail_task" in log
    assert RECIPIENT not in log
    assert SUBJECT not in log
    assert "kvitteringskoden" not in log


def test_a_message_scheduled_on_commit_is_not_sent_when_the_transaction_rolls_back(
    smtp_server: SMTPServer, run_task_worker: RunWorker
) -> None:
    def a_service_that_fails_after_scheduling() -> None:
        with transaction.atomic():
            transaction.on_commit(lambda: send_mail_task.enqueue(subject="undone", body=BODY, to=[RECIPIENT]))
            raise ValueError("refused after scheduling")

    with pytest.raises(ValueError, match="refused after scheduling"):
        a_service_that_fails_after_scheduling()
    with transaction.atomic():
        transaction.on_commit(lambda: send_mail_task.enqueue(subject=SUBJECT, body=BODY, to=[RECIPIENT]))

    run_task_worker(env=smtp_server.env)

    assert [mail.message["Subject"] for mail in smtp_server.received] == [SUBJECT]


def test_an_unreachable_mail_server_gets_the_message_again_later(run_task_worker: RunWorker) -> None:
    nobody_listens = {"LIKEVERD_EMAIL_HOST": "127.0.0.1", "LIKEVERD_EMAIL_PORT": str(free_port())}
    first = send_mail_task.enqueue(subject=SUBJECT, body=BODY, to=[RECIPIENT])
    before = clock.now()

    worker = run_task_worker(env=nobody_listens)

    first.refresh()
    assert first.status == TaskResultStatus.FAILED
    [error] = first.errors
    assert "could not be reached" in error.traceback
    assert RECIPIENT not in error.traceback
    retry = DBTaskResult.objects.exclude(id=first.id).get()
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after >= before + RETRY_DELAYS[0] - dt.timedelta(seconds=1)
    assert RECIPIENT not in worker.stdout + worker.stderr


@pytest.mark.django_db
def test_after_the_last_attempt_the_message_is_not_tried_again(settings: Settings) -> None:
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 5},
        }
    }
    with pytest.raises(MailNotSentError, match="could not be reached"):
        send_mail_task.call(subject=SUBJECT, body=BODY, to=[RECIPIENT], attempt=len(RETRY_DELAYS) + 1)
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("immediate_tasks")
def test_with_immediate_tasks_a_scheduled_message_is_in_the_outbox_after_commit(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        transaction.on_commit(lambda: send_mail_task.enqueue(subject=SUBJECT, body=BODY, to=[RECIPIENT]))
        assert mail.outbox == []

    [message] = mail.outbox
    assert message.subject == SUBJECT
    assert message.to == [RECIPIENT]
