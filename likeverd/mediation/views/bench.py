"""The bench page of one case and its small forms (mediators): each form posts once, the services
decide and audit, a refusal shows on the form that was posted."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_stubs_ext import StrOrPromise

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.core.once import posts_once
from likeverd.core.refusals import refusal_as_message
from likeverd.mediation import forms as f
from likeverd.mediation import selectors, services
from likeverd.mediation.models import BenchReferral, Stage
from likeverd.mediation.views.common import add_errors, back_to_referral


def bench_page(
    request: HttpRequest, viewer: Viewer, referral: BenchReferral, *, status: int = 200, **bound: Form
) -> HttpResponse:
    """The bench page of one case, for mediators: each form empty, except the one just posted."""
    confidential = selectors.get_confidential(viewer=viewer, referral=referral)
    agreement = getattr(referral, "agreement", None) if hasattr(referral, "agreement") else None
    forms: dict[str, Form] = {
        "counterpart_form": f.CounterpartForm(
            initial={
                "name": referral.counterpart_name,
                "contact": referral.counterpart_contact,
                "representative": referral.counterpart_representative,
                "interpreter_needs": referral.interpreter_needs,
            }
        ),
        "consent_form": f.ConsentForm(),
        "withdraw_form": f.WithdrawForm(),
        "talk_form": f.TalkForm(),
        "note_form": f.NoteForm(),
        "meeting_form": f.MeetingForm(),
        "outcome_form": f.OutcomeForm(),
        "follow_form": f.FollowUpForm(),
        "agreement_form": f.AgreementForm(
            initial={"text": agreement.text if agreement is not None else services.draft_text(referral)}
        ),
        "signed_form": f.SignedForm(),
    }
    forms.update(bound)
    meetings = selectors.list_meetings(referral=referral)
    return render(
        request,
        "mediation/referral.html",
        {
            "referral": referral,
            "case": referral.case,
            "consents": selectors.list_consents(referral=referral),
            "both_consent": selectors.has_both_consents(referral),
            "meetings": meetings,
            "any_held": any(m.held_at for m in meetings),
            "talks": confidential.talks,
            "notes": confidential.notes,
            "agreement": agreement,
            "is_open": referral.is_open,
            "Stage": Stage,
            **forms,
        },
        status=status,
    )


@require_GET
@viewer_required(Permission.MEDIATE)
def referral_page(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral(viewer=viewer, public_id=str(public_id))
    return bench_page(request, viewer, referral)


type Action = Callable[[Viewer, BenchReferral, dict[str, Any], HttpRequest], str]


def _bench_action(form_class: type[Form], name: str, action: Action) -> Callable[..., HttpResponseBase]:
    """A POST of one of the bench page's forms: on success back to the page with a message; on a
    refusal the page again, that form showing why."""

    @require_POST
    @viewer_required(Permission.MEDIATE)
    @posts_once
    def view(request: HttpRequest, public_id: UUID) -> HttpResponse:
        viewer = get_viewer(request)
        referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                done = action(viewer, referral, form.cleaned_data, request)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, done)
                return back_to_referral(referral)
        referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
        return bench_page(request, viewer, referral, status=400, **{name: form})

    view.__name__ = f"bench_{name}"
    return view


def _service_action(service: Callable[..., object], done: StrOrPromise) -> Action:
    """The action of a form whose fields are the service's own arguments: call it, say `done`."""

    def action(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
        service(viewer=viewer, referral=referral, **data)
        return str(done)

    return action


def _note(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.add_note(viewer=viewer, referral=referral, body=data["body"])
    return _("The note is saved.")


def _meeting(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    meeting = services.schedule_meeting(viewer=viewer, referral=referral, plan=services.MeetingPlan(**data))
    count = len([line for line in meeting.invitees.splitlines() if line.strip()])
    return _("The meeting is planned; invitations sent: %(count)s.") % {"count": count}


def _follow(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.record_follow_up(viewer=viewer, referral=referral, holds=data["holds"])
    return _("The follow-up is recorded and the case is back with the adviser.")


def _agreement(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.save_agreement(viewer=viewer, referral=referral, text=data["text"])
    return _("The agreement is saved. Print it as PDF for signing.")


def _signed(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.upload_signed(viewer=viewer, referral=referral, upload=data["file"])
    return _("The signed copy is stored.")


bench_counterpart = _bench_action(
    f.CounterpartForm,
    "counterpart_form",
    _service_action(services.update_counterpart, gettext_lazy("Saved.")),
)
bench_consent = _bench_action(
    f.ConsentForm,
    "consent_form",
    _service_action(services.record_consent, gettext_lazy("The consent is recorded.")),
)
bench_withdraw = _bench_action(
    f.WithdrawForm,
    "withdraw_form",
    _service_action(
        services.withdraw_consent,
        gettext_lazy(
            "The consent is withdrawn: the bench has stopped and the case is back with the adviser."
        ),
    ),
)
bench_talk = _bench_action(
    f.TalkForm, "talk_form", _service_action(services.add_talk, gettext_lazy("The talk is logged."))
)
bench_note = _bench_action(f.NoteForm, "note_form", _note)
bench_meeting = _bench_action(f.MeetingForm, "meeting_form", _meeting)
bench_outcome = _bench_action(
    f.OutcomeForm,
    "outcome_form",
    _service_action(services.record_outcome, gettext_lazy("The outcome is recorded.")),
)
bench_follow = _bench_action(f.FollowUpForm, "follow_form", _follow)
bench_agreement = _bench_action(f.AgreementForm, "agreement_form", _agreement)
bench_signed = _bench_action(f.SignedForm, "signed_form", _signed)


@require_POST
@viewer_required(Permission.MEDIATE)
@posts_once
def take(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    services.assign_mediator(viewer=viewer, referral=referral, mediator=viewer.user)
    messages.success(request, _("The case is yours at the bench."))
    return back_to_referral(referral)


@require_POST
@viewer_required(Permission.MEDIATE)
@posts_once
def hand_back(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    with refusal_as_message(request):
        services.return_to_adviser(viewer=viewer, referral=referral)
        messages.success(request, _("The case is back with the adviser."))
    return back_to_referral(referral)


@require_GET
@viewer_required(Permission.MEDIATE)
def agreement_pdf(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    with refusal_as_message(request):
        pdf = services.agreement_pdf(viewer=viewer, referral=referral)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            content_disposition_header(False, f"agreement-{referral.case.number}.pdf") or "inline"
        )
        return response
    return back_to_referral(referral)


@require_GET
@viewer_required(Permission.MEDIATE)
def signed_download(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    with refusal_as_message(request):
        data, content_type = services.read_signed(viewer=viewer, referral=referral)
        response = HttpResponse(data, content_type=content_type)
        response["Content-Disposition"] = (
            content_disposition_header(True, f"agreement-signed-{referral.case.number}") or "attachment"
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
    return back_to_referral(referral)
