"""The texts of an office's public page, one row per office and language.

Contact details, opening hours and the languages an office speaks live on the office itself
(accounts.Office); these rows hold what the office admin writes for the public in each language.
An empty field falls back to the office's own language on the page.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Office
from likeverd.core.models import PublicModel


class OfficePageText(PublicModel):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="page_texts")
    # One of likeverd.core.languages.PUBLIC_LANGUAGES (checked by the service that writes it).
    language = models.CharField(_("language"), max_length=8)
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Who you are and who can come to you, in a few sentences.")
    )
    offer = models.TextField(
        _("what the office offers"),
        blank=True,
        help_text=_("Advice, legal help, mediation, courses: what a person can get from you."),
    )
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=_("When you answer the phone and when people can drop in.")
    )
    directions = models.TextField(
        _("how to find us"), blank=True, help_text=_("The way in, step-free access, the nearest stop.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["office", "language"]
        verbose_name = _("office page text")
        verbose_name_plural = _("office page texts")
        constraints = [
            models.UniqueConstraint(fields=["office", "language"], name="one_page_text_per_office_language")
        ]

    def __str__(self) -> str:
        return f"{self.office} · {self.language}"


# The booking models live in their own package; importing them here registers them with the app.
from likeverd.intake.booking.models import Booking, Slot  # noqa: E402, F401
