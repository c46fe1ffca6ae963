"""Validation of HSDS 3 documents against the specification's schema files in `hsds_schema/`."""

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "hsds_schema"
_SCHEMA_BASE = "https://likeverd.invalid/hsds-schema/"


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((_SCHEMA_BASE + path.name, Resource.from_contents(contents, DRAFT202012)))
    registry: Registry = Registry().with_resources(resources)
    return registry


def _validator(name: str) -> Draft202012Validator:
    schema = {"$ref": _SCHEMA_BASE + name}
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def schema_errors(document: Any) -> list[str]:
    """Every way `document` breaks HSDS 3 (organizations, each with its services); empty if none."""
    if not isinstance(document, list):
        return ["the file must be a JSON array of HSDS organizations"]
    organization, service = _validator("organization.json"), _validator("service.json")
    errors: list[str] = []
    for index, item in enumerate(document):
        errors += [
            f"[{index}]{_where(error.absolute_path)}: {error.message}"
            for error in organization.iter_errors(item)
        ]
        services = item.get("services", []) if isinstance(item, dict) else []
        if not isinstance(services, list):
            errors.append(f"[{index}].services: must be an array")
            continue
        for number, entry in enumerate(services):
            errors += [
                f"[{index}].services[{number}]{_where(error.absolute_path)}: {error.message}"
                for error in service.iter_errors(entry)
            ]
    return errors


def _where(path: Iterable[Any]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
