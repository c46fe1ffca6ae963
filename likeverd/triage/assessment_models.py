"""The bureau checklist as steps on a case, and the adviser's decision with reasons.

The steps follow the Swedish anti-discrimination bureaus' way of handling a report (seed
004: ground, area and form; limitation; evidence; other actors; a legal investigation;
questions to both sides) and end in a decision: advice only, help to complain, a police
report, negotiation, mediation, court, or a referral. Defined here, imported by models.py.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class BureauStep(models.TextChoices):
    """The steps, in the order the bureaus take them (seed 004, "Vad gör antidiskrimineringsbyrån")."""

    GROUND = "ground", _("Ground: on what ground the person was treated worse")
    AREA = "area", _("Area: where in society it happened")
    FORM = "form", _("Form: direct, indirect, harassment, lack of accessibility …")
    LIMITATION = "limitation", _("Limitation: whether a deadline has run out or is close")
    EVIDENCE = "evidence", _("Evidence: what exists and what must be secured")
    OTHER_ACTORS = "other_actors", _("Other actors: who else can take the matter up (a union, the ombud)")
    LEGAL_INVESTIGATION = "legal_investigation", _("Legal investigation: the law and earlier cases")
    QUESTIONS_BOTH_SIDES = "questions_both_sides", _("Questions to the person and to the other side")


class DecisionAction(models.TextChoices):
    """What the office will do. Several may be chosen (a police report and a complaint, say),
    except "advice only", which stands alone."""

    ADVICE_ONLY = "advice_only", _("Advice only")
    HELP_TO_COMPLAIN = "help_to_complain", _("Help to complain")
    POLICE_REPORT = "police_report", _("Police report")
    NEGOTIATE = "negotiate", _("Negotiate with the other side")
    MEDIATION = "mediation", _("Mediation")
    COURT = "court", _("Take the case to court")
    REFER = "refer", _("Refer to another service")


class AssessmentStep(PublicModel):
    """One ticked step of the checklist: who ticked it and when. Unticking deletes the row
    (the audit log keeps both)."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="assessment_steps", verbose_name=_("case")
    )
    step = models.CharField(_("step"), max_length=40, choices=BureauStep.choices)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("done by"),
    )
    done_at = models.DateTimeField(_("done"))

    class Meta:
        ordering = ["case", "done_at", "id"]
        verbose_name = _("checklist step")
        verbose_name_plural = _("checklist steps")
        constraints = [models.UniqueConstraint(fields=["case", "step"], name="assessment_step_once")]

    def __str__(self) -> str:
        return self.step


class AssessmentDecision(PublicModel):
    """The case's current decision. Changing it replaces it; each decision is also a timeline
    entry, so the earlier ones stay on the case's history."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="assessment_decision", verbose_name=_("case")
    )
    # DecisionAction codes, comma-separated in DecisionAction order: codes, not personal data.
    actions = models.CharField(_("decision"), max_length=200)
    reasons = EncryptedTextField(_("reasons"), purpose="triage.AssessmentDecision.reasons")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.actions

    @property
    def action_codes(self) -> list[str]:
        stored = set(self.actions.split(","))
        return [code for code in DecisionAction.values if code in stored]
