"""The mediator's view: the cases at the bench and a week calendar of meetings."""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.mediation import selectors


@require_GET
@viewer_required(Permission.MEDIATE)
def workbench(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    week_of: dt.date | None = None
    try:
        week_of = dt.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        week_of = None
    bench = selectors.get_workbench(viewer=viewer, week_of=week_of)
    return render(
        request,
        "mediation/workbench.html",
        {
            "bench": bench,
            "previous_week": bench.week_start - dt.timedelta(days=7),
            "next_week": bench.week_start + dt.timedelta(days=7),
        },
    )
