"""Model fields whose contents are encrypted at rest (see likeverd/core/crypto.py)."""

import uuid
from typing import Any

from django.core import checks
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Expression
from django.db.models.query_utils import DeferredAttribute

from likeverd.core import crypto


class SealedText:
    """A ciphertext as read from the database, not yet opened: opening needs the row's public id.

    Model instances open it on first access (see `_OpenedOnRead`); `values()` and
    `values_list()` return it sealed, because they may not carry the row's id.
    """

    __slots__ = ("purpose", "token")

    def __init__(self, token: bytes, purpose: str) -> None:
        self.token = token
        self.purpose = purpose

    def open(self, row: uuid.UUID) -> str:
        return crypto.decrypt_text(self.token, purpose=self.purpose, row=row)

    def __repr__(self) -> str:
        return f"<SealedText {self.purpose}>"

    def __str__(self) -> str:
        raise TypeError(f"{self.purpose} is still encrypted: read it from its model instance")


class _OpenedOnRead(DeferredAttribute):
    """Decrypts the field's value with its row's public id the first time it is read.

    A data descriptor (it has `__set__`), so it sees every read, not only deferred ones.
    """

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.field.attname] = value

    def __get__(self, instance: Any, cls: Any = None) -> Any:
        if instance is None:
            return self
        value = super().__get__(instance, cls)
        if isinstance(value, SealedText):
            value = value.open(_row_id(instance))
            instance.__dict__[self.field.attname] = value
        return value


def _row_id(instance: models.Model) -> uuid.UUID:
    row = getattr(instance, "public_id", None)
    if not isinstance(row, uuid.UUID):
        raise ValueError(f"{instance._meta.label} has no public_id to bind its encrypted fields to")
    return row


class EncryptedTextField(models.BinaryField[Any, Any]):
    """Text stored as AES-GCM ciphertext; Python code sees `str` ("" when empty).

    `purpose` is bound into every ciphertext, with the row's `public_id`, so a value cannot
    be moved to another field or another row. It is pinned here, not derived from the model's
    place in the code: moving the model must not change it, or its stored values no longer
    decrypt (likeverd/core/tests/test_encryption_purposes.py holds the list). Values are
    written only through a model instance (`save()`, `create()`, `bulk_create()`), which
    knows the row; `QuerySet.update()` with text is refused. Encrypted fields cannot be
    filtered or ordered on: search goes through the blind index (ADR 0003).
    """

    description = "Text encrypted at rest"
    descriptor_class = _OpenedOnRead

    def __init__(self, *args: Any, purpose: str, **kwargs: Any) -> None:
        self.purpose = purpose
        kwargs.setdefault("editable", True)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        errors = [*super().check(**kwargs)]
        if not self.purpose or "\x00" in self.purpose:
            errors.append(checks.Error("The purpose must be a non-empty label.", obj=self, id="core.E101"))
        if getattr(self, "model", None) is not None and not self.model._meta.abstract:
            public_id = next((f for f in self.model._meta.fields if f.name == "public_id"), None)
            if not isinstance(public_id, models.UUIDField) or not public_id.unique:
                errors.append(
                    checks.Error(
                        "A model with encrypted fields needs a unique UUID `public_id` to bind them to.",
                        hint="Build the model on likeverd.core.models.PublicModel.",
                        obj=self,
                        id="core.E102",
                    )
                )
        return errors

    def _check_str_default_value(self) -> list[Any]:
        return []  # the default is text by design: it is encrypted on the way in

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("editable", None)
        kwargs["purpose"] = self.purpose
        return name, path, args, kwargs

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if value is None:
            return None
        return crypto.encrypt_text(str(value), purpose=self.purpose, row=_row_id(model_instance))

    def get_db_prep_value(self, value: Any, connection: BaseDatabaseWrapper, prepared: bool = False) -> Any:
        if value == "":
            # Empty without a row to bind to (a migration's default for existing rows): stored as
            # no ciphertext, read as "", bound on the next save or rotation. A ciphertext's
            # length shows emptiness anyway.
            value = b""
        elif isinstance(value, str):
            raise TypeError(
                f"{self.purpose} is encrypted bound to its row: set it on the model instance and save "
                "it, instead of QuerySet.update() or a lookup"
            )
        return super().get_db_prep_value(value, connection, prepared)

    def from_db_value(
        self, value: Any, expression: Expression, connection: BaseDatabaseWrapper
    ) -> SealedText | str | None:
        if value is None:
            return None
        token = bytes(value)
        return SealedText(token, self.purpose) if token else ""

    def to_python(self, value: Any) -> Any:
        return value

    def value_to_string(self, obj: models.Model) -> str:
        return str(self.value_from_object(obj) or "")

    def formfield(self, **kwargs: Any) -> Any:
        from django import forms

        return forms.CharField(widget=forms.Textarea, required=not self.blank, **kwargs)
