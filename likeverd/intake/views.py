"""The public pages: the network start page, an office's page, the "Is this discrimination?"
guide, and the language picker. HTTP only: reads come from selectors and guide.py.

Every page works without JavaScript and without cookies (the language picker sets one, for the
visitor's choice of language). Nothing is cached by the browser: a shared phone keeps no copy.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from likeverd.accounts.models import Office
from likeverd.intake import guide, selectors
from likeverd.intake.forms import OTHER_MUNICIPALITY, WHAT_HAPPENED_CHOICES, GuideAnswers, MunicipalityForm
from likeverd.taxonomy.models import TermKind


def _office_or_404(code: str) -> Office:
    office = selectors.get_public_office(code)
    if office is None:
        raise Http404
    return office


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


@never_cache
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    form = MunicipalityForm(request.GET or None, municipalities=selectors.list_municipalities())
    chosen = ""
    found: list[Office] = []
    if form.is_valid():
        chosen = form.cleaned_data["municipality"]
        if chosen and chosen != OTHER_MUNICIPALITY:
            found = selectors.list_offices_for_municipality(chosen)
    context = {
        "form": form,
        "chosen": chosen,
        "is_other": chosen == OTHER_MUNICIPALITY,
        "found": found,
        "offices": selectors.list_public_offices(),
        "emergency": {code: guide.emergency_numbers(code) for code in ("NO", "SE")},
    }
    return render(request, "intake/start.html", context)


@never_cache
@require_GET
def office_page(request: HttpRequest, code: str) -> HttpResponse:
    office = _office_or_404(code)
    context = {
        "office": office,
        "page": selectors.get_office_page(office, language=_language()),
        "emergency": guide.emergency_numbers(office.jurisdiction),
    }
    return render(request, "intake/office.html", context)


@require_GET
def report_start(request: HttpRequest, code: str) -> HttpResponse:
    """Reserved for the report form. Until it exists, reporting means contacting the office."""
    office = _office_or_404(code)
    return redirect(reverse("intake:office", args=[office.code.lower()]) + "#contact")


@never_cache
@require_GET
def guide_page(request: HttpRequest, code: str) -> HttpResponse:
    office = _office_or_404(code)
    language = _language()
    areas = guide.list_choices(jurisdiction=office.jurisdiction, kind=TermKind.AREA, language=language)
    grounds = guide.list_choices(jurisdiction=office.jurisdiction, kind=TermKind.GROUND, language=language)
    answers = GuideAnswers.from_query(
        request.GET, areas=[a.code for a in areas], grounds=[g.code for g in grounds]
    )
    context: dict[str, object] = {
        "office": office,
        "answers": answers,
        "step": answers.step,
        "what_choices": WHAT_HAPPENED_CHOICES,
        "areas": areas,
        "grounds": grounds,
        "elsewhere": guide.ELSEWHERE,
        "unknown": guide.UNKNOWN,
    }
    base = reverse("intake:guide", args=[office.code.lower()])
    if answers.step >= 3 and answers.what is not None:
        context["back_url"] = base + "?" + urlencode({"what": answers.what.value})
    if answers.step == 4 and answers.what is not None and answers.where is not None:
        context["back_url"] = base + "?" + urlencode({"what": answers.what.value, "where": answers.where})
    if answers.step == 2:
        context["back_url"] = base
    if answers.step == 4 and answers.what and answers.where and answers.why:
        suggestion = guide.suggest(
            jurisdiction=office.jurisdiction, what=answers.what, where=answers.where, why=answers.why
        )
        context.update(
            suggestion=suggestion,
            outcome=suggestion.outcome.value,
            notes={note.value for note in suggestion.notes},
            chosen_area=next((a for a in areas if a.code == answers.where), None),
            chosen_grounds=[g for g in grounds if g.code in answers.why],
            emergency=guide.emergency_numbers(office.jurisdiction),
        )
    return render(request, "intake/guide.html", context)


@require_GET
def choose_language(request: HttpRequest) -> HttpResponse:
    """Keep the language of this address (the picker links here in each language) for later visits."""
    language = _language()
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or not target.startswith("/"):
        target = reverse("intake:start")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        # Lax, as settings.LANGUAGE_COOKIE_SAMESITE: a link from elsewhere still opens in this language.
        samesite="Lax",
    )
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 404 page: in the public layout and language for public addresses, the staff one otherwise."""
    parts = request.path_info.split("/", 3)
    is_staff = len(parts) >= 3 and parts[2] == "staff"
    template = "404.html" if is_staff else "intake/404.html"
    return render(request, template, status=404)
