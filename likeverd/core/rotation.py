"""Key rotation: re-encrypt every encrypted field and stored file under the current key, then
rebuild what is keyed by it (the blind index, the conflict-check name keys).

Run by `likeverd rotatekey` with the new key in LIKEVERD_DATA_KEY and the old ones in
LIKEVERD_DATA_KEYS_PREVIOUS. Work goes in batches, each its own transaction, so an interrupted run
continues where it stopped: values and files already under the current key are skipped, and the
re-index steps keep their place in RotationProgress. Core knows no domain: apps register their
re-index steps here (in AppConfig.ready()) and their files with likeverd.core.files.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import models, transaction

from likeverd.core import crypto, files
from likeverd.core.checks import encrypted_fields
from likeverd.core.fields import EncryptedTextField, SealedText
from likeverd.core.models import RotationProgress

Report = Callable[[str], None]


class ReindexStep(Protocol):
    """Rebuild one keyed index for the rows with a primary key above `after_pk`, at most `limit`
    of them; returns the last primary key done, or None when no row is left."""

    def __call__(self, *, after_pk: int, limit: int) -> int | None: ...


_reindex_steps: dict[str, ReindexStep] = {}


def register_reindex(label: str, step: ReindexStep) -> None:
    """Called from an app's AppConfig.ready(); steps run in the order of their labels."""
    _reindex_steps[label] = step


def reindex_steps() -> dict[str, ReindexStep]:
    return dict(sorted(_reindex_steps.items()))


@dataclass
class Counts:
    checked: int = 0
    rewritten: int = 0


def _needs_rewrite(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, SealedText):
        return not crypto.is_current(value.token)
    return True  # "" stored as no ciphertext at all (a row older than its field)


@transaction.atomic
def reencrypt_rows(
    model: type[models.Model], fields: list[EncryptedTextField], *, after_pk: int, limit: int
) -> tuple[int | None, Counts]:
    """Re-encrypt one batch of `model`'s rows; returns the last primary key seen and the counts."""
    names = [field.name for field in fields]
    rows = list(
        model._base_manager.select_for_update()
        .filter(pk__gt=after_pk)
        .order_by("pk")
        .values_list("pk", "public_id", *names)[:limit]
    )
    counts = Counts(checked=len(rows))
    for pk, public_id, *values in rows:
        changes: dict[str, Any] = {}
        for field, value in zip(fields, values, strict=True):
            if _needs_rewrite(value):
                text = value.open(public_id) if isinstance(value, SealedText) else str(value)
                changes[field.name] = crypto.encrypt_text(text, purpose=field.purpose, row=public_id)
        if changes:
            # An UPDATE of the ciphertext only: updated_at (the edit form's staleness check) stays.
            model._base_manager.filter(pk=pk).update(**changes)
            counts.rewritten += 1
    return (rows[-1][0] if rows else None), counts


def reencrypt_fields(*, batch_size: int, report: Report) -> None:
    by_model: dict[type[models.Model], list[EncryptedTextField]] = {}
    for model, field in encrypted_fields():
        by_model.setdefault(model, []).append(field)
    for model, fields in by_model.items():
        total, after_pk = Counts(), 0
        while True:
            last_pk, counts = reencrypt_rows(model, fields, after_pk=after_pk, limit=batch_size)
            if last_pk is None:
                break
            total.checked += counts.checked
            total.rewritten += counts.rewritten
            after_pk = last_pk
            report(f"{model._meta.label}: {total.checked} rows checked, {total.rewritten} re-encrypted")
        report(
            f"{model._meta.label}: done, {total.rewritten} of {total.checked} rows re-encrypted, "
            f"{total.checked - total.rewritten} already under the current key"
        )


def reencrypt_files(*, batch_size: int, report: Report) -> None:
    counts: dict[str, Counts] = {}
    for label, name, purpose in files.referenced_files():
        count = counts.setdefault(label, Counts())
        count.checked += 1
        if files.reencrypt(name, purpose=purpose):
            count.rewritten += 1
        if count.checked % batch_size == 0:
            report(f"{label} files: {count.checked} checked, {count.rewritten} re-encrypted")
    for label, count in counts.items():
        report(
            f"{label} files: done, {count.rewritten} of {count.checked} re-encrypted, "
            f"{count.checked - count.rewritten} already under the current key"
        )


def rebuild_indexes(*, batch_size: int, report: Report) -> None:
    key_id = crypto.current_key_id()
    for label, step in reindex_steps().items():
        progress, _ = RotationProgress.objects.get_or_create(key_id=key_id, step=label)
        if progress.is_done:
            report(f"{label}: done in an earlier run")
            continue
        if progress.last_pk:
            report(f"{label}: continuing after row {progress.last_pk}")
        while True:
            with transaction.atomic():
                last_pk = step(after_pk=progress.last_pk, limit=batch_size)
                if last_pk is None:
                    progress.is_done = True
                else:
                    progress.last_pk = last_pk
                progress.save(update_fields=["last_pk", "is_done"])
            if last_pk is None:
                break
            report(f"{label}: rebuilt up to row {last_pk}")
        report(f"{label}: done")


def rotate(*, batch_size: int, report: Report) -> None:
    """Bring every encrypted value, file and keyed index under the current key."""
    report(f"Current key {crypto.current_key_id()}; batches of {batch_size}.")
    reencrypt_fields(batch_size=batch_size, report=report)
    reencrypt_files(batch_size=batch_size, report=report)
    rebuild_indexes(batch_size=batch_size, report=report)
    RotationProgress.objects.all().delete()
