"""The sorting conversation: one page of sections, filled during a call in any order. Every
"Save" button saves the whole form as it stands (nothing is required) and comes back to the
section it was pressed in; "Save and mark complete" also completes it, or says what is missing.
The evidence list's buttons (add, secured, remove) are in the same form, so nothing typed is lost
when they are used. A form opened before someone else saved is refused, with both versions on
the page."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

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
            "evidence_form": evidence_form or EvidenceForm(prefix="ev", items=items),
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
    if request.POST.get("evidence_action"):
        return _change_evidence(request, viewer, case)
    # Evidence typed into the list's fields is added with any Save, not only its own button.
    if request.POST.get("add_evidence") or any(
        request.POST.get(f"ev-{name}", "").strip() for name in ("item", "description", "held_by")
    ):
        refused = _add_evidence(request, viewer, case)
        if refused is not None:
            return refused
        if not request.POST.get("complete"):
            messages.success(request, _("Saved. The evidence is noted."))
            return HttpResponseRedirect(_url(case, "evidence-list"))
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


def _change_evidence(request: HttpRequest, viewer: Viewer, case: Case) -> HttpResponse:
    """Mark a piece of evidence secured (or not), or remove it. The list's buttons are in the
    conversation's form, so the answers typed so far were saved first (by the caller)."""
    action, _sep, public_id = request.POST.get("evidence_action", "").partition(":")
    evidence = selectors.get_evidence_for_change(viewer=viewer, public_id=public_id)
    if evidence.record.case_id != case.pk:
        raise Http404
    if action == "remove":
        services.remove_evidence(viewer=viewer, evidence=evidence)
        messages.success(request, _("Saved. The evidence is removed from the list."))
    elif action in ("secured", "not_secured"):
        services.update_evidence(viewer=viewer, evidence=evidence, is_secured=action == "secured")
        messages.success(request, _("Saved."))
    return HttpResponseRedirect(_url(case, "evidence-list"))


def _add_evidence(request: HttpRequest, viewer: Viewer, case: Case) -> HttpResponse | None:
    """Add the piece of evidence typed into the list's fields; None when it was added, else the
    page again with the reason (the answers are saved already)."""
    record = SortingRecord.objects.filter(case=case).first()
    evidence_form = EvidenceForm(request.POST, prefix="ev", items=_checklist_items(case, record))
    if evidence_form.is_valid():
        try:
            services.add_evidence(
                viewer=viewer,
                case=case,
                description=evidence_form.cleaned_data["description"],
                held_by=evidence_form.cleaned_data["held_by"],
                item=evidence_form.cleaned_data["item"],
                is_secured=evidence_form.cleaned_data["is_secured"],
            )
        except ValidationError as error:
            for item in error.error_list:
                evidence_form.add_error(None, item)
        else:
            return None
    saved = selectors.get_sorting(viewer=viewer, case=case)
    form = ConversationForm(initial=ConversationForm.initial_for(saved))
    return _page(request, viewer, case, saved, form, evidence_form=evidence_form)
