"""Outreach and finances of one office. Every row belongs to an office; amounts are Decimal in
the office's currency (NOK for Norwegian offices, SEK for Swedish ones)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from likeverd.core.models import PublicModel

ZERO = Decimal("0.00")


def _money(label: StrOrPromise, *, required: bool = False) -> "models.DecimalField[Decimal, Decimal]":
    """An amount in the office's currency, never negative; zero unless `required`."""
    validators = [MinValueValidator(ZERO)]
    if required:
        return models.DecimalField(label, max_digits=12, decimal_places=2, validators=validators)
    return models.DecimalField(label, max_digits=12, decimal_places=2, default=ZERO, validators=validators)


class CourseTemplate(PublicModel):
    """A course the office offers, e.g. "How to recognise discrimination" (six hours, up to 25)."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    hours = models.DecimalField(
        _("hours"), max_digits=4, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))]
    )
    capacity = models.PositiveIntegerField(_("most participants"), validators=[MinValueValidator(1)])
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "title"], name="outreach_course_title_unique")
        ]
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class CourseSession(PublicModel):
    """One time a course was held, for a host organisation."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    template = models.ForeignKey(CourseTemplate, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField(_("date"))
    host_organisation = models.CharField(_("host organisation"), max_length=200)
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    participants = models.PositiveIntegerField(_("participants"))
    instructors = models.CharField(_("instructors"), max_length=300, blank=True)
    paid = models.BooleanField(_("paid instructor"), default=False)

    class Meta:
        indexes = [models.Index(fields=["office", "date"], name="outreach_session_office_date")]
        ordering = ["-date", "-id"]


class EventKind(models.TextChoices):
    STAND = "stand", _("Stand")
    TALK = "talk", _("Talk or lecture")
    SEMINAR = "seminar", _("Seminar or conference")
    MEETING = "meeting", _("Meeting with partners")
    OTHER = "other", _("Other")


class OutreachEvent(PublicModel):
    """An event or stand the office took part in, with how many people it reached."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices, default=EventKind.STAND)
    title = models.CharField(_("name"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    audience_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["office", "date"], name="outreach_event_office_date")]
        ordering = ["-date", "-id"]


class MediaMention(PublicModel):
    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    outlet = models.CharField(_("outlet"), max_length=200)
    title = models.CharField(_("headline"), max_length=300, blank=True)
    # Only web addresses: a javascript: or data: link would run in a colleague's browser.
    link = models.URLField(
        _("link"), max_length=500, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )

    class Meta:
        ordering = ["-date", "-id"]


class Patrol(PublicModel):
    """A volunteer patrol (e.g. testing nightclub doors); what it witnessed is registered as cases."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    venue = models.CharField(_("venue"), max_length=200)
    volunteers = models.PositiveIntegerField(_("volunteers"), validators=[MinValueValidator(1)])
    cases = models.ManyToManyField("cases.Case", related_name="+", blank=True)

    class Meta:
        ordering = ["-date", "-id"]


class Funder(PublicModel):
    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["office", "name"], name="outreach_funder_name_unique")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Grant(PublicModel):
    """A funder's grant as it counts in one year's accounts.

    The year's income from it is what was received, plus what was carried over from an earlier
    year, less what is carried on to a later year and what was repaid."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    funder = models.ForeignKey(Funder, on_delete=models.PROTECT, related_name="grants")
    year = models.PositiveSmallIntegerField(_("year"))
    granted = _money(_("granted"))
    received = _money(_("received"))
    carried_in = _money(_("carried over from an earlier year"))
    carried_in_from = models.PositiveSmallIntegerField(_("carried over from year"), null=True, blank=True)
    carried_out = _money(_("carried on to a later year"))
    carried_out_to = models.PositiveSmallIntegerField(_("carried on to year"), null=True, blank=True)
    repaid = _money(_("repaid"))
    remarks = models.CharField(_("remarks"), max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["office", "year"], name="outreach_grant_office_year")]
        ordering = ["year", "funder__name", "id"]

    def clean(self) -> None:
        errors = {}
        if self.carried_in_from is not None and self.year is not None and self.carried_in_from >= self.year:
            errors["carried_in_from"] = _("Money is carried over from an earlier year.")
        if self.carried_out_to is not None and self.year is not None and self.carried_out_to <= self.year:
            errors["carried_out_to"] = _("Money is carried on to a later year.")
        if errors:
            raise ValidationError(errors)

    @property
    def income(self) -> Decimal:
        return self.received + self.carried_in - self.carried_out - self.repaid


class ExpenseKind(models.TextChoices):
    SALARIES = "salaries", _("Salaries, social costs and shared costs")
    CONSULTANTS = "consultants", _("Hired consultants (courses and activities)")
    PARTNERS = "partners", _("Transferred to partners")
    EQUIPMENT = "equipment", _("Office equipment and IT")
    RENT = "rent", _("Rent")
    INFORMATION = "information", _("Information material")
    ADVERTISING = "advertising", _("Advertising")
    MEETINGS = "meetings", _("Meetings, seminars and travel")
    ADMINISTRATION = "administration", _("Administration")
    AUDIT = "audit", _("Auditing")
    OTHER = "other", _("Other costs")


class Expense(PublicModel):
    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=20, choices=ExpenseKind.choices)
    amount = _money(_("amount"), required=True)
    remarks = models.CharField(_("remarks"), max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["office", "year"], name="outreach_expense_office_year")]
        ordering = ["year", "kind", "id"]
