"""E-mail, sent in the background: one message per task, through the configured mailer.

A request never talks to the mail server. A service schedules the message once its transaction
has committed, `transaction.on_commit(lambda: send_mail_task.enqueue(subject=..., body=..., to=[...]))`,
and the worker (`likeverd db_worker`) sends it. The queue keeps a task's arguments in the
database until `likeverd prune_db_task_results` removes them, so a message says that something
happened and where to look, never what a case holds.

A calendar invitation or cancellation (likeverd.core.calendar) travels as an attachment:
`send_mail_task.enqueue(..., calendar=build_invitation(meeting))` adds `invitation.ics` as
`text/calendar; method=REQUEST` (or `method=CANCEL`), read from the file itself, so the mail
and the file never disagree.
"""

import datetime as dt
import smtplib
from email.message import MIMEPart

from django.core.mail import EmailMessage
from django.tasks import task

from likeverd.core import clock
from likeverd.core.calendar import method_of

CALENDAR_FILENAME = "invitation.ics"

# A mail server that is down or answers "try later" (4xx) gets the message again after these
# waits; a refusal (5xx) is final.
RETRY_DELAYS = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
)


class MailNotSentError(Exception):
    """The mail server did not take the message. The reason names no address and no content,
    because the worker logs it and the queue stores it."""

    def __init__(self, reason: str, *, is_temporary: bool) -> None:
        super().__init__(reason)
        self.is_temporary = is_temporary


def _why_not_sent(error: Exception) -> MailNotSentError:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _ in error.recipients.values()})
        return MailNotSentError(
            f"the mail server refused every recipient (codes {codes})",
            is_temporary=all(400 <= code < 500 for code in codes),
        )
    if isinstance(error, smtplib.SMTPResponseException):
        # Only the code: the server's text often repeats the address.
        return MailNotSentError(
            f"the mail server answered {error.smtp_code}", is_temporary=400 <= error.smtp_code < 500
        )
    return MailNotSentError(
        f"the mail server could not be reached ({type(error).__name__})", is_temporary=True
    )


def calendar_attachment(ics: str) -> MIMEPart:
    """The iCalendar text as an attachment whose Content-Type carries its iTIP method."""
    part = MIMEPart()
    part.set_content(
        ics,
        subtype="calendar",
        charset="utf-8",
        params={"method": method_of(ics).value},
        disposition="attachment",
        filename=CALENDAR_FILENAME,
    )
    return part


def deliver(message: EmailMessage) -> int:
    """Send `message` through the configured mailer; a failure is a MailNotSentError that names
    no address and no content."""
    try:
        return message.send()
    except (smtplib.SMTPException, OSError) as error:
        failure = _why_not_sent(error)
    # Raised outside the except block, so the traceback carries no server text.
    raise failure


def next_attempt_at(failure: MailNotSentError, attempt: int) -> dt.datetime | None:
    """When to try a message again after `failure` on its `attempt`-th try (None: not again)."""
    if failure.is_temporary and attempt <= len(RETRY_DELAYS):
        return clock.now() + RETRY_DELAYS[attempt - 1]
    return None


@task()
def send_mail_task(
    *,
    subject: str,
    body: str,
    to: list[str],
    reply_to: list[str] | None = None,
    calendar: str | None = None,
    attempt: int = 1,
) -> int:
    """Send one plain-text message from DEFAULT_FROM_EMAIL, with an optional calendar file
    (`calendar`, an iCalendar text); returns the number sent (1).

    A temporary failure schedules the next attempt (RETRY_DELAYS) and then fails this one, so
    the queue shows every attempt.
    """
    message = EmailMessage(subject=subject, body=body, to=to, reply_to=reply_to or [])
    if calendar:
        message.attach(calendar_attachment(calendar))
    try:
        return deliver(message)
    except MailNotSentError as failure:
        retry_at = next_attempt_at(failure, attempt)
        if retry_at is not None and send_mail_task.get_backend().supports_defer:
            send_mail_task.using(run_after=retry_at).enqueue(
                subject=subject, body=body, to=to, reply_to=reply_to, calendar=calendar, attempt=attempt + 1
            )
        raise
