"""Writes the parsed legal-taxonomy files into the database.

`apply_taxonomy` takes the model classes as arguments so that a data migration can pass its
historical models; it imports no model itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from likeverd.taxonomy.loader import LANGUAGES, TaxonomyFile


@dataclass(frozen=True)
class ApplyResult:
    sources_created: int = 0
    sources_updated: int = 0
    terms_created: int = 0
    terms_updated: int = 0

    @property
    def created(self) -> int:
        return self.sources_created + self.terms_created

    @property
    def updated(self) -> int:
        return self.sources_updated + self.terms_updated


_SOURCE_FIELDS = ("law", "section", "url", "status", "note")
_TERM_FIELDS = (
    *(f"{part}_{lang}" for part in ("label", "description") for lang in LANGUAGES),
    "valid_to",
    "sort_order",
    "status",
)


def _changed(row: Any, values: Mapping[str, object]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def apply_taxonomy(
    files: Iterable[TaxonomyFile], *, term_model: type[Any], source_model: type[Any]
) -> ApplyResult:
    """Create or update every source and term version in `files`; running it twice changes nothing.

    Rows are matched on (jurisdiction, key) and (jurisdiction, kind, code, valid_from). Rows no
    longer in the files are left alone: cases keep pointing at the versions they were classified
    with. The models are parameters so that a migration can pass its historical models.
    """
    counts = {"sources_created": 0, "sources_updated": 0, "terms_created": 0, "terms_updated": 0}
    with transaction.atomic():
        for taxonomy in files:
            jurisdiction = taxonomy.jurisdiction.code
            sources = {row.key: row for row in source_model.objects.filter(jurisdiction=jurisdiction)}
            for source_spec in taxonomy.sources:
                values = {name: getattr(source_spec, name) for name in _SOURCE_FIELDS}
                row = sources.get(source_spec.key)
                if row is None:
                    sources[source_spec.key] = source_model.objects.create(
                        jurisdiction=jurisdiction, key=source_spec.key, **values
                    )
                    counts["sources_created"] += 1
                elif _changed(row, values):
                    row.save(update_fields=list(values))
                    counts["sources_updated"] += 1

            terms = {
                (row.kind, row.code, row.valid_from): row
                for row in term_model.objects.filter(jurisdiction=jurisdiction).prefetch_related("sources")
            }
            for spec in taxonomy.terms:
                values = {name: getattr(spec, name) for name in _TERM_FIELDS}
                row = terms.get((spec.kind, spec.code, spec.valid_from))
                if row is None:
                    row = term_model.objects.create(
                        jurisdiction=jurisdiction,
                        kind=spec.kind,
                        code=spec.code,
                        valid_from=spec.valid_from,
                        **values,
                    )
                    row.sources.set([sources[key] for key in spec.sources])
                    counts["terms_created"] += 1
                    continue
                is_updated = _changed(row, values)
                if is_updated:
                    row.save(update_fields=list(values))
                if {source.key for source in row.sources.all()} != set(spec.sources):
                    row.sources.set([sources[key] for key in spec.sources])
                    is_updated = True
                counts["terms_updated"] += is_updated
    return ApplyResult(**counts)
