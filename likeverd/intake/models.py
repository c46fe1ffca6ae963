"""The texts of an office's public page, one row per office and language.

Contact details, opening hours and the languages an office speaks live on the office itself
(accounts.Office); these rows hold what the office admin writes for the public in each language.
An empty field falls back to the office's own language on the page.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Office
from likeverd.cases.models import Case, Document
from likeverd.core import clock
from likeverd.core.fields import EncryptedTextField
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


class ReporterKind(models.TextChoices):
    """Who fills in the public report form."""

    MYSELF = "myself", _("It happened to me")
    SOMEONE_I_KNOW = "someone_i_know", _("It happened to someone I know")
    WITNESS = "witness", _("I saw it happen")
    PATROL = "patrol", _("I am a volunteer on patrol")
    ORGANISATION = "organisation", _("I report for an organisation")


class WebReport(PublicModel):
    """What a report from the public form says that the case has no place for.

    Everything else (what happened, when, where, the grounds, the counterpart, the person and how
    to reach them, the evidence) is on the case, its parties and its documents. The consent is
    kept as the moment it was given and the version of the words the person agreed to.
    """

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="web_report")
    reporter_kind = models.CharField(
        _("who reported"), max_length=16, choices=ReporterKind.choices, blank=True
    )
    # The language of the form the person filled in (one of PUBLIC_LANGUAGES).
    form_language = models.CharField(_("language of the form"), max_length=8)
    best_time = EncryptedTextField(_("best time to reach them"), purpose="intake.WebReport.best_time")
    consent_given_at = models.DateTimeField(_("consent given"))
    consent_version = models.CharField(_("version of the consent text"), max_length=16)

    class Meta:
        verbose_name = _("report from the public form")
        verbose_name_plural = _("reports from the public form")

    def __str__(self) -> str:
        return f"web report · {self.case_id}"


class SubmissionCount(models.Model):
    """How many reports one address has sent in the current window, to limit abuse.

    `key` is a keyed hash (HMAC) of the address and the window: the address itself is never
    stored, and a row is useless once its window has passed (it is deleted then).
    """

    key = models.CharField(max_length=64, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.count} until {self.expires_at:%H:%M}"


class ReportConfirmation(PublicModel):
    """The confirmation page of one report, for a short while after it was sent.

    Its address carries `key`, a random value; the row names no case. It holds the receipt code
    (encrypted) until the page has shown it once. After `expires_at` the page is not found, and
    `likeverd housekeeping` deletes the row, with a code never shown.
    """

    key = models.CharField(max_length=64, unique=True)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="+")
    receipt_code = EncryptedTextField(purpose="intake.ReportConfirmation.receipt_code")
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"confirmation · {self.office_id}"


# --- receipt codes (docs/adr/0010-receipt-codes.md) -------------------------------------------


class Receipt(PublicModel):
    """How a report's receipt code finds its case, without storing the code.

    The code's first LOCATOR_DIGITS digits are a random locator (unique: one index lookup finds
    the row, and they say nothing about the person); the other digits are the secret, stored
    only as an Argon2id hash (the PHC string holds salt and parameters). Failed attempts at this
    report are counted here, for the per-report throttle.
    """

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="receipt")
    locator = models.CharField(max_length=8, unique=True)
    secret_hash = models.CharField(max_length=200)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("receipt code")
        verbose_name_plural = _("receipt codes")

    def __str__(self) -> str:
        return f"receipt of {self.case_id}"


class ReceiptAddressThrottle(models.Model):
    """Wrong receipt codes from one address. `address_key` is a keyed hash of the address
    (likeverd.core.crypto.keyed_hash): the address itself is never stored."""

    address_key = models.BigIntegerField(unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(default=clock.now)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("receipt code throttle")
        verbose_name_plural = _("receipt code throttles")

    def __str__(self) -> str:
        return f"{self.failures} wrong codes"


# --- messages between the reporter and the office ---------------------------------------------


class MessageDirection(models.TextChoices):
    FROM_REPORTER = "from_reporter", _("From the reporter")
    TO_REPORTER = "to_reporter", _("To the reporter")


class ReporterMessage(PublicModel):
    """One message of the conversation between the person who reported (with their receipt
    code) and the office's staff. The text is encrypted; a file the reporter sent is a case
    document (cleaned of its metadata first)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reporter_messages")
    direction = models.CharField(max_length=16, choices=MessageDirection.choices)
    body = EncryptedTextField(_("message"), purpose="intake.ReporterMessage.body")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="reporter_messages"
    )
    # When the other side first read it: staff open the case page, the reporter opens their page.
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["case", "created_at"], name="reporter_message_case_time")]
        verbose_name = _("message with the reporter")
        verbose_name_plural = _("messages with the reporter")

    def __str__(self) -> str:
        return f"{self.get_direction_display()} · {self.case_id}"


# The booking models live in their own package; importing them here registers them with the app.
from likeverd.intake.booking.models import Booking, Slot  # noqa: E402, F401
