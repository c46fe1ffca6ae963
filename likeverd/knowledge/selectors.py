"""Reads of the knowledge base: search, the articles for a sector or topic, one article, its history.

An office's staff see the network's articles and their office's own (`visible_to`), never another
office's; the public site sees public articles only. Articles hold method support, not personal
data, so reading one needs no audit row; a probe of another office's article is recorded as
refused, as every such probe is.
"""

import uuid
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.models import Office
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.knowledge.models import Article, ArticleRevision, ArticleText
from likeverd.knowledge.rendering import fold, words_in

MAX_WORDS = 8
# Which language to show when the article is not written in the reader's: Norwegian and
# Swedish readers read each other's language more easily than English.
_FALLBACKS = {"nb": ("sv", "en"), "sv": ("nb", "en")}
_DEFAULT_FALLBACKS = ("en", "nb", "sv")


def visible_to(office: Office | None) -> Q:
    """The network's articles, and `office`'s own if given; never another office's."""
    if office is None:
        return Q(office__isnull=True)
    return Q(office__isnull=True) | Q(office=office)


def _public() -> Q:
    return Q(is_public=True) & (Q(office__isnull=True) | Q(office__is_active=True))


@dataclass(frozen=True)
class ArticleView:
    """An article as one reader sees it: in their language, or the nearest one it is written in."""

    article: Article
    text: ArticleText
    language: str
    languages: tuple[str, ...]

    @property
    def is_other_language(self) -> bool:
        return self.text.language != self.language

    @property
    def public_id(self) -> uuid.UUID:
        return self.article.public_id


def language_order(language: str) -> tuple[str, ...]:
    """`language` first, then the languages to fall back to, best first."""
    rest = _FALLBACKS.get(language, _DEFAULT_FALLBACKS)
    return (language, *(code for code in rest if code != language))


def view_of(article: Article, *, language: str) -> ArticleView | None:
    """`article` (with its texts prefetched) in `language` or the nearest; None if it has no text."""
    texts = {text.language: text for text in article.texts.all()}
    if not texts:
        return None
    order = language_order(language)
    chosen = next((texts[code] for code in order if code in texts), None) or texts[sorted(texts)[0]]
    return ArticleView(article=article, text=chosen, language=language, languages=tuple(sorted(texts)))


def _articles(*, office: Office | None, public_only: bool, with_bodies: bool = False) -> QuerySet[Article]:
    """Visible articles with their language versions; lists leave the long columns in the database."""
    articles = (
        Article.objects.filter(_public()) if public_only else Article.objects.filter(visible_to(office))
    )
    texts = ArticleText.objects.order_by("language")
    if not with_bodies:
        texts = texts.defer("body", "search_text")
    return articles.select_related("office").prefetch_related(Prefetch("texts", queryset=texts))


def words_of(text: str) -> list[str]:
    """The words a search looks for: case-folded, at most MAX_WORDS, none shorter than two letters."""
    return [word for word in words_in(text) if len(word) >= 2][:MAX_WORDS]


def search_articles(
    *,
    office: Office | None,
    language: str,
    text: str = "",
    sector: str = "",
    topic: str = "",
    public_only: bool = False,
) -> list[ArticleView]:
    """Articles visible to `office` (or public ones only) whose title, summary or text in any one
    language holds every word of `text`, of `sector` (an article for every sector matches too) and
    `topic`; those with the words in their title first, then by sector and topic."""
    articles = _articles(office=office, public_only=public_only)
    if sector:
        articles = articles.filter(Q(sector=sector) | Q(sector=""))
    if topic:
        articles = articles.filter(topic=topic)
    words = words_of(text)
    if words:
        matching = ArticleText.objects.all()
        for word in words:
            matching = matching.filter(search_text__contains=word)
        articles = articles.filter(pk__in=matching.values("article_id"))
    views = [view for article in articles if (view := view_of(article, language=language)) is not None]
    if words:
        views.sort(key=lambda view: -sum(1 for word in words if word in fold(view.text.title)))
    return views


