"""The office admin's screens for the texts of the office's public page, one language at a time.
HTTP only: the write is `services.save_office_page_text`, which audits it."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.intake import selectors, services
from likeverd.intake.forms import OfficePageTextForm


@never_cache
@require_http_methods(["GET"])
@viewer_required(Permission.MANAGE_OFFICE)
def page_text_list(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    if viewer.office is None:
        raise Http404
    texts = selectors.list_page_texts_for_office_admin(viewer)
    rows = [
        {
            "code": code,
            "info": get_language_info(code),
            "text": text,
            "is_own": code == selectors.office_language(viewer.office),
        }
        for code, text in texts.items()
    ]
    return render(request, "intake/staff/page_text_list.html", {"rows": rows, "office": viewer.office})


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(Permission.MANAGE_OFFICE)
def page_text_edit(request: HttpRequest, language: str) -> HttpResponse:
    viewer = get_viewer(request)
    if language not in PUBLIC_LANGUAGES or viewer.office is None:
        raise Http404
    info = get_language_info(language)
    is_rtl = language in settings.LANGUAGES_BIDI
    existing = selectors.get_page_text_for_office_admin(viewer, language=language)
    initial = {}
    if existing is not None:
        initial = {name: getattr(existing, name) for name in selectors.PAGE_TEXT_FIELDS}
    form = OfficePageTextForm(
        request.POST if request.method == "POST" else None, initial=initial, language=language, is_rtl=is_rtl
    )
    if form.is_valid():
        try:
            services.save_office_page_text(viewer=viewer, language=language, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The office page in %(language)s is saved.") % {"language": info["name_local"]}
            )
            return redirect("intake_staff:page-texts")
    context = {"form": form, "language": language, "info": info, "is_rtl": is_rtl, "office": viewer.office}
    return render(request, "intake/staff/page_text_edit.html", context)
