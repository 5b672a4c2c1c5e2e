from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(deploy=True)
def several_workers_share_one_cache(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Rate limits and the daily client key live in the cache: every web process must see the same one."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.HAVEN_WEB_WORKERS > 1 and backend in PER_PROCESS_CACHES:
        return [
            Error(
                f"HAVEN_WEB_WORKERS is {settings.HAVEN_WEB_WORKERS} but the cache ({backend}) belongs to one "
                "process: each worker would count rate limits on its own.",
                hint="Set REDIS_URL, or run one worker (HAVEN_WEB_WORKERS=1).",
                id="haven.E002",
            )
        ]
    return []
