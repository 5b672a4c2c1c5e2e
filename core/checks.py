from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register


@register(deploy=True)
def csrf_middleware_is_installed(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Stands in for Django's security.W003, which looks for the class we extend by its exact name."""
    if "core.csrf.CsrfMiddleware" not in settings.MIDDLEWARE:
        return [
            Error(
                "core.csrf.CsrfMiddleware is not in MIDDLEWARE: forms would have no CSRF protection.", id="haven.E002"
            )
        ]
    return []
