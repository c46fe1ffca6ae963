"""The legal taxonomy per jurisdiction: grounds, forms, areas, tracks, and their sources; and
each office's own reporting categories ("areas of society"), mapped to the legal areas.

Rows are loaded from the versioned data files in `data/` (see loader.py), never edited by
hand. A term is a version: when the law changes, a new row with a later `valid_from` is
added and the old row gets `valid_to`; cases keep pointing at the version they used.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from likeverd.core.models import PublicModel


class TermKind(models.TextChoices):
    GROUND = "ground", _("ground")
    FORM = "form", _("form")
    AREA = "area", _("area")
    TRACK = "track", _("track")


class VerificationStatus(models.TextChoices):
    LAW = "V-LAW", _("statutory text read")
    OFFICIAL = "V-OFF", _("stated by an official body")
    SECONDARY = "V-SEC", _("secondary source only")
    PARTIAL = "PARTIAL", _("section number not confirmed")
    UNVERIFIED = "UNVERIFIED", _("not verified: a lawyer must check")


class Translated(models.Model):
    label_nb = models.CharField(max_length=200)
    label_sv = models.CharField(max_length=200)
    label_en = models.CharField(max_length=200)
    description_nb = models.TextField(blank=True)
    description_sv = models.TextField(blank=True)
    description_en = models.TextField(blank=True)

    class Meta:
        abstract = True

    def _pick(self, prefix: str) -> str:
        language = (get_language() or "en")[:2]
        language = {"no": "nb", "nn": "nb"}.get(language, language)
        value = getattr(self, f"{prefix}_{language}", None) or getattr(self, f"{prefix}_en")
        return str(value)

    @property
    def label(self) -> str:
        return self._pick("label")

    @property
    def description(self) -> str:
        return self._pick("description")


class LegalSource(models.Model):
    jurisdiction = models.CharField(max_length=2)
    key = models.CharField(max_length=60, help_text="Stable id from the data file, e.g. NO-LDL-6")
    law = models.CharField(max_length=200)
    section = models.CharField(max_length=100, blank=True)
    url = models.URLField(max_length=500, blank=True)
    status = models.CharField(max_length=12, choices=VerificationStatus.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["jurisdiction", "key"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "key"], name="legal_source_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.law} {self.section}".strip()


class Term(Translated):
    jurisdiction = models.CharField(max_length=2, db_index=True)
    kind = models.CharField(max_length=10, choices=TermKind.choices)
    code = models.CharField(max_length=60)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    sort_order = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=12, choices=VerificationStatus.choices)
    sources = models.ManyToManyField(LegalSource, blank=True, related_name="terms")

    class Meta:
        ordering = ["jurisdiction", "kind", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "kind", "code", "valid_from"], name="term_version_unique"
            )
        ]

    def __str__(self) -> str:
        return self.label


class ReportingCategory(PublicModel):
    """An office's own "area of society" for its reports, mapped to the legal areas."""

    office = models.ForeignKey(
        "accounts.Office", on_delete=models.CASCADE, related_name="reporting_categories"
    )
    code = models.SlugField(max_length=40)
    label_nb = models.CharField(_("name (Norwegian)"), max_length=120)
    label_sv = models.CharField(_("name (Swedish)"), max_length=120)
    label_en = models.CharField(_("name (English)"), max_length=120)
    areas = models.ManyToManyField(Term, blank=True, related_name="+", verbose_name=_("legal areas"))
    sort_order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        # Moved from the cases app: the table keeps its name (migrations cases 0003, taxonomy 0003).
        db_table = "cases_reportingcategory"
        ordering = ["sort_order", "code"]
        verbose_name = _("reporting category")
        verbose_name_plural = _("reporting categories")
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="category_code_per_office")]

    @property
    def label(self) -> str:
        language = (get_language() or "en")[:2]
        return str(getattr(self, f"label_{language}", None) or self.label_en)

    def __str__(self) -> str:
        return self.label
