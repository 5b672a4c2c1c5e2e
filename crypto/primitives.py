"""AES-256-GCM sealing with associated data, and the key-encryption keys from settings.

Tokens are text: ``<prefix><base64url(nonce || ciphertext+tag)>``. The associated data binds a token to
where it belongs (for a field: table, column, row and scope), so a token copied elsewhere does not decrypt.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_BYTES = 32
NONCE_BYTES = 12


class DecryptionError(Exception):
    """The token is damaged, was moved, or the key is wrong."""


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def b64d(text: str) -> bytes:
    padding = "=" * (-len(text) % 4)
    return base64.urlsafe_b64decode(text + padding)


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> str:
    nonce = os.urandom(NONCE_BYTES)
    return b64e(nonce + AESGCM(key).encrypt(nonce, plaintext, aad))


def unseal(key: bytes, token: str, aad: bytes) -> bytes:
    try:
        raw = b64d(token)
        return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], aad)
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("cannot decrypt") from exc


@dataclass(frozen=True)
class KeyEncryptionKey:
    id: str
    key: bytes


@lru_cache(maxsize=4)
def _parse_keks(spec: str) -> tuple[KeyEncryptionKey, ...]:
    keks = []
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        kek_id, sep, encoded = item.partition(":")
        if not sep or not kek_id.isalnum():
            raise ImproperlyConfigured("HAVEN_KEKS entries look like 'id:base64key' with an alphanumeric id.")
        try:
            key = b64d(encoded)
        except ValueError as exc:
            raise ImproperlyConfigured(f"HAVEN_KEKS key {kek_id!r} is not valid base64.") from exc
        if len(key) != KEY_BYTES:
            raise ImproperlyConfigured(f"HAVEN_KEKS key {kek_id!r} must be 32 bytes, not {len(key)}.")
        keks.append(KeyEncryptionKey(kek_id, key))
    if not keks:
        raise ImproperlyConfigured("HAVEN_KEKS holds no key.")
    if len({k.id for k in keks}) != len(keks):
        raise ImproperlyConfigured("HAVEN_KEKS ids must be unique.")
    return tuple(keks)


def keks() -> tuple[KeyEncryptionKey, ...]:
    return _parse_keks(settings.HAVEN_KEKS)


def primary_kek() -> KeyEncryptionKey:
    return keks()[0]


def wrap_key(data_key: bytes, aad: bytes) -> tuple[str, str]:
    """Wrap a data key under the primary KEK; returns (kek id, token)."""
    kek = primary_kek()
    return kek.id, seal(kek.key, data_key, aad)


def unwrap_key(kek_id: str, token: str, aad: bytes) -> bytes:
    for kek in keks():
        if kek.id == kek_id:
            return unseal(kek.key, token, aad)
    raise DecryptionError(f"no key-encryption key with id {kek_id!r} is configured")
