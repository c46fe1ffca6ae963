"""The people of a case: the person, reporters, representatives, counterparts and witnesses."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.cases.models.case import Case
from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class PartyRole(models.TextChoices):
    PERSON = "person", _("The person it happened to")
    REPORTER = "reporter", _("Reported on their behalf")
    REPRESENTATIVE = "representative", _("Representative")
    COUNTERPART = "counterpart", _("Counterpart")
    WITNESS = "witness", _("Witness")


class CounterpartKind(models.TextChoices):
    PRIVATE_PERSON = "private_person", _("Private person")
    EMPLOYER = "employer", _("Employer")
    BUSINESS = "business", _("Business")
    NIGHTLIFE = "nightlife", _("Nightlife venue")
    LANDLORD = "landlord", _("Landlord or housing association")
    SCHOOL = "school", _("School")
    PUBLIC_BODY = "public_body", _("Public body")
    WELFARE = "welfare", _("Welfare office")
    HEALTH = "health", _("Health service")
    POLICE = "police", _("Police")
    OTHER = "other", _("Other")


class Party(PublicModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=16, choices=PartyRole.choices)
    counterpart_kind = models.CharField(
        _("kind of counterpart"), max_length=16, choices=CounterpartKind.choices, blank=True
    )
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    name = EncryptedTextField(_("name"), purpose="cases.Party.name")
    phone = EncryptedTextField(_("phone"), purpose="cases.Party.phone")
    email = EncryptedTextField(_("e-mail"), purpose="cases.Party.email")
    notes = EncryptedTextField(_("notes"), purpose="cases.Party.notes")
    # Keyed hash of the normalised name, per office: finds the same name in other cases
    # (conflict of interest) without storing the name in clear.
    name_key = models.BigIntegerField(null=True, blank=True)
    represents = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="representatives",
        verbose_name=_("represents"),
    )
    safe_to_call = models.BooleanField(_("safe to call"), default=False)
    safe_voicemail = models.BooleanField(_("safe to leave a voicemail"), default=False)
    safe_email = models.BooleanField(_("safe to e-mail"), default=False)
    language = models.CharField(_("language"), max_length=12, blank=True)
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        indexes = [
            # The conflict-of-interest lookup: this name key in this role, in other cases.
            models.Index(fields=["name_key", "role"], name="party_name_key_role")
        ]

    def __str__(self) -> str:
        return self.get_role_display()

    @property
    def display_name(self) -> str:
        if self.is_anonymous or not self.name:
            return str(_("Anonymous"))
        return str(self.name)
