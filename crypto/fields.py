"""A model field whose value is encrypted before it reaches the database, bound to its place.

The associated data of every value names its table, column, the row's primary key and its scope (whose
data key encrypts). A ciphertext copied to another row, column or organisation therefore does not
decrypt. The scope is the one the row *should* have, worked out from the row itself when it is read:
``encryption_scope()`` if the model defines it, ``org:<organisation_id>`` if it has an organisation,
else ``platform``.

Values are decrypted on first access (``instance.field``), not when loaded, because only then is the
whole row known. ``values()`` and ``values_list()`` give :class:`Sealed` objects, never plaintext.
Only ``save()`` encrypts (afresh, for the row's current scope): ``QuerySet.update()`` with plaintext is
refused. To move a row to another organisation, read its encrypted values first, then change the
organisation and save; a value never read is checked against the new scope and refused.

The primary key must exist before the value is encrypted: use a UUID primary key with a default, or
inherit :class:`EncryptedFieldsMixin`, which inserts the row first and seals its values right after,
in the same transaction. A system check (``haven.E003``) enforces one or the other.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.db.models.query_utils import DeferredAttribute

from crypto import services


def scope_for(instance: models.Model) -> str:
    scope_method = getattr(instance, "encryption_scope", None)
    if callable(scope_method):
        return str(scope_method())
    organisation_id = getattr(instance, "organisation_id", None)
    if organisation_id is not None:
        return f"org:{organisation_id}"
    return "platform"


class Sealed:
    """A ciphertext as loaded from the database, not yet decrypted (it needs its row to be checked)."""

    __slots__ = ("token",)

    def __init__(self, token: str) -> None:
        self.token = token

    def __repr__(self) -> str:
        return "<Sealed>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sealed) and other.token == self.token

    def __hash__(self) -> int:
        return hash(self.token)


class SealedAttribute(DeferredAttribute):
    """Decrypts the loaded ciphertext on first access, checking it against the row it sits in."""

    def __get__(self, instance: models.Model | None, cls: Any = None) -> Any:
        if instance is None:
            return self
        value = super().__get__(instance, cls)
        if isinstance(value, Sealed):
            field: EncryptedTextField = self.field  # type: ignore[assignment]
            value = services.decrypt_text(
                value.token, scope=scope_for(instance), aad=field.associated_data(instance, scope_for(instance))
            )
            instance.__dict__[field.attname] = value
        return value

    def __set__(self, instance: models.Model, value: Any) -> None:
        # A data descriptor, so that reads always pass through __get__ (and decrypt) first.
        instance.__dict__[self.field.attname] = value


class EncryptedTextField(models.TextField):
    description = "Text encrypted at rest with the scope's data key, bound to its row"
    descriptor_class = SealedAttribute

    def associated_data(self, instance: models.Model, scope: str) -> bytes:
        return services.field_aad(table=self.model._meta.db_table, column=self.column, pk=instance.pk, scope=scope)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)  # decrypts a loaded value, so it is sealed afresh
        if value is None or value == "":
            return value
        if model_instance.pk is None:
            raise ValueError(
                f"{self.model._meta.label}.{self.name}: the row needs its primary key before its value is "
                "encrypted; give the model a UUID primary key or inherit crypto.fields.EncryptedFieldsMixin"
            )
        scope = scope_for(model_instance)
        return services.encrypt_text(str(value), scope=scope, aad=self.associated_data(model_instance, scope))

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, Sealed):
            value = value.token
        value = super().get_prep_value(value)
        if value not in (None, "") and not services.is_token(value):
            raise ValueError(f"{self.name}: plaintext would be stored unencrypted; assign and save() instead")
        return value

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return Sealed(value)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, Sealed):
            return value
        return super().to_python(value)


def encrypted_fields(model: type[models.Model]) -> list[EncryptedTextField]:
    return [field for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)]


class EncryptedFieldsMixin:
    """For models with an auto-increment primary key: insert first, then seal the values with the new key."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        instance: models.Model = self  # type: ignore[assignment]
        fields = encrypted_fields(type(instance))
        pending = {field.attname: instance.__dict__.get(field.attname) for field in fields}
        pending = {name: value for name, value in pending.items() if value not in (None, "")}
        if instance.pk is not None or not pending:
            super().save(*args, **kwargs)  # type: ignore[misc]
            return
        using = kwargs.get("using") or instance._state.db
        with transaction.atomic(using=using):
            for name in pending:
                instance.__dict__[name] = ""
            try:
                super().save(*args, **kwargs)  # type: ignore[misc]
            finally:
                instance.__dict__.update(pending)
            super().save(using=using, update_fields=list(pending))  # type: ignore[misc]
