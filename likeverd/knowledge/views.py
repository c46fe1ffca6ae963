"""The knowledge base's staff screens: HTTP only. Every member of an office reads and searches the
network's articles and the office's own; its coordinators write and edit the office's own.
"""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from likeverd.accounts.models import Office
from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.core.once import posts_once
from likeverd.knowledge import selectors, services
from likeverd.knowledge.forms import ArticleForm, ArticleSearchForm
from likeverd.knowledge.models import Article
from likeverd.knowledge.rendering import render_article


def _office(viewer: Viewer) -> Office:
    if viewer.office is None:
        raise PermissionDenied(_("You do not belong to an office."))
    return viewer.office


def _language(request: HttpRequest) -> str:
    """The language asked for in the address (?language=), or the interface's."""
    asked = request.GET.get("language", "")
    return asked if asked in PUBLIC_LANGUAGES else translation.get_language() or "nb"


def _view_or_404(request: HttpRequest, viewer: Viewer, public_id: UUID) -> selectors.ArticleView:
    try:
        return selectors.get_article(office=_office(viewer), public_id=public_id, language=_language(request))
    except Article.DoesNotExist as error:
        selectors.refused(viewer=viewer, public_id=public_id)
        raise Http404 from error


@viewer_required()
@require_GET
def article_list(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    office = _office(viewer)
    form = ArticleSearchForm(request.GET)
    found = []
    if form.is_valid():
        filters = form.filters()
        found = selectors.search_articles(
            office=office,
            language=_language(request),
            text=filters["text"],
            sector=filters["sector"],
            topic=filters["topic"],
        )
    return render(
        request,
        "knowledge/article_list.html",
        {
            "form": form,
            "articles": found,
            "is_search": any(request.GET.get(name) for name in ("q", "sector", "topic")),
            "can_write": viewer.can(Permission.WRITE_KNOWLEDGE),
        },
    )


@viewer_required()
@require_GET
def article_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    view = _view_or_404(request, viewer, public_id)
    return render(
        request,
        "knowledge/article_detail.html",
        {
            "view": view,
            "body": render_article(view.text.body),
            "can_edit": view.article.office_id == viewer.office_id and viewer.can(Permission.WRITE_KNOWLEDGE),
        },
    )


@viewer_required()
@require_GET
def article_history(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    view = _view_or_404(request, viewer, public_id)
    return render(
        request,
        "knowledge/article_history.html",
        {"view": view, "history": selectors.list_history(article=view.article)},
    )


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.WRITE_KNOWLEDGE)
@posts_once
def article_create(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    form = ArticleForm(request.POST or None, initial={"language": _language(request)})
    if request.method == "POST" and form.is_valid():
        try:
            article = services.write_article(viewer=viewer, details=form.to_details())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The article is saved."))
            return redirect(_detail_url(article, form.cleaned_data["language"]))
    return render(request, "knowledge/article_form.html", {"form": form, "article": None})


def _detail_url(article: Article, language: str) -> str:
    return reverse("knowledge:article_detail", args=[article.public_id]) + f"?language={language}"


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.WRITE_KNOWLEDGE)
@posts_once
def article_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    language = _language(request)
    try:
        article = selectors.get_article_for_change(viewer=viewer, public_id=public_id)
    except Article.DoesNotExist as error:
        selectors.refused(viewer=viewer, public_id=public_id)
        raise Http404 from error
    texts = {text.language: text for text in article.texts.all()}
    text = texts.get(language)
    initial = {
        "sector": article.sector,
        "topic": article.topic,
        "is_public": article.is_public,
        "seen_revision": text.revision if text is not None else 0,
    }
    if text is not None:
        initial.update(title=text.title, summary=text.summary, body=text.body)
    form = ArticleForm(request.POST or None, initial=initial, fixed_language=language)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_article(
                viewer=viewer,
                article=article,
                details=form.to_details(),
                seen_revision=form.cleaned_data["seen_revision"],
            )
        except ValidationError as error:
            # Keep what this person typed, under the revision now saved, so that saving again
            # (after comparing in the history) goes through.
            data = request.POST.copy()
            data["seen_revision"] = str(text.revision if text is not None else 0)
            form = ArticleForm(data, initial=initial, fixed_language=language)
            form.is_valid()
            form.add_error(None, error)
        else:
            messages.success(request, _("The article is saved."))
            return redirect(_detail_url(article, language))
    reference = None if text is not None else selectors.view_of(article, language=language)
    return render(
        request,
        "knowledge/article_form.html",
        {"form": form, "article": article, "language": language, "reference": reference},
    )
