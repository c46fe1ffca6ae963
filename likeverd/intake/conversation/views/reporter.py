"""The reporter's pages: come back with the receipt code, read the status and the office's
replies, answer, add a file, leave. HTTP only: the code is checked by receipts.find_by_receipt,
messages are read and written by likeverd/intake/conversation/services.py.

After a correct code the session (its key rotated) holds which receipt it opened, for a short
time: RECEIPT_SESSION_IDLE_MINUTES without a request, RECEIPT_SESSION_MAX_MINUTES in all. The
cookie still ends when the browser closes, and "Leave" ends the session at once. A receipt
replaced since (a new code for the case) ends the session too.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from likeverd.cases.models import Case, CaseStatus
from likeverd.core import clock
from likeverd.core.once import posts_once
from likeverd.core.proxy import client_address
from likeverd.intake import services
from likeverd.intake.conversation import services as conversation
from likeverd.intake.conversation.forms import ReceiptCodeForm, ReporterMessageForm
from likeverd.intake.evidence import EvidenceRefused
from likeverd.intake.models import Receipt
from likeverd.intake.receipts import ReceiptThrottled, find_by_receipt

SESSION_KEY = "intake_reporter"

# What each status means for the person who reported, in plain words.
STATUS_IN_PLAIN_WORDS = {
    CaseStatus.NEW: gettext_lazy("We have received your report. Someone at the office will read it soon."),
    CaseStatus.SORTING: gettext_lazy("An adviser is going through what happened and what can be done."),
    CaseStatus.ADVICE: gettext_lazy("An adviser is working out what advice to give you."),
    CaseStatus.ASSISTANCE: gettext_lazy(
        "The office is helping to take the matter further, for example with a complaint."
    ),
    CaseStatus.REFERRED: gettext_lazy(
        "The matter has been passed to another service that can help better. Read the messages below."
    ),
    CaseStatus.MEDIATION: gettext_lazy("The office is trying to settle the matter through mediation."),
    CaseStatus.CLOSED: gettext_lazy(
        "The office has finished its work on this report. You can still read and send messages here."
    ),
}


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _start_session(request: HttpRequest, case: Case) -> None:
    request.session.cycle_key()  # a new session key: nothing from before the code carries over
    now = clock.now().timestamp()
    request.session[SESSION_KEY] = {
        "case": str(case.public_id),
        "receipt": str(case.receipt.public_id),
        "started": now,
        "seen": now,
    }


def _session_case(request: HttpRequest) -> Case | None:
    """The case this session opened with a code, while the session is fresh; else None."""
    data = request.session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    now = clock.now().timestamp()
    idle = dt.timedelta(minutes=settings.RECEIPT_SESSION_IDLE_MINUTES).total_seconds()
    longest = dt.timedelta(minutes=settings.RECEIPT_SESSION_MAX_MINUTES).total_seconds()
    started, seen = data.get("started"), data.get("seen")
    receipt_id, case_id = str(data.get("receipt", "")), str(data.get("case", ""))
    fresh = (
        isinstance(started, int | float)
        and isinstance(seen, int | float)
        and now - seen <= idle
        and now - started <= longest
    )
    receipt = (
        Receipt.objects.select_related("case", "case__office")
        .filter(public_id=receipt_id, case__public_id=case_id)
        .first()
        if fresh
        else None
    )
    if receipt is None:
        del request.session[SESSION_KEY]
        return None
    request.session[SESSION_KEY] = {**data, "seen": now}
    return receipt.case


@never_cache
@require_http_methods(["GET", "POST"])
def enter_code(request: HttpRequest) -> HttpResponse:
    """The page where a person comes back with their receipt code."""
    form = ReceiptCodeForm(request.POST or None)
    status = 200
    checked = False
    if request.method == "POST" and form.is_valid():
        try:
            case = find_by_receipt(form.cleaned_data["code"], address=client_address(request))
        except ReceiptThrottled as throttled:
            form.add_error(None, throttled.message)
            status = 429
        else:
            if case is not None:
                _start_session(request, case)
                return redirect("intake:reporter-case")
            form.add_error("code", _("This code does not match a report. Check each digit and try again."))
        checked = True  # a code that was checked is not shown back on a shared screen
    return render(request, "intake/return.html", {"form": form, "clear_code": checked}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@posts_once
def reporter_case(request: HttpRequest) -> HttpResponse:
    """The report as its reporter sees it: status, messages, a reply box with a file."""
    case = _session_case(request)
    if case is None:
        messages.info(request, _("For your safety you were signed out. Enter your code again."))
        return redirect("intake:return")
    form = ReporterMessageForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.count_submission(client_address(request), services.Counted.MESSAGE)
            conversation.write_to_office(
                case=case,
                body=form.cleaned_data["body"],
                upload=form.cleaned_data["file"],
                site_url=_site_url(request),
            )
        except services.RateLimitedError:
            form.add_error(None, MESSAGES_LIMITED)
            status = 429
        except EvidenceRefused as refused:
            form.add_error("file", refused.reason)
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Your message has been sent to the office."))
            return redirect(reverse("intake:reporter-case") + "#messages")
    context: dict[str, Any] = {
        "case": case,
        "office": case.office,
        "status_text": STATUS_IN_PLAIN_WORDS.get(CaseStatus(case.status), ""),
        "conversation": conversation.reporter_conversation(case=case),
        "form": form,
    }
    return render(request, "intake/reporter_case.html", context, status=status)


MESSAGES_LIMITED = gettext_lazy(
    "Many messages have been sent from your internet connection in the last hour, so we cannot send "
    "another one just now. Nothing you wrote is lost: wait an hour and send it again, or call the office."
)


@never_cache
@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    """End the session at once (a shared phone): the code is needed to come back."""
    request.session.flush()
    messages.info(request, _("You have left your report. Your code is needed to open it again."))
    return redirect("intake:return")
