"""Append-only audit events: who did what to which case or document, in which office, when.

Rows are never updated or deleted by the application: `save()` refuses an update, `delete()`
refuses, the admin is read-only, and a database trigger (migration 0002) refuses UPDATE and
DELETE on both SQLite and PostgreSQL. Events carry ids and action codes, never personal data.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.audit.actors import ActorKind
from likeverd.core import clock


class AuditAction(models.TextChoices):
    VIEW = "view", _("viewed")
    CREATE = "create", _("created")
    CHANGE = "change", _("changed")
    DOWNLOAD = "download", _("downloaded")
    EXPORT = "export", _("exported")
    SEARCH = "search", _("searched")
    LIST = "list", _("listed")
    LOGIN = "login", _("logged in")
    LOGIN_FAILED = "login_failed", _("failed to log in")
    LOGOUT = "logout", _("logged out")
    DENIED = "denied", _("was refused")
    # Office administration: who may work in the office, and with which roles.
    GRANT_ROLE = "grant_role", _("granted a role to")
    REVOKE_ROLE = "revoke_role", _("revoked a role of")
    DEACTIVATE = "deactivate", _("deactivated")
    RESET_PASSWORD = "reset_password", _("reset the password of")
    ADD_AUTHENTICATOR = "add_authenticator", _("added an authenticator for")
    RESET_AUTHENTICATORS = "reset_authenticators", _("replaced the authenticators of")
    RETIRE = "retire", _("retired")
    RESTORE = "restore", _("restored")
    DELETE = "delete", _("deleted")
    CHANGE_PASSWORD = "change_password", _("changed the password of")
    INVITE = "invite", _("sent an invitation to")
    RESEND_INVITATION = "resend_invitation", _("sent a new invitation to")
    ACCEPT_INVITATION = "accept_invitation", _("accepted the invitation sent to")


class AuditLogAppendOnlyError(Exception):
    pass


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AuditLogAppendOnlyError("audit events cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditLogAppendOnlyError("audit events cannot be deleted")


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(default=clock.now, db_index=True)
    # Plain references (no database constraint, nothing cascades): the log outlives what it
    # describes, and a cascade would have to update or delete rows of an append-only table.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(max_length=150, blank=True)
    # Staff member, reporter or system (rows from before actors were kinds have none). Nullable
    # without a default, so that SQLite adds the column in place: rebuilding the table would
    # drop the append-only trigger of migration 0002.
    actor_kind = models.CharField(max_length=16, choices=ActorKind.choices, null=True, blank=True)  # noqa: DJ001
    office = models.ForeignKey(
        "accounts.Office",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    # What was touched: a model label ("cases.Case") and its public id.
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=64, blank=True, db_index=True)
    # The case a target belongs to, so a case's access history includes its documents.
    case_id = models.CharField(max_length=64, blank=True, db_index=True)
    # Structured, non-personal detail: field names changed, status codes, counts.
    detail = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["office", "occurred_at"], name="audit_office_time")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditLogAppendOnlyError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditLogAppendOnlyError("audit events cannot be deleted")
