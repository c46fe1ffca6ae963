"""Every write to the knowledge base: an office's coordinators write and edit their office's
articles; the network's articles come from `data/articles.toml` (`likeverd loadknowledge`).
Each write is atomic, adds a revision to the language version it saved (who, when, the whole
text), and records its audit event in the same transaction.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from likeverd.accounts.actors import Actor, StaffActor, SystemActor
from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.core import clock
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.knowledge.datafile import NetworkArticle, load_articles
from likeverd.knowledge.models import Article, ArticleRevision, ArticleText, Sector, Topic
from likeverd.knowledge.rendering import index_text

MAX_BODY_LENGTH = 50_000


@dataclass(frozen=True)
class ArticleDetails:
    """What a coordinator fills in: the article's place in the base, and its text in one language."""

    language: str
    title: str
    body: str
    topic: str
    summary: str = ""
    sector: str = ""
    is_public: bool = False


def _coordinator(viewer: Viewer) -> Office:
    if viewer.office is None or not viewer.can(Permission.WRITE_KNOWLEDGE):
        raise PermissionDenied(_("Only the office's coordinators write articles for the knowledge base."))
    return viewer.office


def _validate(details: ArticleDetails) -> None:
    if details.language not in PUBLIC_LANGUAGES:
        raise ValidationError(_("Choose one of the languages of the site."))
    if details.sector and details.sector not in Sector.values:
        raise ValidationError(_("Choose a sector from the list."))
    if details.topic not in Topic.values:
        raise ValidationError(_("Choose a topic from the list."))
    if not details.title.strip() or not details.body.strip():
        raise ValidationError(_("An article needs a title and a text."))
    if len(details.body) > MAX_BODY_LENGTH:
        raise ValidationError(_("The text is too long: at most 50,000 characters."))


def _save_text(
    *, article: Article, details: ArticleDetails, author: User | None, author_label: str
) -> tuple[ArticleText, list[str]]:
    """Write the language version and its revision; returns it and the names of what changed."""
    text = ArticleText.objects.select_for_update().filter(article=article, language=details.language).first()
    now = clock.now()
    content = {
        "title": details.title.strip(),
        "summary": details.summary.strip(),
        "body": details.body.strip(),
    }
    if text is None:
        text = ArticleText(article=article, language=details.language, revision=0, created_at=now)
        changed = ["language", *content]
    else:
        changed = [name for name, value in content.items() if getattr(text, name) != value]
    for name, value in content.items():
        setattr(text, name, value)
    text.search_text = index_text(*content.values())
    text.revision += 1
    text.updated_at = now
    text.save()
    ArticleRevision.objects.create(
        text=text,
        number=text.revision,
        title=text.title,
        summary=text.summary,
        body=text.body,
        sector=article.sector,
        topic=article.topic,
        is_public=article.is_public,
        author=author,
        author_label=author_label[:150],
        saved_at=now,
    )
    return text, changed


def write_article(*, viewer: Viewer, details: ArticleDetails) -> Article:
    """A new article of the viewer's office, in one language (others are added by editing)."""
    office = _coordinator(viewer)
    _validate(details)
    actor = StaffActor.of(viewer)
    with transaction.atomic():
        article = Article.objects.create(
            office=office, sector=details.sector, topic=details.topic, is_public=details.is_public
        )
        text, _ = _save_text(article=article, details=details, author=viewer.user, author_label=actor.label)
        record_event(
            actor=actor,
            office=office,
            action=AuditAction.CREATE,
            target=article,
            detail={"kind": "knowledge_article", "language": text.language, "revision": text.revision},
        )
    return article


def edit_article(*, viewer: Viewer, article: Article, details: ArticleDetails, seen_revision: int) -> Article:
    """Save the article's place in the base and its text in `details.language` (a new language
    version if it has none yet). `seen_revision` is the revision of that text the editor started
    from (0 for a new one): if someone saved it since, nothing is written and the editor is told."""
    office = _coordinator(viewer)
    if article.office_id != office.pk:
        raise PermissionDenied(_("Only the office's own articles can be changed here."))
    _validate(details)
    actor = StaffActor.of(viewer)
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        current = ArticleText.objects.filter(article=locked, language=details.language).first()
        if (current.revision if current is not None else 0) != seen_revision:
            raise ValidationError(
                _(
                    "Someone else saved this article while you were editing it. Your text is kept below: "
                    "compare it with theirs in the history before you save again."
                )
            )
        before = {"sector": locked.sector, "topic": locked.topic, "is_public": locked.is_public}
        locked.sector, locked.topic, locked.is_public = details.sector, details.topic, details.is_public
        locked.updated_at = clock.now()
        locked.save(update_fields=["sector", "topic", "is_public", "updated_at"])
        text, changed = _save_text(
            article=locked, details=details, author=viewer.user, author_label=actor.label
        )
        changed += [name for name, value in before.items() if getattr(locked, name) != value]
        record_event(
            actor=actor,
            office=office,
            action=AuditAction.CHANGE,
            target=locked,
            detail={
                "kind": "knowledge_article",
                "language": text.language,
                "revision": text.revision,
                "fields": changed,
            },
        )
    return locked


def load_network_articles(*, actor: Actor | None = None) -> dict[str, int]:
    """Bring the network's articles in line with `data/articles.toml`: new ones are created, changed
    texts get a revision, unchanged ones are left alone (loading twice changes nothing)."""
    who = actor or SystemActor("the knowledge base data file")
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    with transaction.atomic():
        for entry in load_articles():
            counts[_load_one(entry, actor=who)] += 1
        record_event(
            actor=who, office=None, action=AuditAction.CHANGE, detail={"kind": "knowledge_load", **counts}
        )
    return counts


def _load_one(entry: NetworkArticle, *, actor: Actor) -> str:
    article, created = Article.objects.get_or_create(
        code=entry.code,
        defaults={"office": None, "sector": entry.sector, "topic": entry.topic, "is_public": entry.is_public},
    )
    if article.office_id is not None:
        raise ValidationError(f"article {entry.code} belongs to an office, not the network")
    placed = (article.sector, article.topic, article.is_public) == (
        entry.sector,
        entry.topic,
        entry.is_public,
    )
    if not placed:
        article.sector, article.topic, article.is_public = entry.sector, entry.topic, entry.is_public
        article.save(update_fields=["sector", "topic", "is_public"])
    existing = {text.language: text for text in article.texts.all()}
    touched = not placed
    for language, content in entry.texts.items():
        text = existing.get(language)
        same = text is not None and (text.title, text.summary, text.body) == (
            content.title.strip(),
            content.summary.strip(),
            content.body.strip(),
        )
        if same and placed:
            continue
        details = ArticleDetails(
            language=language,
            title=content.title,
            summary=content.summary,
            body=content.body,
            topic=entry.topic,
            sector=entry.sector,
            is_public=entry.is_public,
        )
        _save_text(article=article, details=details, author=None, author_label=actor.label)
        touched = True
    if created:
        return "created"
    return "updated" if touched else "unchanged"
