"""A case's tasks: what needs doing, by whom, by when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.cases.models.case import Case
from likeverd.core import clock
from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class Task(PublicModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = EncryptedTextField(_("task"), purpose="cases.Task.title")
    due_date = models.DateField(_("due"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_tasks",
        verbose_name=_("assignee"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [
            # The dashboard's "my tasks": the person's open tasks, soonest first. Open tasks only
            # (a partial index), not done_at in the key: SQLite's statistics then averaged the
            # done tasks' unique times, took "open" for two tasks a person, and walked all the
            # office's open tasks that way for "due this week", sorting them (19 ms against 0.3
            # at 100,000 cases).
            models.Index(
                fields=["assignee", "due_date"],
                condition=models.Q(done_at__isnull=True),
                name="task_assignee_open_due",
            ),
            # The dashboard's "due this week": open tasks, soonest first.
            models.Index(
                fields=["due_date", "case"], condition=models.Q(done_at__isnull=True), name="task_open_due"
            ),
        ]

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_late(self) -> bool:
        """Open after its due date (in the office's time zone)."""
        return self.done_at is None and self.due_date < clock.today()
