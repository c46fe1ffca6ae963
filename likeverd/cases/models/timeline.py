"""A case's timeline: one entry per thing that happened."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.cases.models.case import Case
from likeverd.core import clock
from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class EventKind(models.TextChoices):
    CREATED = "created", _("Case registered")
    NOTE = "note", _("Note")
    CALL = "call", _("Call")
    MEETING = "meeting", _("Meeting")
    EMAIL = "email", _("E-mail")
    STATUS = "status", _("Status changed")
    CLASSIFICATION = "classification", _("Classification changed")
    ASSIGNMENT = "assignment", _("Assigned")
    DOCUMENT = "document", _("Document added")
    PARTY = "party", _("Party added")
    TASK = "task", _("Task")
    DETAILS = "details", _("Details changed")


class CaseEvent(PublicModel):
    """One entry of a case's timeline. `body` is free text (encrypted); `data` holds codes only."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    occurred_at = models.DateTimeField(default=clock.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = EncryptedTextField(_("text"))
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["case", "occurred_at"], name="event_case_time")]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
