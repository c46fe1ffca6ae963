"""The case-work screens: HTTP only. Each view finds the viewer, parses with a form, calls one
selector or one service, and renders or redirects (post/redirect/get) with a message.
Services refuse with ValidationError (shown on the form) or PermissionDenied (403).
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.selectors import list_case_access_history, list_office_audit_log
from likeverd.cases import exports, selectors, services, workflow
from likeverd.cases.forms import (
    AssignForm,
    CaseEditForm,
    CaseFilterForm,
    ClassifyForm,
    EntryForm,
    PartyForm,
    RegisterCallForm,
    StatusForm,
    TaskForm,
    UploadForm,
)
from likeverd.cases.models import Case, CaseStatus, EventKind, PartyRole
from likeverd.cases.permissions import can_edit, visible_cases
from likeverd.core import clock
from likeverd.core.pagination import CappedPaginator

CASES_PER_PAGE = 25


def _require_case_reader(viewer: Viewer) -> None:
    if not (viewer.can(Permission.VIEW_ALL_CASES) or viewer.can(Permission.VIEW_MEDIATION_CASES)):
        raise PermissionDenied(_("You do not have permission to do this."))


def _add_errors(form: Form, error: ValidationError, fields_by_code: dict[str, str] | None = None) -> None:
    """Put a service's refusal next to the field it is about, or at the top of the form."""
    fields_by_code = fields_by_code or {}
    for item in error.error_list:
        form.add_error(fields_by_code.get(item.code or "", None), item)


def _to_case(case: Case) -> HttpResponse:
    return redirect("cases:case_detail", public_id=case.public_id)


def _action_page(
    request: HttpRequest,
    case: Case,
    form: Form,
    *,
    title: str,
    action: str,
    submit: str,
    multipart: bool = False,
    template: str = "cases/case_action.html",
    **extra: Any,
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "case": case,
            "form": form,
            "title": title,
            "action": action,
            "submit": submit,
            "multipart": multipart,
            **extra,
        },
    )


# --- overview ---------------------------------------------------------------------------------