def articles_for(
    *,
    sector: str = "",
    topic: str = "",
    language: str,
    public_only: bool = True,
    office: Office | None = None,
    limit: int | None = None,
) -> list[ArticleView]:
    """The articles on `topic` and/or for `sector`, for a link from elsewhere (the assessment on a
    case page, the public guide). With public_only False, also staff-only articles: the network's
    and `office`'s own."""
    if not sector and not topic:
        return []
    views = search_articles(
        office=office, language=language, sector=sector, topic=topic, public_only=public_only
    )
    # The articles written for the sector come before the general ones.
    views.sort(key=lambda view: view.article.sector != sector)
    return views[:limit] if limit is not None else views


def articles_for_any(
    *,
    links: list[tuple[str, str]],
    language: str,
    public_only: bool = True,
    office: Office | None = None,
    limit: int | None = None,
) -> list[ArticleView]:
    """The articles written for any of `links` ((sector, topic) pairs, either may be empty; articles
    for every sector are not included), in the order of the links, each once: one query for a
    panel that links to several sectors and topics at once."""
    wanted = [(sector, topic) for sector, topic in links if sector or topic]
    if not wanted:
        return []
    condition = Q()
    for sector, topic in wanted:
        condition |= Q(**{key: value for key, value in (("sector", sector), ("topic", topic)) if value})
    articles = _articles(office=office, public_only=public_only).filter(condition)
    views = [view for article in articles if (view := view_of(article, language=language)) is not None]

    def first_link(view: ArticleView) -> int:
        return next(
            index
            for index, (sector, topic) in enumerate(wanted)
            if (not sector or view.article.sector == sector) and (not topic or view.article.topic == topic)
        )

    views.sort(key=first_link)
    return views[:limit] if limit is not None else views


def get_article(
    *, office: Office | None, public_id: uuid.UUID | str, language: str, public_only: bool = False
) -> ArticleView:
    """One article visible to `office` (or a public one); Article.DoesNotExist if there is none."""
    article = _articles(office=office, public_only=public_only, with_bodies=True).get(public_id=public_id)
    view = view_of(article, language=language)
    if view is None:
        raise Article.DoesNotExist
    return view


def get_article_for_change(*, viewer: Viewer, public_id: uuid.UUID | str) -> Article:
    """One of the viewer's office's own articles, for editing; Article.DoesNotExist for any other
    (the network's articles change only through their data file)."""
    if viewer.office is None:
        raise Article.DoesNotExist
    return Article.objects.prefetch_related("texts").get(office=viewer.office, public_id=public_id)


def refused(*, viewer: Viewer, public_id: uuid.UUID | str) -> None:
    """Record a refused probe of an article the viewer may not see, if it exists at all."""
    if Article.objects.filter(public_id=public_id).exclude(visible_to(viewer.office)).exists():
        record_event(
            actor=StaffActor.of(viewer),
            office=viewer.office,
            action=AuditAction.DENIED,
            # As cases' refused probes: named in the detail, never as the row's target.
            detail={
                "reason": "another_office",
                "target_type": "knowledge.Article",
                "target_id": str(public_id),
            },
        )


_COMPARED = ("title", "summary", "body", "sector", "topic", "is_public")


@dataclass(frozen=True)
class HistoryRow:
    """One save: the revision, and what it changed from the one before in the same language."""

    revision: ArticleRevision
    changed: tuple[str, ...]

    @property
    def is_first(self) -> bool:
        return self.revision.number == 1


def list_history(*, article: Article) -> list[HistoryRow]:
    """Every saved revision of every language version, newest first, each with what it changed."""
    revisions = list(
        ArticleRevision.objects.filter(text__article=article)
        .select_related("text")
        .order_by("text__language", "number")
    )
    rows: list[HistoryRow] = []
    previous: dict[int, ArticleRevision] = {}
    for revision in revisions:
        before = previous.get(revision.text_id)
        changed = (
            tuple(name for name in _COMPARED if getattr(before, name) != getattr(revision, name))
            if before is not None
            else ()
        )
        rows.append(HistoryRow(revision=revision, changed=changed))
        previous[revision.text_id] = revision
    rows.sort(key=lambda row: (row.revision.saved_at, row.revision.number), reverse=True)
    return rows
