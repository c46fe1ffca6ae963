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
