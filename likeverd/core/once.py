"""Every form posts once: a one-time token per rendered form.

A double click, a second tap on a slow phone, or the browser's "resend" must not register a
second case or add a note twice. Each rendered form carries a hidden field with a fresh token;
the first POST carrying it claims it, and any later POST of the same token is answered with the
FIRST POST's result (its redirect), even while the first is still running.

API (for staff forms and, later, the public report form):

- In the template, inside the `<form>`: ``{% load core_tags %}{% once_field %}`` renders
  ``<input type="hidden" name="once_token" value="...">``. The token is random (`secrets`),
  signed with SECRET_KEY together with its owner (the logged-in person's id, or "" for an
  anonymous visitor) and its time of issue, so the server knows it issued it to this person
  and when: nothing is written at render.
- On the view: ``@posts_once`` (outermost after the HTTP-method and permission decorators is
  fine; it only acts on POST). On a POST with a valid token it claims the token by inserting a
  `FormSubmission` row (unique token: the database makes the claim atomic across processes).

  * The claim succeeds: the view runs. A redirect (the form was accepted) is stored as the
    token's result. Any other response (the form shown again with its errors) or an exception
    releases the claim, so a corrected form can be sent again. A view whose work ends in one
    transaction may store the result inside it instead, `claim_of(request).record(url)`, so that
    the result commits with the work it points to and the decorator writes nothing after it
    (the public report form does: one commit fewer).
  * The token is already claimed: a finished claim answers with a redirect to the stored
    result and a translated note that the form had already been sent. A claim still running is
    waited for (up to WAIT_SECONDS, polling outside any transaction) and then answered the same
    way; if the first POST released the claim, this POST claims it and runs.
  * No token, a bad signature, another owner, or a token older than MAX_AGE: the view runs as
    before (old pages, API-style clients and tests keep working; a token too old to protect is
    no worse than no token).

- Claims are never deleted in a request. A claim is only ever looked up by a token younger than
  MAX_AGE (the signature carries its time of issue), and it was written after the token was
  issued, so a claim older than MAX_AGE is one no request can reach: requests ignore it by date.
  `delete_expired_claims` deletes those; `likeverd housekeeping` runs it (README, Operations),
  which keeps the table to about MAX_AGE's worth of claims.

- `static/likeverd/once.js` (loaded by base.html, no inline script under the strict CSP)
  disables a form's submit buttons while it is being sent and marks the form `aria-busy`.
  It is a convenience: the server-side claim is the guarantee.

For the public report form: render `{% once_field %}` for the anonymous visitor (owner "") and
decorate the view with `@posts_once`; its redirect to the receipt page becomes the result.
"""

import functools
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from likeverd.core import clock
from likeverd.core.models import FormSubmission

FIELD_NAME = "once_token"
MAX_AGE = timedelta(hours=12)
WAIT_SECONDS = 15.0
POLL_SECONDS = 0.05
_SALT = "likeverd.core.once"

View = Callable[..., HttpResponse]


def _owner(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return str(user.pk)
    return ""


def issue_token(request: HttpRequest) -> str:
    """A fresh signed token for one rendered form of this person."""
    return signing.TimestampSigner(salt=_SALT).sign_object(
        {"t": secrets.token_urlsafe(24), "o": _owner(request)}
    )


def _valid_token(request: HttpRequest) -> str | None:
    """The token's random part, if the POST carries a token issued to this person and still fresh."""
    value = request.POST.get(FIELD_NAME, "")
    if not value:
        return None
    try:
        payload = signing.TimestampSigner(salt=_SALT).unsign_object(value, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("o") != _owner(request):
        return None
    token = payload.get("t")
    return token if isinstance(token, str) and token else None


_REQUEST_ATTRIBUTE = "_likeverd_once_claim"


@dataclass
class Claim:
    """The claim a POST holds on its form's token while its view runs (`claim_of`)."""

    token: str
    committed_url: str = ""

    def record(self, url: str) -> None:
        """Store `url` as the form's result now, inside the caller's transaction, so that a
        second POST of the form is sent there exactly when the work it points to has committed.
        Once that transaction commits, the decorator writes nothing more; if it rolls back, the
        decorator stores or releases as usual."""
        FormSubmission.objects.filter(token=self.token).update(result_url=url)
        transaction.on_commit(lambda: setattr(self, "committed_url", url))


def claim_of(request: HttpRequest) -> Claim | None:
    """The claim this POST holds, inside a view decorated with `posts_once`; None without a
    (valid) token."""
    claim = getattr(request, _REQUEST_ATTRIBUTE, None)
    return claim if isinstance(claim, Claim) else None


def _claim(token: str, owner: str) -> bool:
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=token, owner=owner)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def delete_expired_claims() -> int:
    """Delete the claims older than MAX_AGE (no token can reach them any more); how many.
    Housekeeping (`likeverd housekeeping`), never a request."""
    deleted, _by_model = FormSubmission.objects.filter(created_at__lt=clock.now() - MAX_AGE).delete()
    return deleted


def _release(token: str) -> None:
    FormSubmission.objects.filter(token=token, result_url="").delete()


def _finish(claim: Claim, response: HttpResponse) -> None:
    if isinstance(response, HttpResponseRedirect) and response.url:
        if response.url != claim.committed_url:  # not already stored by the view (Claim.record)
            FormSubmission.objects.filter(token=claim.token).update(result_url=response.url)
    else:
        _release(claim.token)


def _sent_before(request: HttpRequest, url: str) -> HttpResponse:
    messages.info(request, _("This form had already been sent: here is what it did."))
    return redirect(url)


def posts_once(view: View) -> View:
    """Run `view` once per rendered form; see the module docstring."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            return view(request, *args, **kwargs)
        token = _valid_token(request)
        if token is None:
            return view(request, *args, **kwargs)
        owner = _owner(request)
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            if _claim(token, owner):
                claim = Claim(token)
                setattr(request, _REQUEST_ATTRIBUTE, claim)
                try:
                    response = view(request, *args, **kwargs)
                except BaseException:
                    _release(token)
                    raise
                finally:
                    delattr(request, _REQUEST_ATTRIBUTE)
                _finish(claim, response)
                return response
            claimed = FormSubmission.objects.filter(token=token).values_list("result_url", flat=True).first()
            if claimed:
                return _sent_before(request, claimed)
            if claimed is None:
                continue  # released by the first POST in the meantime: claim it again
            if time.monotonic() > deadline:
                return HttpResponse(
                    _("This form is still being sent. Wait a moment and open the page again."),
                    status=409,
                    content_type="text/plain; charset=utf-8",
                )
            time.sleep(POLL_SECONDS)

    return wrapper
