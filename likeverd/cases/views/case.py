"""One case: its page, editing its details, classifying it, and its access history."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.cases import registry, selectors, services, workflow
from likeverd.cases.access import can_edit
from likeverd.cases.forms import (
    AssignForm,
    CaseEditForm,
    ClassifyForm,
    EntryForm,
    StatusForm,
    TaskForm,
    UploadForm,
)
from likeverd.cases.views.common import add_errors, to_case
from likeverd.core.once import posts_once

# The case page shows the newest entries of the timeline, and a link to all of them: a case
# that has run for years stays one quick page.
TIMELINE_ENTRIES = 20


@require_GET
@viewer_required()
def case_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    whole_timeline = request.GET.get("timeline") == "all"
    case = selectors.get_case(
        viewer=viewer,
        public_id=str(public_id),
        related=registry.case_page_relations(),
        present=registry.case_page_presences(),
    )
    parties = list(selectors.list_parties(case=case))
    tasks = selectors.read_tasks(viewer=viewer, case=case)
    documents = selectors.read_documents(case=case)
    caseworkers = selectors.caseworkers(viewer=viewer)
    editable = can_edit(viewer, case)
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "conflicts": selectors.list_conflicts(viewer=viewer, case=case, parties=parties),
            "parties": parties,
            "tasks": tasks,
            "documents": documents,
            "timeline": selectors.read_timeline(
                viewer=viewer, case=case, newest=None if whole_timeline else TIMELINE_ENTRIES
            ),
            "names": {str(user.public_id): user for user in caseworkers},
            "task_titles": {str(task.public_id): task.title for task in tasks},
            "document_names": {str(document.public_id): document.filename for document in documents},
            "classification_labels": selectors.get_classification_labels(viewer=viewer),
            "can_edit": editable,
            "can_classify": viewer.can(Permission.CLASSIFY_CASE),
            "can_assign": viewer.can(Permission.ASSIGN_CASE),
            "can_see_access_history": viewer.can(Permission.VIEW_ACCESS_HISTORY),
            "can_export": viewer.can(Permission.EXPORT_CASES),
            "status_targets": workflow.allowed_targets(case.status, viewer.permissions),
            "entry_form": EntryForm() if editable else None,
            "task_form": TaskForm(viewer=viewer) if editable else None,
            "upload_form": UploadForm() if editable else None,
            "status_form": StatusForm(viewer=viewer, case=case),
            "assign_form": AssignForm(viewer=viewer, initial={"assignee": case.assigned_to}),
            "sections": registry.case_sections(viewer, case),
        },
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
@posts_once
def case_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    if request.method != "POST":
        case = selectors.get_case(viewer=viewer, public_id=str(public_id))
        form = CaseEditForm(initial=CaseEditForm.initial_for(case))
        return render(request, "cases/case_edit.html", {"case": case, "form": form})
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = CaseEditForm(request.POST)
    if form.is_valid():
        if form.cleaned_data["updated_at"] != case.updated_at:
            # Someone saved in between: keep what this person typed, but under the case's
            # current version, so that saving again (after checking) goes through.
            data = request.POST.copy()
            data["updated_at"] = case.updated_at.isoformat()
            form = CaseEditForm(data)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "This case was changed by someone else since you opened the form. Your text is "
                    "kept below: check it against the case and save again."
                ),
            )
            # The page shows the saved narrative beside the person's own text: a read.
            selectors.record_case_read(viewer=viewer, case=case, screen="edit_stale")
            return render(request, "cases/case_edit.html", {"case": case, "form": form, "is_stale": True})
        try:
            services.update_case_details(viewer=viewer, case=case, details=form.to_details())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The details are saved."))
            return to_case(case)
    return render(request, "cases/case_edit.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.CLASSIFY_CASE)
@posts_once
def case_classify(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    if request.method != "POST":
        case = selectors.get_case(viewer=viewer, public_id=str(public_id))
        return render(
            request,
            "cases/case_classify.html",
            {"case": case, "form": ClassifyForm(viewer=viewer, case=case)},
        )
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = ClassifyForm(request.POST, viewer=viewer, case=case)
    if form.is_valid():
        try:
            services.classify_case(viewer=viewer, case=case, classification=form.to_classification())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The classification is saved."))
            return to_case(case)
    return render(request, "cases/case_classify.html", {"case": case, "form": form})


@require_GET
@viewer_required(Permission.VIEW_ACCESS_HISTORY)
def case_access_history(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case(viewer=viewer, public_id=str(public_id))
    events = selectors.list_case_access_history(viewer=viewer, case_public_id=str(case.public_id)).order_by(
        "-occurred_at", "-id"
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "cases/case_access_history.html", {"case": case, "page": page})
