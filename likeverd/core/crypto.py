"""Authenticated encryption at rest (AES-256-GCM, via `cryptography`).

The key comes from LIKEVERD_DATA_KEY (32 bytes, URL-safe base64). Each ciphertext carries a
format byte, a key id (so a rotated-out key is recognised), a random 96-bit nonce, and the
GCM tag. Bound as associated data: the purpose (for example "cases.Case.narrative", pinned in
the field's declaration) and, in format 2, the row's public id, so a ciphertext copied into
another field or another row does not decrypt. Format 1 (purpose only) is still read, never
written; `likeverd rotatekey` rewrites it. See docs/adr/0002-encryption-at-rest.md.
"""

import base64
import binascii
import hashlib
import hmac
import os
import uuid
from functools import cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

FORMAT_V1 = b"\x01"  # purpose bound, not the row: read only
FORMAT_V2 = b"\x02"  # purpose and row bound
NONCE_BYTES = 12
KEY_ID_BYTES = 4


class DecryptionError(Exception):
    """The ciphertext was altered, or was made with a key this installation does not have."""


def generate_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def decode_key(text: str) -> bytes:
    """The 32 key bytes of a LIKEVERD_DATA_KEY value; refuses anything else, with the remedy."""
    try:
        key = base64.urlsafe_b64decode(text.encode() + b"=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise ImproperlyConfigured(
            "LIKEVERD_DATA_KEY must be 32 random bytes in URL-safe base64; `likeverd generatekey` prints one."
        )
    return key


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


@cache
def _keyring(key_text: str, previous_text: str) -> tuple[bytes, dict[bytes, bytes]]:
    """The current encryption key's id, and every known key by id (current and previous)."""
    keys: dict[bytes, bytes] = {}
    current_id = b""
    for position, text in enumerate([key_text, *previous_text.split(",")]):
        if not text.strip():
            continue
        enc_key = _derive(decode_key(text.strip()), b"likeverd encryption at rest v1")
        key_id = hashlib.sha256(enc_key).digest()[:KEY_ID_BYTES]
        keys.setdefault(key_id, enc_key)
        if position == 0:
            current_id = key_id
    return current_id, keys


def _current() -> tuple[bytes, dict[bytes, bytes]]:
    return _keyring(settings.DATA_KEY, getattr(settings, "DATA_KEYS_PREVIOUS", ""))


def _associated_data(header: bytes, purpose: str, row: uuid.UUID | None) -> bytes:
    if not purpose or "\x00" in purpose:
        raise ValueError("a purpose is a non-empty label without NUL characters")
    if header[:1] == FORMAT_V1:
        return header + purpose.encode()
    return header + purpose.encode() + b"\x00" + (row.bytes if row is not None else b"")


def encrypt(plaintext: bytes, *, purpose: str, row: uuid.UUID | None = None) -> bytes:
    """Encrypt with the current key, bound to `purpose` and (if given) the row's public id."""
    key_id, keys = _current()
    nonce = os.urandom(NONCE_BYTES)
    header = FORMAT_V2 + key_id
    return (
        header
        + nonce
        + AESGCM(keys[key_id]).encrypt(nonce, plaintext, _associated_data(header, purpose, row))
    )


def decrypt(token: bytes, *, purpose: str, row: uuid.UUID | None = None) -> bytes:
    """The plaintext of a format 2 token for this purpose and row, or of a format 1 token for
    this purpose (format 1 binds no row)."""
    if len(token) < 1 + KEY_ID_BYTES + NONCE_BYTES + 16 or token[:1] not in (FORMAT_V1, FORMAT_V2):
        raise DecryptionError("not a Likeverd ciphertext")
    header, key_id = token[: 1 + KEY_ID_BYTES], token[1 : 1 + KEY_ID_BYTES]
    nonce = token[1 + KEY_ID_BYTES : 1 + KEY_ID_BYTES + NONCE_BYTES]
    _, keys = _current()
    if key_id not in keys:
        raise DecryptionError("made with a key this installation does not have")
    try:
        return AESGCM(keys[key_id]).decrypt(
            nonce, token[1 + KEY_ID_BYTES + NONCE_BYTES :], _associated_data(header, purpose, row)
        )
    except InvalidTag as exc:
        raise DecryptionError("ciphertext failed authentication") from exc


def is_current(token: bytes) -> bool:
    """Whether `token` is in the current format under the current key (rotation skips it)."""
    key_id, _ = _current()
    return token[:1] == FORMAT_V2 and token[1 : 1 + KEY_ID_BYTES] == key_id


def current_key_id() -> str:
    """The current key's public 4-byte id, in hex (names a rotation's progress; not secret)."""
    return _current()[0].hex()


def encrypt_text(text: str, *, purpose: str, row: uuid.UUID | None = None) -> bytes:
    return encrypt(text.encode("utf-8"), purpose=purpose, row=row)


def decrypt_text(token: bytes, *, purpose: str, row: uuid.UUID | None = None) -> str:
    return decrypt(token, purpose=purpose, row=row).decode("utf-8")


@cache
def _index_key(key_text: str, scope: str) -> bytes:
    return _derive(decode_key(key_text), b"likeverd blind index v1 " + scope.encode())


def keyed_hash(value: str, *, scope: str) -> int:
    """A keyed 64-bit hash of `value` (a blind-index token), different for every scope.

    Scopes are per office, so the same word gives unrelated tokens in two offices.
    """
    digest = hmac.new(_index_key(settings.DATA_KEY, scope), value.encode("utf-8"), "sha256").digest()
    return int.from_bytes(digest[:8], "big", signed=True)
