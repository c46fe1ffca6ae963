"""Changing, cancelling and holding a meeting of the bench (mediators)."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.core.once import posts_once
from likeverd.core.refusals import refusal_as_message
from likeverd.mediation import forms as f
from likeverd.mediation import selectors, services
from likeverd.mediation.models import Meeting
from likeverd.mediation.views.common import add_errors, back_to_referral


def _meeting_initial(meeting: Meeting) -> dict[str, Any]:
    return {name: getattr(meeting, name) for name in services.MeetingPlan.field_names()}


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.MEDIATE)
@posts_once
def meeting_change(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    meeting = selectors.get_meeting_for_change(viewer=viewer, public_id=str(public_id))
    form = f.MeetingForm(request.POST or None, initial=_meeting_initial(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.reschedule_meeting(
                viewer=viewer, meeting=meeting, plan=services.MeetingPlan(**form.cleaned_data)
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The meeting is changed; the invitations are updated."))
            return back_to_referral(meeting.referral)
    return render(
        request,
        "mediation/meeting_change.html",
        {"meeting": meeting, "form": form, "referral": meeting.referral},
    )


def _act_on_meeting(
    request: HttpRequest, public_id: UUID, action: Callable[..., object], done: str
) -> HttpResponse:
    """Cancel a meeting or mark it held: the service's refusal or `done` as the page's message."""
    viewer = get_viewer(request)
    meeting = selectors.get_meeting_for_change(viewer=viewer, public_id=str(public_id))
    with refusal_as_message(request):
        action(viewer=viewer, meeting=meeting)
        messages.success(request, done)
    return back_to_referral(meeting.referral)


@require_POST
@viewer_required(Permission.MEDIATE)
@posts_once
def meeting_cancel(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _act_on_meeting(
        request,
        public_id,
        services.cancel_meeting,
        _("The meeting is cancelled; the invitations are withdrawn."),
    )


@require_POST
@viewer_required(Permission.MEDIATE)
@posts_once
def meeting_held(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _act_on_meeting(
        request, public_id, services.mark_meeting_held, _("The meeting is marked as held.")
    )