@require_GET
@viewer_required()
def dashboard(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    board = selectors.get_dashboard(viewer=viewer)
    counts = [(CaseStatus(status).label, status, n) for status, n in board.counts_by_status.items()]
    return render(
        request,
        "cases/dashboard.html",
        {
            "board": board,
            "counts": counts,
            "can_read_cases": viewer.can(Permission.VIEW_ALL_CASES)
            or viewer.can(Permission.VIEW_MEDIATION_CASES),
            "can_register": viewer.can(Permission.REGISTER_CASE),
        },
    )


@require_GET
@viewer_required()
def case_list(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    _require_case_reader(viewer)
    form = CaseFilterForm(request.GET or None, viewer=viewer)
    cases = selectors.list_cases(viewer=viewer, filters=form.to_filters())
    paginator = CappedPaginator(cases, CASES_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    kept = request.GET.copy()
    kept.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "kept_query": kept.urlencode(),
        "is_filtered": bool(kept),
        "can_export": viewer.can(Permission.EXPORT_CASES),
        "page_numbers": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "ellipsis": Paginator.ELLIPSIS,
    }
    is_table_swap = request.htmx and request.htmx.target == "case-results"  # type: ignore[attr-defined]
    template = "cases/_case_results.html" if is_table_swap else "cases/case_list.html"
    response = render(request, template, context)
    # The same address answers with the whole page or only the table: caches must keep both.
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


@require_GET
@viewer_required(Permission.EXPORT_CASES)
def case_list_export(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered list as CSV, for a spreadsheet: codes and dates, no names or narratives."""
    viewer = get_viewer(request)
    form = CaseFilterForm(request.GET or None, viewer=viewer)
    lines = exports.export_cases_csv(viewer=viewer, filters=form.to_filters())
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = f"{viewer.office.code if viewer.office else 'cases'}-{clock.today().isoformat()}.csv"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    add_never_cache_headers(response)
    return response


@require_GET
@viewer_required(Permission.EXPORT_CASES)
def case_export(request: HttpRequest, public_id: UUID) -> JsonResponse:
    """Everything stored about one case (a person's right of access), as JSON."""
    record = exports.export_case_record(viewer=get_viewer(request), public_id=str(public_id))
    response = JsonResponse(record, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{record['number']}.json"
    )
    add_never_cache_headers(response)
    return response


# --- registering ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.REGISTER_CASE)
def register_call(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    form = RegisterCallForm(request.POST or None, viewer=viewer)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.register_case(
                viewer=viewer,
                details=form.to_details(),
                person=form.to_person(),
                assign_to=viewer.user if form.cleaned_data.get("assign_to_me") else None,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Registered %(number)s") % {"number": case.number})
            # A coordinator registers calls for the advisers but does not see cases.
            if visible_cases(viewer).filter(pk=case.pk).exists():
                return _to_case(case)
            return redirect("cases:dashboard")
    return render(request, "cases/register_call.html", {"form": form})


# --- one case ---------------------------------------------------------------------------------


@require_GET
@viewer_required()
def case_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case(viewer=viewer, public_id=str(public_id))
    parties = list(selectors.list_parties(case=case))
    tasks = list(selectors.list_tasks(case=case))
    documents = list(selectors.list_documents(case=case))
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
            "timeline": list(selectors.list_timeline(case=case)),
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
        },
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
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
            return render(request, "cases/case_edit.html", {"case": case, "form": form, "is_stale": True})
        try:
            services.update_case_details(viewer=viewer, case=case, details=form.to_details())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The details are saved."))
            return _to_case(case)
    return render(request, "cases/case_edit.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.CLASSIFY_CASE)
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
            _add_errors(form, error)
        else:
            messages.success(request, _("The classification is saved."))
            return _to_case(case)
    return render(request, "cases/case_classify.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.ASSIGN_CASE)
def case_assign(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = AssignForm(request.POST or None, viewer=viewer, initial={"assignee": case.assigned_to})
    if request.method == "POST" and form.is_valid():
        assignee = form.cleaned_data["assignee"]
        try:
            services.assign_case(viewer=viewer, case=case, assignee=assignee)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if assignee is None:
                messages.success(request, _("The case is no longer assigned."))
            else:
                messages.success(request, _("The case is assigned to %(name)s.") % {"name": str(assignee)})
            return _to_case(case)
    return _action_page(
        request, case, form, title=_("Assign the case"), action="cases:case_assign", submit=_("Assign")
    )


@require_http_methods(["GET", "POST"])
@viewer_required()
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
            _add_errors(form, error, {"outcome_required": "outcome", "invalid_transition": "to_status"})
        else:
            messages.success(
                request, _("The status is now %(status)s.") % {"status": CaseStatus(case.status).label}
            )
            return _to_case(case)
    return _action_page(
        request,
        case,
        form,
        title=_("Change the status"),
        action="cases:case_status",
        submit=_("Change status"),
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
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
            _add_errors(form, error, {"required": "body"})
        else:
            messages.success(request, _("Added to the timeline."))
            return _to_case(case)
    return _action_page(
        request, case, form, title=_("Add to the timeline"), action="cases:case_add_entry", submit=_("Add")
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
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
            _add_errors(form, error, {"required": "title"})
        else:
            messages.success(request, _("The task is added."))
            return _to_case(case)
    return _action_page(
        request, case, form, title=_("Add a task"), action="cases:case_add_task", submit=_("Add task")
    )


@require_POST
@viewer_required(Permission.EDIT_CASE)
def task_done(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    task = selectors.get_task(viewer=viewer, public_id=str(public_id))
    services.complete_task(viewer=viewer, task=task)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "cases/_task_row.html", {"task": task, "can_edit": True})
    messages.success(request, _("The task is done."))
    return _to_case(task.case)


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
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
            _add_errors(form, error, {"too_large": "file", "empty": "file", "file_type": "file"})
        else:
            messages.success(request, _("%(name)s is stored.") % {"name": document.filename})
            return _to_case(case)
    return _action_page(
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
def case_add_party(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
    form = PartyForm(
        request.POST or None,
        parties=selectors.list_parties(case=case),
        initial={"role": PartyRole.COUNTERPART},
    )
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
            _add_errors(form, error)
        else:
            messages.success(request, _("The party is added."))
            return _to_case(case)
    return _action_page(
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
    response["Content-Disposition"] = _attachment(document.filename)
    response["Content-Length"] = str(len(content))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _attachment(filename: str) -> str:
    return content_disposition_header(as_attachment=True, filename=filename or "document") or "attachment"


@require_GET
@viewer_required(Permission.VIEW_ACCESS_HISTORY)
def case_access_history(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = selectors.get_case(viewer=viewer, public_id=str(public_id))
    events = list_case_access_history(viewer=viewer, case_public_id=str(case.public_id)).order_by(
        "-occurred_at", "-id"
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "cases/case_access_history.html", {"case": case, "page": page})


@require_GET
@viewer_required(Permission.VIEW_AUDIT_LOG)
def office_audit_log(request: HttpRequest) -> HttpResponse:
    """Everything recorded in the office, newest first: for the data-protection officer."""
    viewer = get_viewer(request)
    events = list_office_audit_log(viewer=viewer).order_by("-occurred_at", "-id")
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    numbers = selectors.get_cases_by_public_id(
        viewer=viewer, public_ids={e.case_id for e in page.object_list if e.case_id}
    )
    return render(request, "cases/office_audit_log.html", {"page": page, "case_numbers": numbers})
