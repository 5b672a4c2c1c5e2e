"""Encrypted fields: marker text never reaches the raw database, and a ciphertext only opens in its own row."""

import pytest
from django.core import checks
from django.db import connection, models
from django.test.utils import isolate_apps

from accounts.models import TOTPDevice
from accounts.testing import UserFactory
from core.scopes import all_organisations
from core.testing import raw_database_dump
from crypto.checks import encrypted_rows_know_their_key
from crypto.fields import EncryptedTextField, Sealed
from crypto.primitives import DecryptionError

MARKER = "MARKERTEXTQWERTYZXCV"


@pytest.mark.django_db(transaction=True)
def test_marker_text_is_not_in_the_raw_database():
    user = UserFactory()
    device = TOTPDevice.objects.create(user=user, secret=MARKER)
    assert TOTPDevice.objects.get(pk=device.pk).secret == MARKER  # reads back in clear
    dump = raw_database_dump()
    assert MARKER.encode() not in dump
    assert b"hv2:" in dump  # the ciphertext is there instead


@pytest.mark.django_db
def test_plaintext_cannot_be_smuggled_in_through_update():
    user = UserFactory()
    with pytest.raises(ValueError, match="unencrypted"):
        TOTPDevice.objects.filter(user=user).update(secret="plain text")


def _copy_secret(source: TOTPDevice, target: TOTPDevice) -> None:
    """What someone with write access to the database could do: move a ciphertext to another row."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM accounts_totpdevice WHERE id = %s", [source.pk])
        (token,) = cursor.fetchone()
        cursor.execute("UPDATE accounts_totpdevice SET secret = %s WHERE id = %s", [token, target.pk])


@pytest.mark.django_db
def test_a_ciphertext_swapped_into_another_row_does_not_decrypt():
    first = TOTPDevice.objects.create(user=UserFactory(), secret="FIRSTSECRET")
    second = TOTPDevice.objects.create(user=UserFactory(), secret="SECONDSECRET")
    _copy_secret(first, second)
    assert TOTPDevice.objects.get(pk=first.pk).secret == "FIRSTSECRET"
    with pytest.raises(DecryptionError):
        _ = TOTPDevice.objects.get(pk=second.pk).secret


@pytest.fixture
def scoped_by_organisation(monkeypatch, trio):
    """Make the TOTP secret an organisation's data, as case files will be: scope from the owner's organisation."""

    def encryption_scope(device: TOTPDevice) -> str:
        with all_organisations(reason="tests: the owner's first organisation"):
            return f"org:{device.user.memberships.order_by('organisation_id').first().organisation_id}"

    monkeypatch.setattr(TOTPDevice, "encryption_scope", encryption_scope)
    TOTPDevice.objects.all().delete()
    return trio


@pytest.mark.django_db
def test_a_ciphertext_swapped_into_another_organisation_does_not_decrypt(scoped_by_organisation):
    trio = scoped_by_organisation
    alices = TOTPDevice.objects.create(user=trio.alice, secret="ALICESECRET")
    charlies = TOTPDevice.objects.create(user=trio.charlie, secret="CHARLIESECRET")
    assert TOTPDevice.objects.get(pk=alices.pk).secret == "ALICESECRET"
    _copy_secret(alices, charlies)
    with pytest.raises(DecryptionError, match="another scope"):
        _ = TOTPDevice.objects.get(pk=charlies.pk).secret


@pytest.mark.django_db
def test_a_row_moved_to_another_organisation_no_longer_decrypts(scoped_by_organisation):
    trio = scoped_by_organisation
    device = TOTPDevice.objects.create(user=trio.alice, secret="ALICESECRET")
    # Only the row's owner changes (as an attacker editing the user column would): the scope it should have
    # is now organisation B's, and organisation A's ciphertext does not open there.
    TOTPDevice.objects.filter(pk=device.pk).update(user=trio.charlie)
    with pytest.raises(DecryptionError):
        _ = TOTPDevice.objects.get(pk=device.pk).secret


@pytest.mark.django_db
def test_values_list_gives_sealed_values_never_plaintext():
    device = TOTPDevice.objects.create(user=UserFactory(), secret="HIDDEN")
    (value,) = TOTPDevice.objects.filter(pk=device.pk).values_list("secret", flat=True)
    assert isinstance(value, Sealed) and "HIDDEN" not in repr(value)


@pytest.mark.django_db
def test_saving_again_reseals_and_still_reads():
    device = TOTPDevice.objects.create(user=UserFactory(), secret="AGAIN")
    loaded = TOTPDevice.objects.get(pk=device.pk)
    loaded.confirmed = True
    loaded.save()
    assert TOTPDevice.objects.get(pk=device.pk).secret == "AGAIN"


def test_a_model_whose_key_comes_after_the_insert_must_use_the_mixin(monkeypatch):
    with isolate_apps("crypto"):

        class Loose(models.Model):  # noqa: DJ008
            secret = EncryptedTextField()

            class Meta:
                app_label = "crypto"

    monkeypatch.setattr("crypto.checks.apps.get_models", lambda: [TOTPDevice, Loose])
    errors = encrypted_rows_know_their_key()
    assert [error.id for error in errors] == ["haven.E003"]
    assert "crypto.Loose" in errors[0].msg
    assert all(isinstance(error, checks.Error) for error in errors)


@pytest.mark.django_db
def test_a_row_moved_on_purpose_is_sealed_again_for_its_new_organisation(scoped_by_organisation):
    trio = scoped_by_organisation
    device = TOTPDevice.objects.create(user=trio.alice, secret="MOVING")
    loaded = TOTPDevice.objects.get(pk=device.pk)
    assert loaded.secret == "MOVING"  # read first, then move
    loaded.user = trio.charlie
    loaded.save()
    assert TOTPDevice.objects.get(pk=device.pk).secret == "MOVING"
