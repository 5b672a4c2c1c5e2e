"""Tell clients apart for rate limits without ever keeping their address.

A client's address is turned into a keyed hash whose key is random, lives only in the cache (memory
or Redis, never the database) and changes every day. Nothing stored can be tied back to an address,
and yesterday's hashes cannot be linked to today's.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date

from django.conf import settings
from django.core.cache import cache

IDENTIFYING_META = (
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_SEC_CH_UA",
    "HTTP_SEC_CH_UA_PLATFORM",
    "HTTP_SEC_CH_UA_MOBILE",
)


def client_address(meta: dict[str, str]) -> str:
    """The client's address, trusting X-Forwarded-For only from the configured number of proxies."""
    proxies = settings.HAVEN_TRUSTED_PROXIES
    if proxies:
        forwarded = [p.strip() for p in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return meta.get("REMOTE_ADDR", "")


# This process's copy of today's key: the shared cache is asked once per process and day, not on every request
# (static files included). Every process gets the same key: the first to ask puts it in the cache (``add``).
_local_key: dict[str, bytes] = {}


def _daily_key() -> bytes:
    today = date.today().isoformat()
    known = _local_key.get(today)
    if known is not None:
        return known
    cache_key = f"haven:client-hash-key:{today}"
    key = cache.get(cache_key)
    if key is None:
        cache.add(cache_key, secrets.token_bytes(32), timeout=2 * 24 * 3600)
        key = cache.get(cache_key)
    if key is None:  # a cache that keeps nothing (dummy): a key for this process, today
        key = secrets.token_bytes(32)
    _local_key.clear()
    _local_key[today] = bytes(key)
    return bytes(key)


def client_fingerprint(address: str) -> str:
    return hmac.new(_daily_key(), address.encode(), hashlib.sha256).hexdigest()[:32]


def hashed_name(name: str) -> str:
    """A keyed hash of something typed (an account name), for throttling by name."""
    return hmac.new(_daily_key(), name.strip().lower().encode(), hashlib.sha256).hexdigest()[:32]


class Throttle:
    """Count events per key in a window; ``blocked`` once the count reaches ``limit``."""

    def __init__(self, name: str, *, limit: int, window: int) -> None:
        self.name, self.limit, self.window = name, limit, window

    def _key(self, key: str) -> str:
        return f"haven:throttle:{self.name}:{key}"

    def hit(self, key: str) -> int:
        cache_key = self._key(key)
        if cache.add(cache_key, 1, timeout=self.window):
            return 1
        try:
            return cache.incr(cache_key)
        except ValueError:
            cache.set(cache_key, 1, timeout=self.window)
            return 1

    def blocked(self, key: str) -> bool:
        return int(cache.get(self._key(key), 0)) >= self.limit

    def reset(self, key: str) -> None:
        cache.delete(self._key(key))
