"""A case's timeline: one entry per thing that happened."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.audit.actors import ActorKind
from likeverd.cases.models.case import Case
from likeverd.core import clock
from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class EventKind(models.TextChoices):
    """The kinds of `cases` itself; apps above add theirs (likeverd.cases.registry), so the
    column has no choices: a kind is checked against the registry when it is written."""

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
    """One entry of a case's timeline. `body` is free text (encrypted); `data` holds codes only.
    Written through likeverd.cases.events, one typed function per kind."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=64)
    occurred_at = models.DateTimeField(default=clock.now)
    # Staff members are the author; a reporter or the system is named by kind and label.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_kind = models.CharField(max_length=16, choices=ActorKind.choices, blank=True, default="")
    actor_label = models.CharField(max_length=150, blank=True, default="")
    body = EncryptedTextField(_("text"), purpose="cases.CaseEvent.body")
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["case", "occurred_at"], name="event_case_time")]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
