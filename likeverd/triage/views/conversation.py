"""The sorting conversation: one page of sections, filled during a call in any order. Every
"Save" button saves the whole form as it stands (nothing is required) and comes back to the
section it was pressed in; "Save and mark complete" also completes it, or says what is missing.
A form opened before someone else saved is refused, with both versions on the page."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.cases import selectors as case_selectors
from likeverd.cases.models import Case
from likeverd.core.once import posts_once
from likeverd.triage import selectors, services
from likeverd.triage.assessment_selectors import REQUIRED_ANSWERS, missing_answers
from likeverd.triage.forms import ConversationForm, EvidenceForm
from likeverd.triage.forms.conversation import SECTION_ANCHORS
from likeverd.triage.models import SortingRecord


def _url(case: Case, anchor: str = "") -> str:
    url = reverse("triage:conversation", kwargs={"public_id": case.public_id})
    return f"{url}#{anchor}" if anchor in SECTION_ANCHORS or anchor == "evidence-list" else url


def _checklist_items(case: Case, record: SortingRecord | None) -> list[tuple[str, str]]:
    birth = record.birth_day if record is not None else None
    return [
        (entry.item.code, entry.item.label.in_language())
        for entry in selectors.case_evidence_checklist(case=case, birth_date=birth)
    ]


def _page(
    request: HttpRequest,
    viewer: Viewer,
    case: Case,
    record: SortingRecord | None,
    form: ConversationForm,
    *,
    evidence_form: EvidenceForm | None = None,
    stale: SortingRecord | None = None,
) -> HttpResponse:
    missing = missing_answers(record)
    items = _checklist_items(case, record)
    return render(
        request,
        "triage/conversation.html",
        {
            "case": case,
            "record": record,
            "form": form,
            "stale": stale,
            "missing": [REQUIRED_ANSWERS[name] for name in missing],
            "evidence_items": selectors.list_evidence(record=record) if record is not None else [],
            "item_labels": dict(items),
            "evidence_form": evidence_form or EvidenceForm(items=items),
        },
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
@posts_once
def conversation(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    if request.method != "POST":
        case = case_selectors.get_case(viewer=viewer, public_id=str(public_id))
        record = selectors.get_sorting(viewer=viewer, case=case)
        return _page(
            request, viewer, case, record, ConversationForm(initial=ConversationForm.initial_for(record))
        )
    case = case_selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = ConversationForm(request.POST)
    if not form.is_valid():
        return _page(request, viewer, case, SortingRecord.objects.filter(case=case).first(), form)
    current = SortingRecord.objects.filter(case=case).first()
    if (current.updated_at if current is not None else None) != form.cleaned_data["updated_at"]:
        # Someone saved in between: keep what this person typed under the current version, so
        # saving again (after comparing with the saved answers shown beside it) goes through.
        data = request.POST.copy()
        data["updated_at"] = current.updated_at.isoformat() if current is not None else ""
        form = ConversationForm(data)
        form.is_valid()
        form.add_error(
            None,
            _(
                "Someone else saved this conversation since you opened it. Your answers are kept "
                "in the form; what is saved now is shown beside it. Compare, then save again."
            ),
        )
        saved = selectors.get_sorting(viewer=viewer, case=case)  # shown decrypted: an audited read
        return _page(request, viewer, case, saved, form, stale=saved)
    try:
        services.save_sorting(viewer=viewer, case=case, answers=form.to_answers())
    except ValidationError as error:
        for item in error.error_list:
            form.add_error("birth_date" if "birth" in (item.code or "") else None, item)
        return _page(request, viewer, case, current, form)
    if request.POST.get("complete"):
        try:
            services.complete_sorting(viewer=viewer, case=case)
        except ValidationError as error:
            messages.warning(request, _("Saved.") + " " + " ".join(error.messages))
            return HttpResponseRedirect(_url(case, "missing"))
        messages.success(request, _("The sorting conversation is saved and complete."))
        return HttpResponseRedirect(reverse("triage:assessment", kwargs={"public_id": case.public_id}))
    messages.success(request, _("Saved."))
    return HttpResponseRedirect(_url(case, request.POST.get("section", "")))


@require_POST
@viewer_required(Permission.EDIT_CASE)
@posts_once
def conversation_evidence_add(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = case_selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    record = SortingRecord.objects.filter(case=case).first()
    form = EvidenceForm(request.POST, items=_checklist_items(case, record))
    if form.is_valid():
        try:
            services.add_evidence(
                viewer=viewer,
                case=case,
                description=form.cleaned_data["description"],
                held_by=form.cleaned_data["held_by"],
                item=form.cleaned_data["item"],
                is_secured=form.cleaned_data["is_secured"],
            )
        except ValidationError as error:
            for item in error.error_list:
                form.add_error(None, item)
        else:
            messages.success(request, _("The evidence is noted."))
            return HttpResponseRedirect(_url(case, "evidence-list"))
    saved = selectors.get_sorting(viewer=viewer, case=case)
    return _page(
        request,
        viewer,
        case,
        saved,
        ConversationForm(initial=ConversationForm.initial_for(saved)),
        evidence_form=form,
    )


@require_POST
@viewer_required(Permission.EDIT_CASE)
@posts_once
def conversation_evidence_change(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Mark a piece of evidence secured (or not), or remove it: `action` says which."""
    viewer = get_viewer(request)
    evidence = selectors.get_evidence_for_change(viewer=viewer, public_id=str(public_id))
    case = evidence.record.case
    action = request.POST.get("action", "")
    if action == "remove":
        services.remove_evidence(viewer=viewer, evidence=evidence)
        messages.success(request, _("The evidence is removed from the list."))
    elif action in ("secured", "not_secured"):
        services.update_evidence(viewer=viewer, evidence=evidence, is_secured=action == "secured")
        messages.success(request, _("Saved."))
    return HttpResponseRedirect(_url(case, "evidence-list"))
