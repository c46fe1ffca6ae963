"""Names compared without being stored in clear: a keyed hash of the normalised name, per
office, finds the same name in the office's other cases (conflicts of interest)."""

from likeverd.accounts.models import Office
from likeverd.core import crypto
from likeverd.core.blind_index import words


def normalise_name(name: str) -> str:
    # Sorted: `words` is a set, whose order changes with the process's hash seed.
    return " ".join(sorted(words(name))) if name else ""


def name_key(office: Office, name: str) -> int | None:
    normalised = normalise_name(name)
    return crypto.keyed_hash(normalised, scope=f"names:{office.public_id}") if normalised else None
