"""System checks of encryption at rest that look across models (each field checks itself)."""

from collections import defaultdict
from typing import Any

from django.apps import apps
from django.core import checks

from likeverd.core.fields import EncryptedTextField


def encrypted_fields() -> list[tuple[type[Any], EncryptedTextField]]:
    """Every concrete model's encrypted fields, in a stable order."""
    found = [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, EncryptedTextField) and field.model is model
    ]
    return sorted(found, key=lambda pair: (pair[0]._meta.label, pair[1].name))


@checks.register(checks.Tags.models)
def check_purposes_are_unique(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Two fields sharing a purpose could swap ciphertexts undetected."""
    users: dict[str, list[str]] = defaultdict(list)
    for model, field in encrypted_fields():
        users[field.purpose].append(f"{model._meta.label}.{field.name}")
    return [
        checks.Error(f"The encryption purpose {purpose!r} is used by {', '.join(fields)}.", id="core.E103")
        for purpose, fields in users.items()
        if len(fields) > 1
    ]
