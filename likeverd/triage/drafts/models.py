"""One saved version of a draft: its kind, the edited text (encrypted) and its two documents."""

import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class DraftKind(models.TextChoices):
    # The complaint goes to Diskrimineringsnemnda in Norway and is a report to
    # Diskrimineringsombudsmannen in Sweden (legal-reference.md, N5 and S-bodies).
    COMPLAINT = "complaint", _("Complaint to the tribunal or report to the ombudsman")
    POLICE_REPORT = "police_report", _("Police report")
    EXPLANATION_REQUEST = "explanation_request", _("Letter asking the counterpart for an explanation")


# The editable parts of every draft, in the order the form shows them.
DRAFT_FIELDS = (
    "sender",
    "recipient",
    "subject",
    "person",
    "counterpart",
    "incident",
    "grounds",
    "area",
    "facts",
    "evidence",
    "request",
    "signature",
)


class DraftVersion(PublicModel):
    """A draft as saved once: a new save of the same kind on the same case is a new version.

    `content` holds the edited fields as JSON, encrypted (it names the person and tells what
    happened). The .docx and the PDF are documents of the case (cases.Document), encrypted in
    the one file store, downloaded through the case's audited document download.
    """

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="draft_versions")
    kind = models.CharField(_("kind"), max_length=24, choices=DraftKind.choices)
    number = models.PositiveIntegerField(_("version"))
    language = models.CharField(_("language"), max_length=8)
    # Where the layout came from: "office" (the office's own files) or "default" (shipped).
    layout_source = models.CharField(max_length=8)
    content = EncryptedTextField(_("text"), purpose="triage.DraftVersion.content")
    docx = models.ForeignKey(
        "cases.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("Word document")
    )
    pdf = models.ForeignKey(
        "cases.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("PDF")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["case", "kind", "-number"]
        verbose_name = _("draft version")
        verbose_name_plural = _("draft versions")
        constraints = [
            models.UniqueConstraint(fields=["case", "kind", "number"], name="triage_draft_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} v{self.number}"

    @property
    def fields(self) -> dict[str, str]:
        """The edited fields (DRAFT_FIELDS), "" for any missing."""
        try:
            stored = json.loads(self.content or "{}")
        except ValueError:
            stored = {}
        return {name: str(stored.get(name, "")) for name in DRAFT_FIELDS}
