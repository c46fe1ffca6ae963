"""The knowledge base: method-support articles per sector and topic, in several languages.

An article is the network's (`office` empty: loaded from `data/articles.toml` by
`likeverd loadknowledge`) or one office's (written on screen by its coordinators). An office sees
the network's articles and its own, never another office's staff-only ones (selectors.visible_to);
the public site shows public articles only. Each language version (ArticleText) keeps its own
history: every save adds an ArticleRevision with the whole text as it then stood, who saved it and
when; revisions are only ever added.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from likeverd.core import clock
from likeverd.core.models import PublicModel


class Sector(models.TextChoices):
    # The entries of the Swedish method support against discrimination (seed 002), with
    # nightlife added for the door refusals of DiMe's cases.
    MUNICIPALITY = "municipality", _("Municipality")
    SCHOOL = "school", _("School")
    HEALTH = "health", _("Health and care")
    POLICE = "police", _("Police")
    EMPLOYER = "employer", _("Employer")
    HOUSING = "housing", _("Housing")
    NIGHTLIFE = "nightlife", _("Nightlife")


class Topic(models.TextChoices):
    EVIDENCE = "evidence", _("Securing evidence")
    ONLINE_HATE = "online_hate", _("Online hate")
    COMPLAINTS = "complaints", _("Complaints and deadlines")
    POLICE_REPORT = "police_report", _("Reporting to the police")
    PREVENTION = "prevention", _("Preventing discrimination")
    NATIONAL_MINORITIES = "national_minorities", _("National minorities")


class Article(PublicModel):
    office = models.ForeignKey(
        "accounts.Office",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("office"),
        help_text=_("Empty for the network's shared articles."),
    )
    # A stable key for the network's articles from the data file; empty for an office's own.
    code = models.SlugField(_("code"), max_length=80, blank=True)
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, blank=True, help_text=_("Empty: every sector.")
    )
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Shown on the public site; otherwise for staff only.")
    )

    class Meta:
        ordering = ["sector", "topic", "public_id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="knowledge_article_code_once"
            )
        ]
        indexes = [models.Index(fields=["sector", "topic"], name="knowledge_article_sector_topic")]

    def __str__(self) -> str:
        return self.code or str(self.public_id)


class ArticleText(PublicModel):
    """The article in one language: the current title, summary and body."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("text"))
    # Title, summary and body, case-folded: one column that words are looked up in, alike on
    # SQLite and PostgreSQL (docs/adr/0013-knowledge-search.md).
    search_text = models.TextField(editable=False, default="")
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(fields=["article", "language"], name="knowledge_text_one_per_language")
        ]

    def __str__(self) -> str:
        return self.title


class ArticleRevision(models.Model):
    """One save of a language version: its content then, and who saved it when (added, never changed)."""

    text = models.ForeignKey(ArticleText, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=500, blank=True)
    body = models.TextField()
    sector = models.CharField(max_length=20, blank=True)
    topic = models.CharField(max_length=30)
    is_public = models.BooleanField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_label = models.CharField(max_length=150)
    saved_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["text", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["text", "number"], name="knowledge_revision_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.text} #{self.number}"
