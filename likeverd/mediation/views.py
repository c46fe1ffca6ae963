"""The bench's screens: sending a case to the bench (advisers), the bench page of one case and
its small forms (mediators), closing the case after the bench (advisers), and the mediator's view
with its week calendar. Thin: the services decide and audit; forms post once."""

import datetime as dt
from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.cases import selectors as case_selectors
from likeverd.cases.models import Outcome
from likeverd.core.once import posts_once
from likeverd.mediation import forms as f
from likeverd.mediation import selectors, services
from likeverd.mediation.models import BenchOutcome, BenchReferral, Meeting, Stage


def _add_errors(form: Form, error: ValidationError) -> None:
    for item in error.error_list:
        field = item.code if item.code in form.fields else None
        form.add_error(field, item)


def _to_referral(referral: BenchReferral) -> HttpResponse:
    """Back to the bench page; once the case is back with its adviser (which the mediator may no
    longer read), to the mediator's view."""
    referral.refresh_from_db(fields=["stage"])
    if not referral.is_open:
        return redirect("mediation:workbench")
    return redirect("mediation:referral", public_id=referral.public_id)


def _meeting_initial(meeting: Meeting) -> dict[str, Any]:
    return {
        name: getattr(meeting, name)
        for name in (
            "starts_at",
            "ends_at",
            "place_kind",
            "place",
            "premises_of",
            "other_party_agreed_on",
            "neutrality_note",
            "participants",
            "interpreter",
            "invitees",
        )
    }


def _bench_page(
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


# --- sending a case to the bench (advisers) ---------------------------------------------------


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.CLASSIFY_CASE)
@posts_once
def refer(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = case_selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = f.ReferForm(request.POST or None, viewer=viewer)
    missing: list[selectors.Missing] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.refer_to_bench(
                viewer=viewer,
                case=case,
                kind=data["kind"],
                reasons=data["reasons"],
                routes_told_on=data["routes_told_on"],
                facts_waiver=data["facts_waiver"],
                mediator=data["mediator"],
            )
        except services.GateClosedError as refused:
            missing = refused.missing
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The case is at the mediation bench."))
            return redirect("cases:case_detail", public_id=case.public_id)
    if not missing:
        missing = list(selectors.facts_missing(case))
    return render(
        request,
        "mediation/refer.html",
        {
            "case": case,
            "form": form,
            "missing": missing,
            "refused": request.method == "POST" and bool(missing),
        },
        status=400 if request.method == "POST" and (missing or form.errors) else 200,
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.CLOSE_CASE)
@posts_once
def close(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    suggested = (
        services.referral.CASE_OUTCOMES.get(BenchOutcome(referral.outcome), Outcome.OTHER)
        if referral.outcome
        else Outcome.OTHER
    )
    form = f.CloseForm(request.POST or None, initial={"outcome": suggested})
    if request.method == "POST" and form.is_valid():
        try:
            services.close_after_bench(viewer=viewer, referral=referral, outcome=form.cleaned_data["outcome"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The case is closed."))
            return redirect("cases:case_detail", public_id=referral.case.public_id)
    return render(
        request, "mediation/close.html", {"referral": referral, "case": referral.case, "form": form}
    )


# --- the bench page (mediators) ---------------------------------------------------------------


@require_GET
@viewer_required(Permission.MEDIATE)
def referral_page(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral(viewer=viewer, public_id=str(public_id))
    return _bench_page(request, viewer, referral)


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
                _add_errors(form, error)
            else:
                messages.success(request, done)
                return _to_referral(referral)
        referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
        return _bench_page(request, viewer, referral, status=400, **{name: form})

    view.__name__ = f"bench_{name}"
    return view


def _counterpart(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.update_counterpart(viewer=viewer, referral=referral, **data)
    return _("Saved.")


def _consent(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.record_consent(viewer=viewer, referral=referral, **data)
    return _("The consent is recorded.")


def _withdraw(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.withdraw_consent(viewer=viewer, referral=referral, **data)
    return _("The consent is withdrawn: the bench has stopped and the case is back with the adviser.")


def _talk(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.add_talk(viewer=viewer, referral=referral, **data)
    return _("The talk is logged.")


def _note(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.add_note(viewer=viewer, referral=referral, body=data["body"])
    return _("The note is saved.")


def _meeting(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    meeting = services.schedule_meeting(viewer=viewer, referral=referral, plan=services.MeetingPlan(**data))
    count = len([line for line in meeting.invitees.splitlines() if line.strip()])
    return _("The meeting is planned; invitations sent: %(count)s.") % {"count": count}


def _outcome(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.record_outcome(viewer=viewer, referral=referral, **data)
    return _("The outcome is recorded.")


def _follow(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.record_follow_up(viewer=viewer, referral=referral, holds=data["holds"])
    return _("The follow-up is recorded and the case is back with the adviser.")


def _agreement(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.save_agreement(viewer=viewer, referral=referral, text=data["text"])
    return _("The agreement is saved. Print it as PDF for signing.")


def _signed(viewer: Viewer, referral: BenchReferral, data: dict[str, Any], _r: HttpRequest) -> str:
    services.upload_signed(viewer=viewer, referral=referral, upload=data["file"])
    return _("The signed copy is stored.")


bench_counterpart = _bench_action(f.CounterpartForm, "counterpart_form", _counterpart)
bench_consent = _bench_action(f.ConsentForm, "consent_form", _consent)
bench_withdraw = _bench_action(f.WithdrawForm, "withdraw_form", _withdraw)
bench_talk = _bench_action(f.TalkForm, "talk_form", _talk)
bench_note = _bench_action(f.NoteForm, "note_form", _note)
bench_meeting = _bench_action(f.MeetingForm, "meeting_form", _meeting)
bench_outcome = _bench_action(f.OutcomeForm, "outcome_form", _outcome)
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
    return _to_referral(referral)


@require_POST
@viewer_required(Permission.MEDIATE)
@posts_once
def hand_back(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    try:
        services.return_to_adviser(viewer=viewer, referral=referral)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The case is back with the adviser."))
    return _to_referral(referral)


@require_GET
@viewer_required(Permission.MEDIATE)
def agreement_pdf(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    try:
        pdf = services.agreement_pdf(viewer=viewer, referral=referral)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _to_referral(referral)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        content_disposition_header(False, f"agreement-{referral.case.number}.pdf") or "inline"
    )
    return response


@require_GET
@viewer_required(Permission.MEDIATE)
def signed_download(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    try:
        data, content_type = services.read_signed(viewer=viewer, referral=referral)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _to_referral(referral)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = (
        content_disposition_header(True, f"agreement-signed-{referral.case.number}") or "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- meetings ---------------------------------------------------------------------------------


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
            _add_errors(form, error)
        else:
            messages.success(request, _("The meeting is changed; the invitations are updated."))
            return _to_referral(meeting.referral)
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
    try:
        action(viewer=viewer, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return _to_referral(meeting.referral)


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


# --- the mediator's view ----------------------------------------------------------------------


@require_GET
@viewer_required(Permission.MEDIATE)
def workbench(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    week_of: dt.date | None = None
    try:
        week_of = dt.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        week_of = None
    bench = selectors.get_workbench(viewer=viewer, week_of=week_of)
    return render(
        request,
        "mediation/workbench.html",
        {
            "bench": bench,
            "previous_week": bench.week_start - dt.timedelta(days=7),
            "next_week": bench.week_start + dt.timedelta(days=7),
        },
    )
