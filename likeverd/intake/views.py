"""The public pages: the network start page, an office's page, the "Is this discrimination?"
guide, the report form with its confirmation, and the language picker. HTTP only: reads come
from selectors and guide.py, writes go through services.

Every page works without JavaScript and without cookies (the language picker sets one, for the
visitor's choice of language). Nothing is cached by the browser: a shared phone keeps no copy.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from likeverd.accounts.models import Office
from likeverd.cases.models import Case
from likeverd.core import once
from likeverd.core.once import posts_once
from likeverd.core.proxy import client_address
from likeverd.intake import guide, receipts, selectors, services
from likeverd.intake.booking.selectors import report_reference
from likeverd.intake.evidence import EvidenceRefused, clean_upload
from likeverd.intake.forms import (
    OTHER_MUNICIPALITY,
    WHAT_HAPPENED_CHOICES,
    GuideAnswers,
    MunicipalityForm,
    ReportForm,
)
from likeverd.intake.models import ReportConfirmation
from likeverd.taxonomy.models import TermKind
from likeverd.taxonomy.selectors import list_terms


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


@never_cache
@require_http_methods(["GET", "POST"])
@posts_once
def report_start(request: HttpRequest, code: str) -> HttpResponse:
    """The report form. A report that is accepted is committed before the browser is sent on to
    its confirmation page; anything refused is shown again with every answer kept (files
    excepted: a browser cannot be given them back)."""
    office = _office_or_404(code)
    language = _language()
    grounds = guide.list_choices(jurisdiction=office.jurisdiction, kind=TermKind.GROUND, language=language)
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES, grounds=grounds, language=language)
        if form.is_valid():
            address = client_address(request)
            try:
                services.refuse_if_limited(address)  # reads only: an early answer before the work
                evidence = _clean_evidence(form)
                return _submit(request, office, form, evidence, language, address)
            except services.RateLimitedError:  # nothing was stored
                form.add_error(None, RATE_LIMITED_MESSAGE)
                status = 429
            except EvidenceRefused as refused:
                form.add_error("evidence", refused.reason)
            except ValidationError as error:  # a service's refusal: nothing was stored
                form.add_error(None, error)
    else:
        form = ReportForm(grounds=grounds, language=language)
    context = {
        "office": office,
        "form": form,
        "municipalities": selectors.list_municipalities(),
        "files_dropped": bool(request.FILES) and form.is_bound,
        "emergency": guide.emergency_numbers(office.jurisdiction),
    }
    return render(request, "intake/report.html", context, status=status)


RATE_LIMITED_MESSAGE = _(
    "Many reports have been sent from your internet connection in the last hour, so we cannot take "
    "another one just now. Nothing you wrote is lost: wait an hour and send it again, or call the office."
)


def _clean_evidence(form: ReportForm) -> list[services.Evidence]:
    """Each file cleaned of its metadata (intake.evidence), before any database write."""
    cleaned = []
    for upload in form.cleaned_data["evidence"]:
        try:
            result = clean_upload(upload)
        except EvidenceRefused as refused:
            raise EvidenceRefused(f"{upload.name}: {refused.reason}") from None
        cleaned.append(
            services.Evidence(name=result.name, content_type=result.content_type, data=result.data)
        )
    return cleaned


def _submit(
    request: HttpRequest,
    office: Office,
    form: ReportForm,
    evidence: list[services.Evidence],
    language: str,
    address: str,
) -> HttpResponse:
    # The chosen grounds are stored by reference: their legal sources are not needed here.
    terms = list(list_terms(jurisdiction=office.jurisdiction, kind=TermKind.GROUND).prefetch_related(None))
    with translation.override(selectors.office_language(office)):
        inbox_url = request.build_absolute_uri(reverse("cases:dashboard"))
    # The receipt's slow Argon2id hash runs first, outside any transaction (ADR 0010).
    receipt = receipts.prepare_receipt()
    # One transaction: the count against the address's limit, the case with its receipt and the
    # code for the confirmation page, the office's e-mail, and this form's once-token result.
    sent = services.accept_report(
        office=office,
        report=form.to_report(terms=terms, form_language=language),
        address=address,
        receipt=receipt,
        sent_url=_sent_url,
        claim=once.claim_of(request),
        evidence=evidence,
        inbox_url=inbox_url,
    )
    # Only now, with everything committed, is the person told that the report arrived.
    return redirect(sent)


def _sent_url(case: Case, confirmation: ReportConfirmation) -> str:
    """The confirmation page; it offers booking a time, and the signed reference files it on this case."""
    sent = reverse("intake:report-sent", kwargs={"code": case.office.code.lower(), "key": confirmation.key})
    return sent + "?" + urlencode({"booking": report_reference(case)})


@never_cache
@require_GET
def report_sent(request: HttpRequest, code: str, key: str) -> HttpResponse:
    """The confirmation: shown only for a committed report; its receipt code is shown once."""
    office = _office_or_404(code)
    found, receipt_code = services.confirmation_for(office=office, key=key)
    if not found:
        raise Http404
    context = {
        "office": office,
        "receipt_code": receipt_code,
        "report_reference": request.GET.get("booking", ""),
    }
    return render(request, "intake/report_sent.html", context)


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
