"""The referral screens of a case: its referrals and suggestions, one referral, making it with
consent, and changing its status."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.cases import selectors as case_selectors
from likeverd.cases.access import can_edit
from likeverd.cases.models import Case
from likeverd.cases.views.common import add_errors
from likeverd.core import clock
from likeverd.core.once import posts_once
from likeverd.triage.referrals import selectors, services
from likeverd.triage.referrals.forms import MakeForm, ReferralStatusForm, SuggestForm
from likeverd.triage.referrals.models import Referral, ReferralStatus, SharedField


def _suggest_form(case: Case, data: QueryDict | None) -> SuggestForm:
    return SuggestForm(
        data,
        services=selectors.list_services(office=case.office),
        authorities=selectors.list_authorities(office=case.office),
    )


@require_http_methods(["GET", "POST"])
@viewer_required()
@posts_once
def case_referrals(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    if request.method == "POST":
        case = case_selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    else:
        case = case_selectors.get_case(viewer=viewer, public_id=str(public_id))
    editable = can_edit(viewer, case)
    form = _suggest_form(case, request.POST if request.method == "POST" else None)
    if request.method == "POST" and editable and form.is_valid():
        kind, value = form.receiver_parts()
        service = selectors.get_service(office=case.office, public_id=value) if kind == "service" else None
        try:
            referral = services.suggest_referral(
                viewer=viewer,
                case=case,
                service=service,
                authority=value if kind == "authority" else "",
                need=form.cleaned_data["need"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_errors(form, error, {"receiver": "receiver", "need": "need"})
        else:
            messages.success(request, _("The referral is suggested. Nothing has been shared."))
            return redirect("referrals:detail", public_id=referral.public_id)
    if request.method == "POST":
        case_selectors.record_case_read(viewer=viewer, case=case, screen="referrals")
    return render(
        request,
        "triage/referrals/case_referrals.html",
        {
            "case": case,
            "referrals": [(r, selectors.receiver_name(r)) for r in selectors.list_referrals(case=case)],
            "suggestions": selectors.list_suggestions(viewer=viewer, case=case),
            "form": form if editable else None,
        },
    )


@require_POST
@viewer_required(Permission.EDIT_CASE)
@posts_once
def suggest_service(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """One click on a suggestion: the service and the problem it answers."""
    viewer = get_viewer(request)
    case = case_selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    service = selectors.get_service(office=case.office, public_id=request.POST.get("service", ""))
    try:
        referral = services.suggest_referral(
            viewer=viewer, case=case, service=service, need=request.POST.get("need", "")
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("referrals:case_referrals", public_id=case.public_id)
    messages.success(request, _("The referral is suggested. Nothing has been shared."))
    return redirect("referrals:detail", public_id=referral.public_id)


def _detail_context(referral: Referral, editable: bool) -> dict[str, object]:
    return {
        "case": referral.case,
        "referral": referral,
        "receiver": selectors.receiver_name(referral),
        "need_label": selectors.need_label(referral.need) if referral.need else "",
        "shared_labels": [SharedField(code).label for code in referral.shared],
        "can_make": editable and ReferralStatus.MADE in services.TRANSITIONS[referral.status],
        "status_form": (
            ReferralStatusForm(statuses=services.allowed_statuses(referral))
            if editable and services.allowed_statuses(referral)
            else None
        ),
    }


@require_GET
@viewer_required()
def referral_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral(viewer=viewer, public_id=str(public_id))
    return render(
        request,
        "triage/referrals/referral_detail.html",
        _detail_context(referral, can_edit(viewer, referral.case)),
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
@posts_once
def referral_make(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    if request.method == "POST":
        form = MakeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.make_referral(
                    viewer=viewer,
                    referral=referral,
                    consent=services.Consent(
                        given_by=data["consent_given_by"],
                        given_at=data["consent_given_at"],
                        method=data["consent_method"],
                    ),
                    shared_fields=data["shared_fields"],
                    shared_text=data["shared_text"],
                    note=data["note"],
                )
            except ValidationError as error:
                add_errors(
                    form,
                    error,
                    {
                        "consent_given_by": "consent_given_by",
                        "consent_method": "consent_method",
                        "consent_given_at": "consent_given_at",
                        "shared": "shared_fields",
                        "shared_text": "shared_text",
                    },
                )
            else:
                messages.success(request, _("The referral is recorded as made, with the person's consent."))
                return redirect("referrals:detail", public_id=referral.public_id)
    else:
        form = MakeForm(initial={"consent_given_at": clock.now()})
    details = selectors.shareable_details(viewer=viewer, referral=referral)
    return render(
        request,
        "triage/referrals/referral_make.html",
        {
            "case": referral.case,
            "referral": referral,
            "receiver": selectors.receiver_name(referral),
            "form": form,
            "details": [(SharedField(code).label, text) for code, text in details.items() if text],
        },
    )


@require_POST
@viewer_required(Permission.EDIT_CASE)
@posts_once
def referral_status(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    form = ReferralStatusForm(request.POST, statuses=services.allowed_statuses(referral))
    if form.is_valid():
        try:
            services.change_referral_status(
                viewer=viewer,
                referral=referral,
                to_status=form.cleaned_data["to_status"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The referral's status is changed."))
    else:
        messages.error(request, _("Choose a status this referral can move to."))
    return redirect("referrals:detail", public_id=referral.public_id)
