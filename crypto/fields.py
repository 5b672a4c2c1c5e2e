"""A model field whose value is encrypted before it reaches the database.

The scope (whose data key encrypts) comes from the instance: ``encryption_scope()`` if the model
defines it, ``org:<organisation_id>`` if it has an organisation, else ``platform``. Values are
decrypted when loaded. Only ``save()`` encrypts: ``QuerySet.update()`` with plaintext is refused.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from crypto import services


def scope_for(instance: models.Model) -> str:
    scope_method = getattr(instance, "encryption_scope", None)
    if callable(scope_method):
        return str(scope_method())
    organisation_id = getattr(instance, "organisation_id", None)
    if organisation_id is not None:
        return f"org:{organisation_id}"
    return "platform"


class EncryptedTextField(models.TextField):
    description = "Text encrypted at rest with the scope's data key"

    def _aad(self) -> bytes:
        return f"{self.model._meta.db_table}.{self.column}".encode()

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if value is None or value == "":
            return value
        return services.encrypt_text(str(value), scope=scope_for(model_instance), aad=self._aad())

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value not in (None, "") and not services.is_token(value):
            raise ValueError(f"{self.name}: plaintext would be stored unencrypted; assign and save() instead")
        return value

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return services.decrypt_text(value, aad=self._aad())
