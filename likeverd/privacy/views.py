"""The data-protection officer's screens: the office's audit log, and a case's full record."""

from uuid import UUID

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.cases.selectors import get_cases_by_public_id
from likeverd.privacy import exports
from likeverd.privacy.selectors import list_office_audit_log


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


@require_GET
@viewer_required(Permission.VIEW_AUDIT_LOG)
def office_audit_log(request: HttpRequest) -> HttpResponse:
    """Everything recorded in the office, newest first: for the data-protection officer."""
    viewer = get_viewer(request)
    events = list_office_audit_log(viewer=viewer).order_by("-occurred_at", "-id")
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    numbers = get_cases_by_public_id(
        viewer=viewer, public_ids={e.case_id for e in page.object_list if e.case_id}
    )
    return render(request, "privacy/office_audit_log.html", {"page": page, "case_numbers": numbers})
