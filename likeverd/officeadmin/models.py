"""The office's own words in its annual report: an introduction and reflections per year and
language, written by the coordinator or the office administrator (the figures come from
`likeverd.statistics`, which never writes, so the texts live here)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from likeverd.core.models import PublicModel

# The languages a report is written in: the staff languages (settings.STAFF_LANGUAGES).
REPORT_LANGUAGES: tuple[tuple[str, StrOrPromise], ...] = (
    ("nb", _("Norwegian Bokmål")),
    ("sv", _("Swedish")),
    ("en", _("English")),
)


class ReportText(PublicModel):
    """The introduction and reflections of one office's report for one year, in one language."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    language = models.CharField(_("language"), max_length=8, choices=REPORT_LANGUAGES)
    introduction = models.TextField(_("introduction"), blank=True)
    reflections = models.TextField(_("experiences and reflections"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "language"], name="officeadmin_report_text_once"
            )
        ]
        ordering = ["-year", "language"]
        verbose_name = _("report text")
        verbose_name_plural = _("report texts")

    def __str__(self) -> str:
        return f"{self.year} ({self.language})"
