"""Model fields whose contents are encrypted at rest (see likeverd/core/crypto.py)."""

from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Expression

from likeverd.core import crypto


class EncryptedTextField(models.BinaryField[Any, Any]):
    """Text stored as AES-GCM ciphertext; Python code sees `str` ("" when empty).

    The purpose bound into each ciphertext is "app_label.Model.field", so ciphertexts
    cannot be moved between fields or models. Encrypted fields cannot be filtered or
    ordered on: search goes through the blind index (likeverd/cases/search.py).
    """

    description = "Text encrypted at rest"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("editable", True)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def _check_str_default_value(self) -> list[Any]:
        return []  # the default is text by design: it is encrypted on the way in

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("editable", None)
        return name, path, args, kwargs

    @property
    def purpose(self) -> str:
        return f"{self.model._meta.label}.{self.name}"

    def get_db_prep_value(self, value: Any, connection: BaseDatabaseWrapper, prepared: bool = False) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            value = crypto.encrypt_text(value, purpose=self.purpose)
        return super().get_db_prep_value(value, connection, prepared)

    def from_db_value(
        self, value: Any, expression: Expression, connection: BaseDatabaseWrapper
    ) -> str | None:
        if value is None:
            return None
        return crypto.decrypt_text(bytes(value), purpose=self.purpose)

    def to_python(self, value: Any) -> Any:
        return value

    def value_to_string(self, obj: models.Model) -> str:
        return str(self.value_from_object(obj) or "")

    def formfield(self, **kwargs: Any) -> Any:
        from django import forms

        return forms.CharField(widget=forms.Textarea, required=not self.blank, **kwargs)
