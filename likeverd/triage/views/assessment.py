"""The assessment of a case: the legal assessment (read from the data files), the bureau
checklist as steps ticked with who and when, and the decision with its reasons. Each step is a
small form of its own (tick or untick), so two advisers ticking at once never undo each other."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import selectors as case_selectors
from likeverd.cases.models import Case
from likeverd.core.once import posts_once
from likeverd.triage import assessment_services, panels
from likeverd.triage.assessment_selectors import (
    assessment_state,
    get_decision,
    list_steps,
    missing_label,
)
from likeverd.triage.forms import DecisionForm
from likeverd.triage.models import AssessmentDecision, BureauStep


def _url(case: Case, anchor: str = "") -> str:
    url = reverse("triage:assessment", kwargs={"public_id": case.public_id})
    return f"{url}#{anchor}" if anchor else url


def _audit_decision_read(viewer: Viewer, case: Case, decision: AssessmentDecision | None) -> None:
    if decision is not None:
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.VIEW,
            target=decision,
            case=case,
        )


def _page(
    request: HttpRequest,
    viewer: Viewer,
    case: Case,
    form: DecisionForm,
    decision: AssessmentDecision | None,
    *,
    stale: AssessmentDecision | None = None,
) -> HttpResponse:
    steps = list_steps(case=case)
    state = assessment_state(case)
    return render(
        request,
        "triage/assessment.html",
        {
            "case": case,
            "steps": [(code, label, steps.get(code)) for code, label in BureauStep.choices],
            "state": state,
            "missing": [missing_label(code) for code in state.missing],
            "decision": decision,
            "form": form,
            "stale": stale,
            **(panels.case_section(viewer, case) or {}),
        },
    )


@require_http_methods(["GET"])
@viewer_required(Permission.EDIT_CASE)
def assessment(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = case_selectors.get_case(viewer=viewer, public_id=str(public_id))
    decision = get_decision(case=case)
    _audit_decision_read(viewer, case, decision)
    return _page(request, viewer, case, DecisionForm(initial=DecisionForm.initial_for(decision)), decision)


@require_POST
@viewer_required(Permission.EDIT_CASE)
@posts_once
def assessment_step(request: HttpRequest, public_id: UUID, step: str) -> HttpResponse:
    viewer = get_viewer(request)
    case = case_selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    if step not in BureauStep.values:
        raise Http404
    if request.POST.get("action") == "untick":
        assessment_services.untick_step(viewer=viewer, case=case, step=step)
        messages.success(request, _("The step is no longer ticked."))
    else:
        assessment_services.tick_step(viewer=viewer, case=case, step=step)
        messages.success(request, _("The step is ticked."))
    return HttpResponseRedirect(_url(case, f"step-{step}"))


@require_POST
@viewer_required(Permission.EDIT_CASE)
@posts_once
def assessment_decision(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = case_selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            assessment_services.record_decision(
                viewer=viewer,
                case=case,
                actions=form.cleaned_data["actions"],
                reasons=form.cleaned_data["reasons"],
                expected_updated_at=form.cleaned_data["updated_at"],
            )
        except ValidationError as error:
            if any(item.code == "stale" for item in error.error_list):
                saved = get_decision(case=case)
                _audit_decision_read(viewer, case, saved)
                data = request.POST.copy()
                data["updated_at"] = saved.updated_at.isoformat() if saved is not None else ""
                form = DecisionForm(data)
                form.is_valid()
                form.add_error(
                    None,
                    _(
                        "Someone else recorded a decision since you opened this page. Your choice "
                        "and reasons are kept below; the saved decision is shown beside them. "
                        "Compare, then save again."
                    ),
                )
                return _page(request, viewer, case, form, saved, stale=saved)
            for item in error.error_list:
                form.add_error("actions" if item.code in ("no_action", "advice_only_alone") else None, item)
        else:
            messages.success(request, _("The decision is recorded."))
            return HttpResponseRedirect(reverse("cases:case_detail", kwargs={"public_id": case.public_id}))
    decision = get_decision(case=case)
    _audit_decision_read(viewer, case, decision)
    return _page(request, viewer, case, form, decision)
