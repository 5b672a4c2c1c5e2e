"""Envelope encryption for data the server must be able to read (case files, 2FA secrets...).

Each scope (an organisation, or the platform) has its own data keys; each data key is stored wrapped
under a key-encryption key (KEK) from settings. Rotating KEKs re-wraps the data keys only.
"""

from __future__ import annotations

import re
import threading

from django.db import transaction

from crypto.models import DataKey
from crypto.primitives import DecryptionError, new_key, primary_kek, seal, unseal, unwrap_key, wrap_key

TOKEN_PREFIX = "hv1:"
TOKEN_RE = re.compile(r"^hv1:(\d+):([A-Za-z0-9_-]+)$")

# Unwrapped keys, by their wrapped form (not by id: a database may reuse the id of a shredded key).
_cache: dict[str, bytes] = {}
_lock = threading.Lock()


def _wrap_aad(scope: str) -> bytes:
    return f"haven-data-key:{scope}".encode()


def _unwrapped(data_key: DataKey) -> bytes:
    with _lock:
        cached = _cache.get(data_key.wrapped)
    if cached is not None:
        return cached
    key = unwrap_key(data_key.kek_id, data_key.wrapped, _wrap_aad(data_key.scope))
    with _lock:
        _cache[data_key.wrapped] = key
    return key


def forget_cached_keys() -> None:
    with _lock:
        _cache.clear()


def data_key_create(*, scope: str) -> DataKey:
    with transaction.atomic():
        DataKey.objects.filter(scope=scope, active=True).update(active=False)
        kek_id, wrapped = wrap_key(new_key(), _wrap_aad(scope))
        return DataKey.objects.create(scope=scope, kek_id=kek_id, wrapped=wrapped)


def active_data_key(scope: str) -> DataKey:
    key = DataKey.objects.filter(scope=scope, active=True).first()
    if key is None:
        key = data_key_create(scope=scope)
    return key


def encrypt_text(plaintext: str, *, scope: str, aad: bytes) -> str:
    data_key = active_data_key(scope)
    token = seal(_unwrapped(data_key), plaintext.encode("utf-8"), aad + b"|" + scope.encode())
    return f"{TOKEN_PREFIX}{data_key.pk}:{token}"


def decrypt_text(token: str, *, aad: bytes) -> str:
    match = TOKEN_RE.match(token)
    if not match:
        raise DecryptionError("not an encrypted value")
    data_key = DataKey.objects.filter(pk=int(match.group(1))).first()
    if data_key is None:
        raise DecryptionError("the data key is gone (shredded)")
    plain = unseal(_unwrapped(data_key), match.group(2), aad + b"|" + data_key.scope.encode())
    return plain.decode("utf-8")


def is_token(value: str) -> bool:
    return bool(TOKEN_RE.match(value))


def keks_rotate() -> int:
    """Re-wrap every data key under the primary KEK; returns how many changed."""
    primary = primary_kek()
    changed = 0
    for data_key in DataKey.objects.exclude(kek_id=primary.id).iterator():
        key = unwrap_key(data_key.kek_id, data_key.wrapped, _wrap_aad(data_key.scope))
        data_key.kek_id, data_key.wrapped = wrap_key(key, _wrap_aad(data_key.scope))
        data_key.save(update_fields=["kek_id", "wrapped"])
        changed += 1
    return changed


def scope_shred(*, scope: str) -> int:
    """Delete every data key of a scope: what they protected can never be read again."""
    deleted, _ = DataKey.objects.filter(scope=scope).delete()
    forget_cached_keys()
    return deleted
