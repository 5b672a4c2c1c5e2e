from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, register
from django.core.exceptions import ImproperlyConfigured


@register()
def keks_are_valid(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    from crypto.primitives import keks

    try:
        keks()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="haven.E001", hint="Generate a key with `manage.py generate_kek`.")]
    return []
