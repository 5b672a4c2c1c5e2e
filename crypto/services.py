"""Envelope encryption for data the server must be able to read (case files, 2FA secrets...).

Each scope (an organisation, or the platform) has its own data keys; each data key is stored wrapped
under a key-encryption key (KEK) from settings. Rotating KEKs re-wraps the data keys only. A scope has
at most one active data key (a database constraint); the others only decrypt.

Tokens are ``hv2:<data key id>:<sealed>``. The associated data always ends with the scope the caller
expects, and the data key must belong to that scope: a token of another organisation does not decrypt
even if its key is still there. ``hv1`` tokens (before the row was bound) are only read by the data
migration that re-seals them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from django.db import IntegrityError, transaction

from crypto.models import DataKey, ShredRecord
from crypto.primitives import DecryptionError, new_key, primary_kek, seal, unseal, unwrap_key, wrap_key

TOKEN_PREFIX = "hv2:"
TOKEN_RE = re.compile(r"^hv2:(\d+):([A-Za-z0-9_-]+)$")
LEGACY_TOKEN_RE = re.compile(r"^hv1:(\d+):([A-Za-z0-9_-]+)$")

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


def field_aad(*, table: str, column: str, pk: object, scope: str) -> bytes:
    """The associated data of a field value: where it lives and whose it is."""
    if pk is None or pk == "":
        raise ValueError("a field value is bound to its row: the primary key must be known")
    return "\x1f".join(["haven-field", table, column, str(pk), scope]).encode()


def data_key_create(*, scope: str) -> DataKey:
    """A new active data key for the scope (a rotation); the earlier ones keep decrypting."""
    with transaction.atomic():
        current = list(DataKey.objects.select_for_update().filter(scope=scope, active=True))
        DataKey.objects.filter(pk__in=[key.pk for key in current]).update(active=False)
        kek_id, wrapped = wrap_key(new_key(), _wrap_aad(scope))
        return DataKey.objects.create(scope=scope, kek_id=kek_id, wrapped=wrapped)


def _find_active(scope: str) -> DataKey | None:
    return DataKey.objects.filter(scope=scope, active=True).first()


def active_data_key(scope: str) -> DataKey:
    """The scope's active key, made on first use. Two first uses at once end with the same key:
    the constraint lets one insert win, and the other reads the winner's key."""
    key = _find_active(scope)
    if key is not None:
        return key
    kek_id, wrapped = wrap_key(new_key(), _wrap_aad(scope))
    try:
        with transaction.atomic():
            return DataKey.objects.create(scope=scope, kek_id=kek_id, wrapped=wrapped)
    except IntegrityError:
        key = _find_active(scope)
        if key is None:
            raise
        return key


def encrypt_text(plaintext: str, *, scope: str, aad: bytes) -> str:
    data_key = active_data_key(scope)
    token = seal(_unwrapped(data_key), plaintext.encode("utf-8"), aad + b"|" + scope.encode())
    return f"{TOKEN_PREFIX}{data_key.pk}:{token}"


def text_sealer(*, scope: str) -> Callable[[str, bytes], str]:
    """``encrypt_text`` for many values of one scope (bulk loads, the scale-data generator): the data key is
    looked up and unwrapped once, not once per value. The tokens are the same as ``encrypt_text`` makes."""
    data_key = active_data_key(scope)
    key, suffix = _unwrapped(data_key), b"|" + scope.encode()

    def seal_one(plaintext: str, aad: bytes) -> str:
        return f"{TOKEN_PREFIX}{data_key.pk}:{seal(key, plaintext.encode('utf-8'), aad + suffix)}"

    return seal_one


def decrypt_text(token: str, *, scope: str, aad: bytes) -> str:
    """Decrypt a token that must belong to ``scope``: a key of any other scope is refused."""
    match = TOKEN_RE.match(token)
    if not match:
        raise DecryptionError("not an encrypted value of the current format")
    data_key = DataKey.objects.filter(pk=int(match.group(1))).first()
    if data_key is None:
        raise DecryptionError("the data key is gone (shredded)")
    if data_key.scope != scope:
        raise DecryptionError("the value belongs to another scope")
    plain = unseal(_unwrapped(data_key), match.group(2), aad + b"|" + scope.encode())
    return plain.decode("utf-8")


def decrypt_legacy(token: str, *, aad: bytes) -> tuple[str, str]:
    """Read an ``hv1`` token (bound to table and column only); returns (plaintext, scope of its key)."""
    match = LEGACY_TOKEN_RE.match(token)
    if not match:
        raise DecryptionError("not an hv1 value")
    data_key = DataKey.objects.filter(pk=int(match.group(1))).first()
    if data_key is None:
        raise DecryptionError("the data key is gone (shredded)")
    plain = unseal(_unwrapped(data_key), match.group(2), aad + b"|" + data_key.scope.encode())
    return plain.decode("utf-8"), data_key.scope


def is_token(value: str) -> bool:
    return bool(TOKEN_RE.match(value))


def keks_rotate() -> int:
    """Re-wrap every data key under the primary KEK; returns how many changed.

    Safe while the application serves (docs/deployment.md): each key is swapped in one conditional
    UPDATE, so a key shredded or re-wrapped by someone else meanwhile is skipped, not resurrected.
    Every process must already know the primary KEK (add it, reload, then rotate)."""
    primary = primary_kek()
    changed = 0
    for data_key in DataKey.objects.exclude(kek_id=primary.id).iterator():
        key = unwrap_key(data_key.kek_id, data_key.wrapped, _wrap_aad(data_key.scope))
        kek_id, wrapped = wrap_key(key, _wrap_aad(data_key.scope))
        changed += DataKey.objects.filter(pk=data_key.pk, wrapped=data_key.wrapped).update(
            kek_id=kek_id, wrapped=wrapped
        )
    return changed


def scope_shred(*, scope: str, reason: str = "", rows_removed: dict[str, int] | None = None) -> ShredRecord:
    """Delete every data key of a scope: what they protected can never be read again.

    Leaves a record of when, how many keys and how many rows, which holds no personal data."""
    with transaction.atomic():
        deleted, _ = DataKey.objects.filter(scope=scope).delete()
        record = ShredRecord.objects.create(
            scope=scope, data_keys=deleted, reason=reason, rows_removed=rows_removed or {}
        )
    forget_cached_keys()
    return record
