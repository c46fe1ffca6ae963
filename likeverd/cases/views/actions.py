"""The smaller actions on a case, each a small form: assign, change status, add a timeline
entry, a task, a document or a party; mark a task done; download a document."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.cases import selectors, services
from likeverd.cases.forms import AssignForm, EntryForm, PartyForm, StatusForm, TaskForm, UploadForm
from likeverd.cases.models import CaseStatus, EventKind, PartyRole
from likeverd.cases.views.common import action_page, add_errors, to_case
from likeverd.core import files
from likeverd.core.once import posts_once


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.ASSIGN_CASE)
@posts_once
def case_assign(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = AssignForm(request.POST or None, viewer=viewer, initial={"assignee": case.assigned_to})
    if request.method == "POST" and form.is_valid():
        assignee = form.cleaned_data["assignee"]
        try:
            services.assign_case(viewer=viewer, case=case, assignee=assignee)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if assignee is None:
                messages.success(request, _("The case is no longer assigned."))
            else:
                messages.success(request, _("The case is assigned to %(name)s.") % {"name": str(assignee)})
            return to_case(case)
    return action_page(
        request, case, form, title=_("Assign the case"), action="cases:case_assign", submit=_("Assign")
    )


@require_http_methods(["GET", "POST"])
@viewer_required()
@posts_once
def case_status(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = StatusForm(request.POST or None, viewer=viewer, case=case)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.change_case_status(
                viewer=viewer,
                case=case,
                to_status=CaseStatus(data["to_status"]),
                outcome=data["outcome"],
                note=data["note"].strip(),
            )
        except ValidationError as error:
            add_errors(form, error, {"outcome_required": "outcome", "invalid_transition": "to_status"})
        else:
            messages.success(
                request, _("The status is now %(status)s.") % {"status": CaseStatus(case.status).label}
            )
            return to_case(case)
    return action_page(
        request,
        case,
        form,
        title=_("Change the status"),
        action="cases:case_status",
        submit=_("Change status"),
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
@posts_once
def case_add_entry(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = EntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_timeline_entry(
                viewer=viewer,
                case=case,
                kind=EventKind(data["kind"]),
                body=data["body"],
                occurred_at=data["occurred_at"],
            )
        except ValidationError as error:
            add_errors(form, error, {"required": "body"})
        else:
            messages.success(request, _("Added to the timeline."))
            return to_case(case)
    return action_page(
        request, case, form, title=_("Add to the timeline"), action="cases:case_add_entry", submit=_("Add")
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
@posts_once
def case_add_task(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = TaskForm(request.POST or None, viewer=viewer)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_task(
                viewer=viewer,
                case=case,
                title=data["title"],
                due_date=data["due_date"],
                assignee=data["assignee"],
            )
        except ValidationError as error:
            add_errors(form, error, {"required": "title"})
        else:
            messages.success(request, _("The task is added."))
            return to_case(case)
    return action_page(
        request, case, form, title=_("Add a task"), action="cases:case_add_task", submit=_("Add task")
    )


@require_POST
@viewer_required(Permission.EDIT_CASE)
def task_done(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    task = selectors.get_task(viewer=viewer, public_id=str(public_id))
    was_done = task.is_done
    services.complete_task(viewer=viewer, task=task)
    if request.htmx:  # type: ignore[attr-defined]
        if was_done:
            # Nothing changed (so the service wrote no row), but the answer shows the title.
            selectors.record_case_read(viewer=viewer, case=task.case, screen="task_done")
        return render(request, "cases/_task_row.html", {"task": task, "can_edit": True})
    messages.success(request, _("The task is done."))
    return to_case(task.case)


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
@posts_once
def case_upload(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.upload_document(
                viewer=viewer, case=case, upload=form.cleaned_data["file"], kind=form.cleaned_data["kind"]
            )
        except ValidationError as error:
            add_errors(form, error, {"too_large": "file", "empty": "file", "file_type": "file"})
        else:
            messages.success(request, _("%(name)s is stored.") % {"name": document.filename})
            return to_case(case)
    return action_page(
        request,
        case,
        form,
        title=_("Upload a document"),
        action="cases:case_upload",
        submit=_("Upload"),
        multipart=True,
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
@posts_once
def case_add_party(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    parties = selectors.list_parties(case=case)
    form = PartyForm(request.POST or None, parties=parties, initial={"role": PartyRole.COUNTERPART})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        role = PartyRole(data["role"])
        try:
            services.add_party(
                viewer=viewer,
                case=case,
                role=role,
                details=form.to_person(role),
                counterpart_kind=data["counterpart_kind"],
                notes=data["notes"],
                represents=data["represents"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The party is added."))
            return to_case(case)
    if parties.exists():
        # "Represents" lists the case's parties by name: a read of the case.
        selectors.record_case_read(viewer=viewer, case=case, screen="add_party")
    return action_page(
        request, case, form, title=_("Add a party"), action="cases:case_add_party", submit=_("Add party")
    )


@require_GET
@never_cache
@viewer_required()
def document_download(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    document = selectors.get_document(viewer=viewer, public_id=str(public_id))
    content = services.read_document(viewer=viewer, document=document)
    response = HttpResponse(content, content_type=document.content_type)
    # Named by the sniffed type, also for files stored before names were (ADR 0002).
    response["Content-Disposition"] = _attachment(
        files.download_name(document.filename, document.content_type)
    )
    response["Content-Length"] = str(len(content))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _attachment(filename: str) -> str:
    return content_disposition_header(as_attachment=True, filename=filename or "document") or "attachment"


@require_POST
@viewer_required(Permission.EDIT_CASE)
def case_not_spam(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Take a report from the public form out of the "suspected spam" folder."""
    viewer = get_viewer(request)
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    services.mark_not_spam(viewer=viewer, case=case)
    messages.success(request, _("The report is not spam: it is in the case list now."))
    return to_case(case)
