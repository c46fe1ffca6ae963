"""The office's texts in its annual report (introduction, reflections) per year and language:
listed, and written or changed, by the coordinator or the office administrator."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.core import clock
from likeverd.core.once import posts_once
from likeverd.officeadmin import selectors, services
from likeverd.officeadmin.forms import ReportTextsForm
from likeverd.officeadmin.models import REPORT_LANGUAGES

FIRST_YEAR = 2000
LAST_YEAR = 2100


@never_cache
@require_GET
@viewer_required(Permission.WRITE_REPORT_TEXTS)
def report_text_list(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    written = dict(selectors.list_report_text_years(viewer=viewer))
    this_year = clock.today().year
    years = sorted({this_year, this_year - 1, *written}, reverse=True)
    rows = [
        (year, [(code, label, code in written.get(year, [])) for code, label in REPORT_LANGUAGES])
        for year in years
    ]
    return render(request, "officeadmin/report_text_list.html", {"rows": rows})


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(Permission.WRITE_REPORT_TEXTS)
@posts_once
def report_text_edit(request: HttpRequest, year: int, language: str) -> HttpResponse:
    viewer = get_viewer(request)
    if language not in dict(REPORT_LANGUAGES) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    saved = selectors.get_report_text(viewer=viewer, year=year, language=language)
    context = {"year": year, "language": language, "language_name": dict(REPORT_LANGUAGES)[language]}
    if request.method != "POST":
        form = ReportTextsForm(initial=ReportTextsForm.initial_for(saved))
        return render(request, "officeadmin/report_text_form.html", {**context, "form": form})
    form = ReportTextsForm(request.POST)
    if form.is_valid():
        try:
            services.save_report_texts(viewer=viewer, texts=form.to_texts(year=year, language=language))
        except ValidationError as error:
            if any(item.code == "stale" for item in error.error_list):
                # Keep what this person typed, under the saved version, so that saving again
                # (after comparing with the saved texts shown beside it) goes through.
                saved = selectors.get_report_text(viewer=viewer, year=year, language=language)
                data = request.POST.copy()
                data["updated_at"] = saved.updated_at.isoformat() if saved is not None else ""
                form = ReportTextsForm(data)
                form.is_valid()
                form.add_error(
                    None,
                    _(
                        "Someone else saved these texts since you opened the form. Your text is kept "
                        "below; what is saved now is shown above it. Compare, then save again."
                    ),
                )
                return render(
                    request, "officeadmin/report_text_form.html", {**context, "form": form, "stale": saved}
                )
            for item in error.error_list:
                form.add_error(None, item)
        else:
            messages.success(request, _("The report's texts for %(year)s are saved.") % {"year": year})
            return redirect("officeadmin:report_text_list")
    return render(request, "officeadmin/report_text_form.html", {**context, "form": form})
