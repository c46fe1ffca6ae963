"""The mediation bench (Meglingsbenken): a case sent to the bench, the parties' consent, the
preparatory talks, the meetings, the outcome and the follow-up.

A referral (BenchReferral) belongs to one case and one office; a case has at most one open
referral. Everything a party or the mediator tells is encrypted at rest; codes, dates and
times are not, so the bench's figures can be counted without opening anything.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class Stage(models.TextChoices):
    """Where the case stands at the bench, in order (ADR 0011)."""

    REFERRED = "referred", _("Referred")
    PREPARING = "preparing", _("Preparing")
    MEETING = "meeting", _("Meeting")
    OUTCOME = "outcome", _("Outcome recorded")
    FOLLOW_UP = "follow_up", _("Follow-up")
    RETURNED = "returned", _("Returned to the adviser")
    CLOSED = "closed", _("Closed")


# Stages in which the bench still works on the case (writes are refused in the others).
OPEN_STAGES = (Stage.REFERRED, Stage.PREPARING, Stage.MEETING, Stage.OUTCOME, Stage.FOLLOW_UP)


class BenchKind(models.TextChoices):
    """What the conflict is: a discrimination claim, or a conflict the bench takes without one."""

    DISCRIMINATION = "discrimination", _("Conflict over discrimination or racism")
    NEIGHBOURS = "neighbours", _("Neighbour conflict in a housing co-operative")
    TICKET_OR_POLICE_CHECK = "ticket_police", _("Complaint after a ticket or police check")
    OTHER_CONFLICT = "other_conflict", _("Other conflict without a discrimination claim")


class BenchOutcome(models.TextChoices):
    AGREEMENT = "agreement", _("Agreement")
    RESOLVED_IN_PREPARATION = "resolved_in_preparation", _("Resolved during preparation")
    NO_AGREEMENT = "no_agreement", _("No agreement")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    NOT_SUITABLE = "not_suitable", _("Not suitable for mediation")


class Side(models.TextChoices):
    PERSON = "person", _("The person who sought help")
    COUNTERPART = "counterpart", _("The counterpart")


class ConsentManner(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("By phone")
    WRITING = "writing", _("In writing")
    EMAIL = "email", _("By e-mail")
    REPRESENTATIVE = "representative", _("Through a representative")


class PlaceKind(models.TextChoices):
    OFFICE = "office", _("The office")
    NEUTRAL = "neutral", _("A neutral place")
    PARTY_PREMISES = "party_premises", _("One party's premises")


class BenchReferral(PublicModel):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="bench_referrals")
    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind of conflict"), max_length=20, choices=BenchKind.choices)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.REFERRED)
    reasons = EncryptedTextField(_("the adviser's reasons"), purpose="mediation.BenchReferral.reasons")
    # The gate (ADR 0011): why the sorting conversation or assessment is not needed, when it is not.
    facts_waiver = EncryptedTextField(
        _("why the sorting or assessment is not needed"), purpose="mediation.BenchReferral.facts_waiver"
    )
    routes_told_on = models.DateField(_("told of the legal routes and deadlines on"), null=True, blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    referred_at = models.DateTimeField(_("referred"))
    mediator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bench_referrals",
        verbose_name=_("mediator"),
    )
    counterpart_name = EncryptedTextField(
        _("counterpart"), purpose="mediation.BenchReferral.counterpart_name"
    )
    counterpart_contact = EncryptedTextField(
        _("counterpart's contact details"), purpose="mediation.BenchReferral.counterpart_contact"
    )
    counterpart_representative = EncryptedTextField(
        _("counterpart's representative"), purpose="mediation.BenchReferral.counterpart_representative"
    )
    interpreter_needs = EncryptedTextField(
        _("interpreter needs"), purpose="mediation.BenchReferral.interpreter_needs"
    )
    outcome = models.CharField(_("outcome"), max_length=24, choices=BenchOutcome.choices, blank=True)
    outcome_at = models.DateTimeField(_("outcome recorded"), null=True, blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    followed_up_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    agreement_holds = models.BooleanField(_("the agreement holds"), null=True, blank=True)
    returned_at = models.DateTimeField(_("returned to the adviser"), null=True, blank=True)

    class Meta:
        ordering = ["-referred_at", "-id"]
        verbose_name = _("referral to the mediation bench")
        verbose_name_plural = _("referrals to the mediation bench")
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(stage__in=["referred", "preparing", "meeting", "outcome", "follow_up"]),
                name="one_open_referral_per_case",
            ),
            models.CheckConstraint(
                condition=models.Q(stage__in=["referred", "preparing", "meeting"]) | ~models.Q(outcome=""),
                name="bench_outcome_after_meeting",
            ),
        ]
        indexes = [models.Index(fields=["office", "stage"], name="bench_office_stage")]

    def __str__(self) -> str:
        return str(self.public_id)

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


class Consent(PublicModel):
    """One party's consent to mediation: when and how it was given, and its withdrawal."""

    referral = models.ForeignKey(BenchReferral, on_delete=models.CASCADE, related_name="consents")
    side = models.CharField(_("party"), max_length=12, choices=Side.choices)
    given_on = models.DateField(_("given on"))
    manner = models.CharField(_("how it was given"), max_length=16, choices=ConsentManner.choices)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["referral", "side", "given_on", "id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["referral", "side"],
                condition=models.Q(withdrawn_on__isnull=True),
                name="one_live_consent_per_side",
            )
        ]

    def __str__(self) -> str:
        return f"{self.side} {self.given_on}"


