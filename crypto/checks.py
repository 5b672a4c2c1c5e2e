from __future__ import annotations

from typing import Any

from django.apps import apps
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


@register()
def encrypted_rows_know_their_key(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """A value is bound to its row's primary key, so the key must exist before the value is sealed."""
    from crypto.fields import EncryptedFieldsMixin, encrypted_fields

    errors: list[CheckMessage] = []
    for model in apps.get_models():
        if not encrypted_fields(model):
            continue
        if issubclass(model, EncryptedFieldsMixin) or model._meta.pk.has_default():
            continue
        errors.append(
            Error(
                f"{model._meta.label} has encrypted fields but its primary key is only known after the insert.",
                id="haven.E003",
                hint="Give it a UUID primary key with a default, or inherit crypto.fields.EncryptedFieldsMixin.",
            )
        )
    return errors
