"""Request counters for the Prometheus endpoint, without personal data: route name, status, duration.

With ``REDIS_URL`` the counters live in one Redis hash shared by every web process (a restart keeps them);
without it, in this process (``make run`` has one). A counter failure never breaks a request.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from functools import lru_cache
from typing import Any

from django.conf import settings

logger = logging.getLogger("haven.metrics")


def _keys() -> tuple[str, str]:
    prefix = settings.CACHES["default"].get("KEY_PREFIX") or "haven"
    return f"{prefix}:metrics:requests", f"{prefix}:metrics:seconds"


_lock = threading.Lock()
_counts: Counter[str] = Counter()
_seconds: dict[str, float] = {}


@lru_cache(maxsize=2)
def _redis(url: str) -> Any:
    import redis

    return redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)


def record(route: str, status: int, seconds: float) -> None:
    field = f"{route}|{status}"
    if settings.REDIS_URL:
        try:
            pipe = _redis(settings.REDIS_URL).pipeline(transaction=False)
            counts_key, seconds_key = _keys()
            pipe.hincrby(counts_key, field, 1)
            pipe.hincrbyfloat(seconds_key, field, seconds)
            pipe.execute()
        except Exception:  # noqa: BLE001 - metrics are best effort
            logger.warning("request metrics: Redis is unavailable")
        return
    with _lock:
        _counts[field] += 1
        _seconds[field] = _seconds.get(field, 0.0) + seconds


def snapshot() -> tuple[dict[str, int], dict[str, float]]:
    """(count, total seconds) per ``route|status``."""
    if settings.REDIS_URL:
        client = _redis(settings.REDIS_URL)
        counts_key, seconds_key = _keys()
        counts = {k.decode(): int(v) for k, v in client.hgetall(counts_key).items()}
        seconds = {k.decode(): float(v) for k, v in client.hgetall(seconds_key).items()}
        return counts, seconds
    with _lock:
        return dict(_counts), dict(_seconds)


def reset() -> None:
    """For tests."""
    if settings.REDIS_URL:
        _redis(settings.REDIS_URL).delete(*_keys())
    with _lock:
        _counts.clear()
        _seconds.clear()
