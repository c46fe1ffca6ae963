"""The sorting conversation on a case: a structured record filled during a call, in any order,
saved half-way and resumed. Everything the person tells is encrypted at rest; the record holds
no plain-text personal data beyond what the case itself already has (its dates and codes).
"""

import datetime as dt
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class OtherProblem(models.TextChoices):
    """The person's other problems; each suggests a referral (issue 9, sorting conversation)."""

    HOUSING = "housing", _("Housing")
    WELFARE_OFFICE = "welfare_office", _("Welfare office")
    HEALTH = "health", _("Health")
    RESIDENCE_PERMIT = "residence_permit", _("Residence permit")
    VIOLENCE_AT_HOME = "violence_at_home", _("Violence at home")
    FORCED_MARRIAGE = "forced_marriage", _("Forced marriage")
    TRAFFICKING = "trafficking", _("Human trafficking")
    NO_PAPERS = "no_papers", _("No papers")


# The answers of the conversation, in the order the form shows them; any order may be filled.
ANSWER_FIELDS = ("what_happened", "when", "where", "who_was_present", "evidence", "wants", "other_problems")


class SortingRecord(PublicModel):
    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="sorting", verbose_name=_("case")
    )
    what_happened = EncryptedTextField(_("what happened"), purpose="triage.SortingRecord.what_happened")
    when = EncryptedTextField(_("when, in the person's words"), purpose="triage.SortingRecord.when")
    where = EncryptedTextField(_("where"), purpose="triage.SortingRecord.where")
    who_was_present = EncryptedTextField(_("who was present"), purpose="triage.SortingRecord.who_was_present")
    evidence = EncryptedTextField(_("evidence and who holds it"), purpose="triage.SortingRecord.evidence")
    wants = EncryptedTextField(_("what the person wants"), purpose="triage.SortingRecord.wants")
    # OtherProblem codes as a JSON list: encrypted, because "violence at home" or "no papers"
    # is itself sensitive. Read and write it through `problems`.
    other_problems = EncryptedTextField(_("other problems"), purpose="triage.SortingRecord.other_problems")
    other_problems_notes = EncryptedTextField(
        _("notes on other problems"), purpose="triage.SortingRecord.other_problems_notes"
    )
    # ISO date; only for deadline rules that protect minors (the Swedish 18th-birthday rule).
    birth_date = EncryptedTextField(_("birth date"), purpose="triage.SortingRecord.birth_date")
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("last saved by"),
    )

    class Meta:
        verbose_name = _("sorting conversation")
        verbose_name_plural = _("sorting conversations")

    def __str__(self) -> str:
        return str(self.public_id)

    @property
    def problems(self) -> list[str]:
        """The other problems as OtherProblem codes, in the order of OtherProblem."""
        try:
            stored = json.loads(self.other_problems or "[]")
        except ValueError:
            return []
        return [code for code in OtherProblem.values if code in stored]

    @problems.setter
    def problems(self, codes: list[str]) -> None:
        self.other_problems = json.dumps([code for code in OtherProblem.values if code in codes])

    @property
    def birth_day(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.birth_date) if self.birth_date else None
        except ValueError:
            return None

    @property
    def missing(self) -> list[str]:
        """The answers not given yet, so the adviser can resume where the call stopped."""
        return [name for name in ANSWER_FIELDS if not getattr(self, name)]

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class SortingEvidence(PublicModel):
    """One piece of evidence: what it is, who holds it, whether it is secured. `item` links it
    to an evidence-checklist item (data/evidence.toml) when it came from the checklist."""

    record = models.ForeignKey(SortingRecord, on_delete=models.CASCADE, related_name="evidence_items")
    item = models.CharField(_("checklist item"), max_length=60, blank=True)
    description = EncryptedTextField(_("what it is"), purpose="triage.SortingEvidence.description")
    held_by = EncryptedTextField(_("who holds it"), purpose="triage.SortingEvidence.held_by")
    is_secured = models.BooleanField(_("secured"), default=False)

    class Meta:
        ordering = ["record", "created_at", "id"]
        verbose_name = _("piece of evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.item or str(self.public_id)


# The checklist steps and the decision live in a module of their own.
from likeverd.triage.assessment_models import AssessmentDecision as AssessmentDecision  # noqa: E402
from likeverd.triage.assessment_models import AssessmentStep as AssessmentStep  # noqa: E402
from likeverd.triage.assessment_models import BureauStep as BureauStep  # noqa: E402
from likeverd.triage.assessment_models import DecisionAction as DecisionAction  # noqa: E402

# Drafts and referrals keep their code in packages of their own (drafts/, referrals/); their
# models are imported here so that Django finds them in the triage app.
from likeverd.triage.drafts.models import DraftKind as DraftKind  # noqa: E402
from likeverd.triage.drafts.models import DraftVersion as DraftVersion  # noqa: E402
from likeverd.triage.referrals.models import ConsentMethod as ConsentMethod  # noqa: E402
from likeverd.triage.referrals.models import Referral as Referral  # noqa: E402
from likeverd.triage.referrals.models import ReferralStatus as ReferralStatus  # noqa: E402
from likeverd.triage.referrals.models import SharedField as SharedField  # noqa: E402
