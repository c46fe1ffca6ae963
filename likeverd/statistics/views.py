"""The annual report's screens: choosing an office and a period, the report itself (texts, a chart
beside each table), and its downloads (PDF, XLSX, CSV, JSON). HTTP only: the figures come
from `report.build_report`, which reads through the audited `selectors.report_tables`.

What leaves the office (every download) is disclosure-controlled. On the screen, the office's
own staff may switch to the internal figures of their own office (small numbers shown), marked
as such; a network statistician, or anyone looking at another office, never can.
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from likeverd.accounts.models import Office
from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.core import clock
from likeverd.statistics import exports
from likeverd.statistics.forms import ReportChoiceForm
from likeverd.statistics.report import AnnualReport, PeriodError, build_report, record_report_export
from likeverd.statistics.selectors import report_offices


def _offices(viewer: Viewer) -> list[Office]:
    if not (viewer.can(Permission.VIEW_OFFICE_STATISTICS) or viewer.can(Permission.VIEW_NETWORK_STATISTICS)):
        raise PermissionDenied(_("Your role in this office does not allow this."))
    return list(report_offices(viewer))


def _may_see_internal(viewer: Viewer, office: Office) -> bool:
    """The office's own staff, about their own office; never the network's view."""
    return (
        viewer.office == office
        and viewer.can(Permission.VIEW_OFFICE_STATISTICS)
        and not viewer.can(Permission.VIEW_NETWORK_STATISTICS)
    )


def _index_page(request: HttpRequest, form: ReportChoiceForm, offices: list[Office]) -> HttpResponse:
    viewer = get_viewer(request)
    context = {
        "form": form,
        "offices": offices,
        # Only the office's own staff may ask for internal figures (any period); others never.
        "may_see_internal": viewer.office is not None and _may_see_internal(viewer, viewer.office),
    }
    return render(request, "statistics/index.html", context)


@never_cache
@require_GET
@viewer_required()
def index(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    offices = _offices(viewer)
    initial = {"year": clock.today().year - 1, "office": offices[0].code if offices else ""}
    if viewer.office in offices and viewer.office is not None:
        initial["office"] = viewer.office.code
    return _index_page(request, ReportChoiceForm(initial=initial, offices=offices), offices)


def _chosen(viewer: Viewer, form: ReportChoiceForm, *, internal: bool) -> AnnualReport:
    """The report the valid `form` asks for; another office's code is a 404 (audited as
    DENIED by report_tables when the office exists)."""
    code = form.cleaned_data["office"]
    office = Office.objects.filter(code=code, is_active=True).first()
    if office is None:
        raise Http404
    controlled = not (internal and _may_see_internal(viewer, office))
    try:
        return build_report(
            actor=viewer,
            offices=[office],
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            language=translation.get_language() or "en",
            controlled=controlled,
        )
    except PermissionDenied:
        raise Http404 from None


@never_cache
@require_GET
@viewer_required()
def report(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    offices = _offices(viewer)
    form = ReportChoiceForm(request.GET, offices=offices)
    if not form.is_valid():
        return _index_page(request, form, offices)
    try:
        chosen = _chosen(viewer, form, internal=form.cleaned_data["internal"])
    except PeriodError as error:  # internal figures asked for by someone who may not see them
        form.add_error(None, str(error))
        return _index_page(request, form, offices)
    query = {
        "office": form.cleaned_data["office"],
        "start": chosen.start.isoformat(),
        "end": chosen.end.isoformat(),
    }
    context = {
        "report": chosen,
        "query": urlencode(query),
        "internal_query": urlencode({**query, "internal": "on"}),
        "may_see_internal": _may_see_internal(viewer, chosen.offices[0]),
        "may_write_texts": viewer.can(Permission.WRITE_REPORT_TEXTS) and viewer.office == chosen.offices[0],
    }
    return render(request, "statistics/report.html", context)


@never_cache
@require_GET
@viewer_required()
def download(request: HttpRequest, file_format: str) -> HttpResponse:
    if file_format not in exports.CONTENT_TYPES:
        raise Http404
    viewer = get_viewer(request)
    offices = _offices(viewer)
    form = ReportChoiceForm(request.GET, offices=offices)
    if not form.is_valid():
        return _index_page(request, form, offices)
    # What leaves the office is always disclosure-controlled, whatever the screen showed, and so
    # covers whole months only (an internal page of other days offers no download).
    try:
        chosen = _chosen(viewer, form, internal=False)
    except PeriodError as error:
        form.add_error(None, str(error))
        return _index_page(request, form, offices)
    data = exports.export_report(chosen, file_format)
    record_report_export(actor=viewer, report=chosen, file_format=file_format)
    response = HttpResponse(data, content_type=exports.CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{chosen.filename(file_format)}"'
    return response
