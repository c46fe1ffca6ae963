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
