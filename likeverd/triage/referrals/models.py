"""A referral: where to (a directory service or an authority), its status, the person's consent
(who gave it, when, how) and exactly what was shared."""

import json

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class ReferralStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    # No consent to share anything: the person was told how to contact the service themselves.
    ADVISED = "advised", _("Advised to contact them themselves")
    MADE = "made", _("Made")
    ACCEPTED = "accepted", _("Accepted")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined by the receiver")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ConsentMethod(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("By phone")
    WRITING = "writing", _("In writing")


class SharedField(models.TextChoices):
    """What may be passed on about the person; the adviser ticks what the person agreed to."""

    NAME = "name", _("Name")
    PHONE = "phone", _("Phone number")
    EMAIL = "email", _("E-mail address")
    LANGUAGE = "language", _("Language and need for an interpreter")
    PROBLEM = "problem", _("The problem the referral is about")
    SUMMARY = "summary", _("A summary of what happened")
    CASE_DOCUMENTS = "documents", _("Documents of the case")


class Referral(PublicModel):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="referrals")
    # To a service of the directory (the network's or the office's own) ...
    service = models.ForeignKey(
        "directory.Service",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("service"),
    )
    # ... or to an authority named by the triage data's other actors (LDO, POLITIET, DO, ...).
    authority = models.CharField(_("authority"), max_length=60, blank=True)
    # The other problem it answers (an OtherProblem / directory Need code), encrypted: "violence
    # at home" or "no papers" is itself sensitive.
    need = EncryptedTextField(_("problem"), purpose="triage.Referral.need")
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.SUGGESTED
    )
    # The person's consent to share: who gave it (the person, or a guardian: a name, encrypted),
    # when and how, and who recorded it. A referral is "made" only with it.
    consent_given_by = EncryptedTextField(_("consent given by"), purpose="triage.Referral.consent_given_by")
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_method = models.CharField(
        _("how consent was given"), max_length=12, choices=ConsentMethod.choices, blank=True
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # SharedField codes as JSON (codes only); the text as sent, encrypted.
    shared_fields = models.JSONField(_("what was shared"), default=list, blank=True)
    shared_text = EncryptedTextField(_("the text shared"), purpose="triage.Referral.shared_text")
    note = EncryptedTextField(_("note"), purpose="triage.Referral.note")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["case", "-created_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        constraints = [
            models.CheckConstraint(
                condition=(Q(service__isnull=False) & Q(authority=""))
                | (Q(service__isnull=True) & ~Q(authority="")),
                name="triage_referral_one_receiver",
            ),
            # Nothing is shared without recorded consent: the database holds the rule too.
            models.CheckConstraint(
                condition=Q(shared_fields=[]) | Q(consent_given_at__isnull=False),
                name="triage_referral_shared_needs_consent",
            ),
        ]

    def __str__(self) -> str:
        return str(self.public_id)

    @property
    def has_consent(self) -> bool:
        return self.consent_given_at is not None

    @property
    def shared(self) -> list[str]:
        """The shared fields' codes, in the order of SharedField."""
        stored = (
            self.shared_fields
            if isinstance(self.shared_fields, list)
            else json.loads(self.shared_fields or "[]")
        )
        return [code for code in SharedField.values if code in stored]
