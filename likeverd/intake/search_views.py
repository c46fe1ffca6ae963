"""The public help directory and knowledge base: HTTP only, GET forms that work without
JavaScript. The directory shows the network's services, and on an office's own address also that
office's entries (directory.selectors.visible_to); the knowledge base shows public articles only.
"""

from dataclasses import dataclass
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from likeverd.accounts.models import Office
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.directory import selectors as directory
from likeverd.directory.models import Service
from likeverd.intake import guide, selectors
from likeverd.intake.forms import COUNTRY_GROUPS
from likeverd.intake.search_forms import (
    NEED_LABELS,
    SECTOR_LABELS,
    TOPIC_LABELS,
    HelpSearchForm,
    KnowledgeSearchForm,
    Place,
)
from likeverd.intake.templatetags.intake_tags import language_name
from likeverd.knowledge import selectors as knowledge
from likeverd.knowledge.models import Article
from likeverd.knowledge.rendering import render_article


def _language() -> str:
    return translation.get_language() or "nb"


@dataclass(frozen=True)
class ServiceRow:
    service: Service
    written_in: str
    needs: list[str]


def _written_in(service: Service) -> str:
    """The language a service's texts are written in: its country's (the directory's rows are)."""
    countries = {area.country for area in service.service_areas.all()}
    return "sv" if countries == {"SE"} else "nb" if "NO" in countries else ""


def _help(request: HttpRequest, office: Office | None) -> HttpResponse:
    places = [
        Place(country=country, name=name)
        for country in ("NO", "SE")
        for name in directory.list_places(office=office, country=country)
    ]
    form = HelpSearchForm(
        request.GET or None,
        needs=[need.code for need in directory.list_needs()],
        places=places,
        language_names={code: language_name(code) for code in PUBLIC_LANGUAGES},
    )
    found: list[Service] = []
    if form.is_bound and form.is_valid():
        found = list(directory.search_services(office=office, **form.filters()))
    countries = (office.jurisdiction,) if office is not None else ("NO", "SE")
    return render(
        request,
        "intake/help.html",
        {
            "office": office,
            "form": form,
            "services": [
                ServiceRow(
                    service=service,
                    written_in=_written_in(service),
                    needs=[str(NEED_LABELS.get(need.code, need.label)) for need in service.needs.all()],
                )
                for service in found
            ],
            "is_search": form.is_bound,
            "emergency": [(COUNTRY_GROUPS[code], guide.emergency_numbers(code)) for code in countries],
        },
    )


@never_cache
@require_GET
def help_directory(request: HttpRequest) -> HttpResponse:
    return _help(request, None)


@never_cache
@require_GET
def office_help_directory(request: HttpRequest, code: str) -> HttpResponse:
    office = selectors.get_public_office(code)
    if office is None:
        raise Http404
    return _help(request, office)


@never_cache
@require_GET
def knowledge_list(request: HttpRequest) -> HttpResponse:
    form = KnowledgeSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    articles = knowledge.search_articles(
        office=None,
        language=_language(),
        text=filters.get("q", ""),
        sector=filters.get("sector", ""),
        topic=filters.get("topic", ""),
        public_only=True,
    )
    return render(
        request,
        "intake/knowledge_list.html",
        {
            "form": form,
            "articles": articles,
            "is_search": bool(filters and any(filters.values())),
            "sector_labels": SECTOR_LABELS,
            "topic_labels": TOPIC_LABELS,
        },
    )


@never_cache
@require_GET
def knowledge_article(request: HttpRequest, public_id: UUID) -> HttpResponse:
    try:
        view = knowledge.get_article(office=None, public_id=public_id, language=_language(), public_only=True)
    except Article.DoesNotExist as error:
        raise Http404 from error
    return render(
        request,
        "intake/knowledge_article.html",
        {
            "view": view,
            "body": render_article(view.text.body),
            "sector_label": SECTOR_LABELS.get(view.article.sector, ""),
            "topic_label": TOPIC_LABELS.get(view.article.topic, ""),
            "other_languages": [code for code in view.languages if code != view.text.language],
        },
    )
