"""The base model every domain model builds on: a public unguessable id and timestamps."""

import uuid

from django.db import models

from likeverd.core import clock


class PublicModel(models.Model):
    """Addressed from outside only by `public_id`; the integer key never leaves the database."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=clock.now, editable=False)
    updated_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        abstract = True


class RotationProgress(models.Model):
    """How far an interrupted `likeverd rotatekey` got in one re-index step, under one key.

    Rows exist only while a rotation is unfinished: the command deletes them when it completes.
    """

    key_id = models.CharField(max_length=8)
    step = models.CharField(max_length=100)
    last_pk = models.BigIntegerField(default=0)
    is_done = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key_id", "step"], name="rotation_progress_once")]

    def __str__(self) -> str:
        return f"{self.step} under key {self.key_id}"


class FormSubmission(models.Model):
    """A claimed one-time form token (see likeverd.core.once): at most one row per token.

    The row is written when the first POST of a rendered form starts (the unique token is the
    atomic claim) and holds where that POST sent the person, so a second POST of the same form
    is sent there too. Rows older than the token's lifetime are unreachable; `likeverd
    housekeeping` deletes them (`once.delete_expired_claims`).
    """

    token = models.CharField(max_length=64, unique=True)
    owner = models.CharField(max_length=64, blank=True)
    result_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=clock.now, db_index=True)

    class Meta:
        verbose_name = "form submission"

    def __str__(self) -> str:
        return f"form submission {self.pk}"
