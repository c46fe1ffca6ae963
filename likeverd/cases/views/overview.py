"""The overview screens: the dashboard, the case list (with filters and search) and its CSV."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.cases import exports, registry, selectors
from likeverd.cases.access import may_read_cases
from likeverd.cases.forms import CaseFilterForm
from likeverd.cases.models import CaseStatus
from likeverd.cases.views.common import require_case_reader
from likeverd.core import clock
from likeverd.core.pagination import CappedPaginator

CASES_PER_PAGE = 25


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
            "can_read_cases": may_read_cases(viewer),
            "can_register": viewer.can(Permission.REGISTER_CASE),
            "boxes": registry.dashboard_boxes(viewer),
        },
    )


@require_GET
@viewer_required()
def case_list(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    require_case_reader(viewer)
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
