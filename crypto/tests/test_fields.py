"""Encrypted fields: marker text written through one never appears in the raw database."""

import pytest

from accounts.models import TOTPDevice
from accounts.testing import UserFactory
from core.testing import raw_database_dump

MARKER = "MARKERTEXTQWERTYZXCV"


@pytest.mark.django_db(transaction=True)
def test_marker_text_is_not_in_the_raw_database():
    user = UserFactory()
    device = TOTPDevice.objects.create(user=user, secret=MARKER)
    assert TOTPDevice.objects.get(pk=device.pk).secret == MARKER  # reads back in clear
    dump = raw_database_dump()
    assert MARKER.encode() not in dump
    assert b"hv1:" in dump  # the ciphertext is there instead


@pytest.mark.django_db
def test_plaintext_cannot_be_smuggled_in_through_update():
    user = UserFactory()
    with pytest.raises(ValueError, match="unencrypted"):
        TOTPDevice.objects.filter(user=user).update(secret="plain text")
