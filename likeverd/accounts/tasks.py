"""The invitation e-mail, written and sent by the worker.

The queue keeps a task's arguments in the database, so it gets only the invitation's id and the
site's address: the worker derives the link's secret itself (selectors.invitation_token), and
an invitation that was replaced or accepted before the worker ran is not sent at all.
The message names the office, the person's username and who invited them; never a case.
"""

from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from likeverd.accounts.models import Invitation
from likeverd.accounts.selectors import InvitationState, invitation_state, invitation_token, office_language
from likeverd.core.calendar import time_zone_for_country
from likeverd.core.mail import MailNotSentError, deliver, next_attempt_at


def invitation_link(invitation: Invitation, *, site_url: str) -> str:
    """The link in the office's language (so the page that opens speaks it too)."""
    with translation.override(office_language(invitation.office)):
        path = reverse(
            "accounts:invitation",
            kwargs={"public_id": invitation.public_id, "token": invitation_token(invitation)},
        )
    return site_url.rstrip("/") + path


def invitation_message(invitation: Invitation, *, site_url: str) -> EmailMessage:
    """The e-mail, in the office's language, with the expiry in the office's time zone."""
    office = invitation.office
    with (
        translation.override(office_language(office)),
        timezone.override(time_zone_for_country(office.jurisdiction)),
    ):
        expires = formats.date_format(timezone.localtime(invitation.expires_at), "DATETIME_FORMAT")
        context = {
            "person": invitation.person,
            "office": office,
            "inviter": invitation.invited_by,
            "link": invitation_link(invitation, site_url=site_url),
            "expires": expires,
        }
        subject = _("Your account at %(office)s") % {"office": office.name}
        body = render_to_string("accounts/invitation_mail.txt", context)
    return EmailMessage(subject=subject, body=body, to=[invitation.person.email])


@task()
def send_invitation_task(*, invitation: str, site_url: str, attempt: int = 1) -> int:
    """Send the invitation `invitation` (a public id) if its link still works; returns the number
    sent (0 for one replaced, accepted or expired in the meantime). A temporary failure of the
    mail server schedules the next attempt, as send_mail_task does."""
    found = (
        Invitation.objects.select_related("person", "office", "invited_by")
        .filter(public_id=invitation)
        .first()
    )
    if found is None or invitation_state(found) is not InvitationState.OPEN:
        return 0
    try:
        return deliver(invitation_message(found, site_url=site_url))
    except MailNotSentError as failure:
        retry_at = next_attempt_at(failure, attempt)
        if retry_at is not None and send_invitation_task.get_backend().supports_defer:
            send_invitation_task.using(run_after=retry_at).enqueue(
                invitation=invitation, site_url=site_url, attempt=attempt + 1
            )
        raise
