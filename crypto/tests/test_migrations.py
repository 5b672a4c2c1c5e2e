"""The migration that binds field values to their rows re-seals every hv1 value as hv2."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from accounts.models import TOTPDevice
from accounts.testing import UserFactory
from crypto import services
from crypto.primitives import seal

reseal_migration = importlib.import_module("crypto.migrations.0003_bind_field_values_to_their_rows")


@pytest.mark.django_db
def test_old_values_are_resealed_and_still_read():
    device = TOTPDevice.objects.create(user=UserFactory(), secret="placeholder")
    key = services.active_data_key("platform")
    legacy = f"hv1:{key.pk}:" + seal(services._unwrapped(key), b"OLDSECRET", b"accounts_totpdevice.secret|platform")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_totpdevice SET secret = %s WHERE id = %s", [legacy, device.pk])
    reseal_migration.reseal(apps, SimpleNamespace(connection=connection))
    (token,) = TOTPDevice.objects.filter(pk=device.pk).values_list("secret", flat=True)
    assert token.token.startswith("hv2:")
    assert TOTPDevice.objects.get(pk=device.pk).secret == "OLDSECRET"
