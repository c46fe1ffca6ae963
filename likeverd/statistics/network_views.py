"""The network statistician's screen: offices and a period in, disclosure-controlled tables out.

Only figures: every table comes from `report_tables(..., controlled=True)` (small counts hidden,
with secondary suppression), and nothing on the page links to, names or counts a single case.
The figures are a GET: the address can be bookmarked and sent to a colleague with the same role.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.statistics.network_forms import NetworkReportForm, last_full_year
from likeverd.statistics.selectors import report_offices, report_tables
from likeverd.statistics.tables import Table


@never_cache
@require_GET
@viewer_required(Permission.VIEW_NETWORK_STATISTICS)
def network(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    offices = list(report_offices(viewer))
    if request.GET:
        form = NetworkReportForm(request.GET, offices=offices)
    else:
        # The first visit shows last year for every office at once.
        start, end = last_full_year(timezone.localdate())
        defaults = {
            "offices": [str(office.public_id) for office in offices],
            "start": formats.localize_input(start),
            "end": formats.localize_input(end),
        }
        form = NetworkReportForm(defaults, offices=offices)
    tables: list[Table] = []
    if form.is_valid():
        tables = report_tables(
            actor=viewer,
            offices=form.chosen_offices(),
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            controlled=True,
        )
    return render(
        request,
        "statistics/network.html",
        {"form": form, "tables": tables, "chosen": form.chosen_offices() if form.is_valid() else []},
    )
