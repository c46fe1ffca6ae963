"""The adviser's screens of the bench: sending a case to the bench, changing its mediator,
recording a party's withdrawal, and closing the case after the bench."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.cases import selectors as case_selectors
from likeverd.cases.models import Outcome
from likeverd.core.once import posts_once
from likeverd.mediation import forms as f
from likeverd.mediation import selectors, services
from likeverd.mediation.models import BenchOutcome, BenchReferral
from likeverd.mediation.views.common import add_errors


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
            add_errors(form, error)
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
            add_errors(form, error)
        else:
            messages.success(request, _("The case is closed."))
            return redirect("cases:case_detail", public_id=referral.case.public_id)
    return render(
        request, "mediation/close.html", {"referral": referral, "case": referral.case, "form": form}
    )


# --- changing a referral (advisers) -------------------------------------------------------------


def _seen(referral: BenchReferral) -> dict[str, Any]:
    return {"seen": referral.updated_at.isoformat()}


def _refused_again[F: Form](
    posted: QueryDict, build: Callable[[QueryDict], F], referral: BenchReferral, error: ValidationError
) -> F:
    """The form again with the service's refusal, on the referral's current version: after a
    stale refusal the person checks the case page and may send the same choice again."""
    referral.refresh_from_db(fields=["updated_at"])
    data = posted.copy()
    again = build(data)
    data[again.add_prefix("seen")] = referral.updated_at.isoformat()
    again.is_valid()
    add_errors(again, error)
    return again


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.CLASSIFY_CASE)
@posts_once
def change_mediator(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    form = f.ChangeMediatorForm(
        request.POST or None, viewer=viewer, initial={"mediator": referral.mediator, **_seen(referral)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assign_mediator(
                viewer=viewer,
                referral=referral,
                mediator=form.cleaned_data["mediator"],
                seen_updated_at=form.cleaned_data["seen"],
            )
        except ValidationError as error:
            form = _refused_again(
                request.POST, lambda data: f.ChangeMediatorForm(data, viewer=viewer), referral, error
            )
        else:
            messages.success(request, _("The mediator of the referral is changed."))
            return redirect("cases:case_detail", public_id=referral.case.public_id)
    return render(
        request,
        "mediation/change_mediator.html",
        {"referral": referral, "case": referral.case, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.CLASSIFY_CASE)
@posts_once
def withdraw_referral(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    referral = selectors.get_referral_for_change(viewer=viewer, public_id=str(public_id))
    form = f.AdviserWithdrawForm(request.POST or None, initial=_seen(referral))
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_consent(
                viewer=viewer,
                referral=referral,
                side=form.cleaned_data["side"],
                withdrawn_on=form.cleaned_data["withdrawn_on"],
                seen_updated_at=form.cleaned_data["seen"],
            )
        except ValidationError as error:
            form = _refused_again(request.POST, f.AdviserWithdrawForm, referral, error)
        else:
            messages.success(
                request, _("The withdrawal is recorded: the bench has stopped and the case is back with you.")
            )
            return redirect("cases:case_detail", public_id=referral.case.public_id)
    return render(
        request,
        "mediation/withdraw_referral.html",
        {"referral": referral, "case": referral.case, "form": form},
        status=400 if form.errors else 200,
    )
