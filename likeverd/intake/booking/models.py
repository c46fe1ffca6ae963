"""Booking: the times an office offers for a call-back or a meeting, and the bookings of them.

A slot is booked at most once at a time: a partial unique index on the live booking of a slot
(docs/adr/0015-one-live-booking-per-slot.md) lets the database, not the application, decide
between two people who press "Book" at the same moment, on SQLite and PostgreSQL alike. A
cancelled booking leaves the index, so the slot can be booked again.

What the person gives (a name or nickname, phone, e-mail) is encrypted at rest; the language
and whether an interpreter is needed are kept plain, as on a case's party, so the office can
plan interpreters. The link that lets the person cancel holds a random token; only its SHA-256
is stored.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Office
from likeverd.cases.models import Case
from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class SlotKind(models.TextChoices):
    CALL_BACK = "call_back", _("Call-back")
    MEETING = "meeting", _("Meeting")


class Slot(PublicModel):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="booking_slots")
    kind = models.CharField(_("kind"), max_length=16, choices=SlotKind.choices)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    is_withdrawn = models.BooleanField(_("withdrawn"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        app_label = "intake"
        ordering = ["starts_at", "kind"]
        verbose_name = _("booking slot")
        verbose_name_plural = _("booking slots")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="slot_ends_after_it_starts"),
            models.UniqueConstraint(
                fields=["office", "kind", "starts_at"], name="one_slot_per_office_kind_time"
            ),
        ]
        indexes = [models.Index(fields=["office", "starts_at"], name="slot_office_time")]

    def __str__(self) -> str:
        return f"{self.office.code} {self.kind} {self.starts_at:%Y-%m-%d %H:%M}"


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")


class CancelledBy(models.TextChoices):
    PERSON = "person", _("the person")
    STAFF = "staff", _("the office")


class Booking(PublicModel):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="bookings")
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="bookings")
    # The report the person made just before, if they booked from its confirmation page.
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="bookings")
    name = EncryptedTextField(_("name or nickname"), purpose="intake.Booking.name")
    phone = EncryptedTextField(_("phone"), purpose="intake.Booking.phone")
    email = EncryptedTextField(_("e-mail"), purpose="intake.Booking.email")
    language = models.CharField(_("language"), max_length=12)
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.CharField(max_length=16, choices=CancelledBy.choices, blank=True)
    # SHA-256 of the token in the person's link (the token itself is never stored).
    token_hash = models.CharField(max_length=64, unique=True)
    # The iCalendar SEQUENCE of the last invitation or cancellation sent.
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "intake"
        ordering = ["slot__starts_at"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.UniqueConstraint(
                fields=["slot"], condition=Q(status="booked"), name="one_live_booking_per_slot"
            ),
        ]

    def __str__(self) -> str:
        return f"booking {self.public_id}"

    @property
    def is_live(self) -> bool:
        return self.status == BookingStatus.BOOKED
