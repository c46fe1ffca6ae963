"""The adviser's screens of the bench: sending a case to the bench, and closing the case after it."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
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
from likeverd.mediation.models import BenchOutcome
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
