"""The audit key (``HAVEN_AUDIT_KEY``): it keys the chain's hashes and signs its checkpoints.

Without it nobody can recompute an entry's hash or write a checkpoint the verifier accepts, so an edit made
with the database alone shows. It lives outside the database, like the key-encryption keys.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from django.conf import settings


def audit_key() -> bytes:
    text: str = settings.HAVEN_AUDIT_KEY
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def mac(purpose: str, fields: list[str]) -> str:
    """HMAC-SHA256 of the fields (joined by a unit separator) under the audit key, as hex."""
    message = "\x1f".join([purpose, *fields]).encode()
    return hmac.new(audit_key(), message, hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
