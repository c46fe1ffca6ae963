"""A case's documents: the record of each file; the encrypted bytes live in DOCUMENT_ROOT."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.cases.models.case import Case
from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class DocumentKind(models.TextChoices):
    EVIDENCE = "evidence", _("Evidence")
    CORRESPONDENCE = "correspondence", _("Correspondence")
    COMPLAINT = "complaint", _("Complaint")
    POLICE_REPORT = "police_report", _("Police report")
    DECISION = "decision", _("Decision")
    OTHER = "other", _("Other")


class Document(PublicModel):
    """An uploaded file. The bytes are encrypted in DOCUMENT_ROOT under `storage_name`."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(
        _("kind"), max_length=16, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    filename = EncryptedTextField(_("file name"), purpose="cases.Document.filename")
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    storage_name = models.CharField(max_length=80, unique=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