class PreparatoryTalk(PublicModel):
    """A talk with one party before any meeting; its note is the mediator's (confidential)."""

    referral = models.ForeignKey(BenchReferral, on_delete=models.CASCADE, related_name="talks")
    side = models.CharField(_("party"), max_length=12, choices=Side.choices)
    held_on = models.DateField(_("held on"))
    note = EncryptedTextField(_("note"), purpose="mediation.PreparatoryTalk.note")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["referral", "held_on", "id"]
        verbose_name = _("preparatory talk")
        verbose_name_plural = _("preparatory talks")

    def __str__(self) -> str:
        return f"{self.side} {self.held_on}"


class MediatorNote(PublicModel):
    """The mediator's own notes on the bench case: read by mediators only (ADR 0011)."""

    referral = models.ForeignKey(BenchReferral, on_delete=models.CASCADE, related_name="notes")
    body = EncryptedTextField(_("note"), purpose="mediation.MediatorNote.body")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["referral", "created_at", "id"]
        verbose_name = _("mediator's note")
        verbose_name_plural = _("mediator's notes")

    def __str__(self) -> str:
        return str(self.public_id)


class Meeting(PublicModel):
    """A meeting of the parties. `uid` and `sequence` identify its calendar invitations: the same
    UID for its whole life, the sequence raised on every change sent (RFC 5546)."""

    referral = models.ForeignKey(BenchReferral, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place_kind = models.CharField(_("place"), max_length=16, choices=PlaceKind.choices)
    place = EncryptedTextField(_("address or room"), purpose="mediation.Meeting.place")
    # Only for a party's premises: whose, the other party's recorded agreement, and why it is neutral enough.
    premises_of = models.CharField(_("whose premises"), max_length=12, choices=Side.choices, blank=True)
    other_party_agreed_on = models.DateField(_("the other party agreed on"), null=True, blank=True)
    neutrality_note = EncryptedTextField(_("note on neutrality"), purpose="mediation.Meeting.neutrality_note")
    participants = EncryptedTextField(_("participants"), purpose="mediation.Meeting.participants")
    interpreter = EncryptedTextField(_("interpreter"), purpose="mediation.Meeting.interpreter")
    # Addresses the invitations go to, one per line.
    invitees = EncryptedTextField(_("send invitations to"), purpose="mediation.Meeting.invitees")
    uid = models.CharField(max_length=120, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    held_at = models.DateTimeField(_("held"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["starts_at"], name="bench_meeting_starts")]

    def __str__(self) -> str:
        return self.uid

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class Agreement(PublicModel):
    """The written agreement: its text (from the template, edited), and the signed copy."""

    referral = models.OneToOneField(BenchReferral, on_delete=models.CASCADE, related_name="agreement")
    text = EncryptedTextField(_("text of the agreement"), purpose="mediation.Agreement.text")
    signed_storage_name = models.CharField(max_length=80, blank=True, editable=False)
    signed_content_type = models.CharField(max_length=100, blank=True, editable=False)
    signed_uploaded_at = models.DateTimeField(_("signed copy uploaded"), null=True, blank=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self) -> str:
        return str(self.public_id)
