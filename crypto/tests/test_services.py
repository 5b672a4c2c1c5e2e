import pytest
from django.core.exceptions import ImproperlyConfigured

from crypto import services
from crypto.models import DataKey
from crypto.primitives import DecryptionError, b64e, keks, new_key

AAD = b"table.column"


@pytest.mark.django_db
def test_text_round_trips_and_is_not_stored_in_clear():
    token = services.encrypt_text("meet at the station", scope="org:1", aad=AAD)
    assert "station" not in token
    assert services.decrypt_text(token, aad=AAD) == "meet at the station"


@pytest.mark.django_db
def test_each_organisation_has_its_own_data_key():
    services.encrypt_text("a", scope="org:1", aad=AAD)
    services.encrypt_text("b", scope="org:2", aad=AAD)
    assert DataKey.objects.filter(scope="org:1").count() == 1
    assert DataKey.objects.filter(scope="org:2").count() == 1
    assert DataKey.objects.get(scope="org:1").wrapped != DataKey.objects.get(scope="org:2").wrapped


@pytest.mark.django_db
def test_a_token_moved_to_another_column_does_not_decrypt():
    token = services.encrypt_text("secret", scope="org:1", aad=AAD)
    with pytest.raises(DecryptionError):
        services.decrypt_text(token, aad=b"other.column")


@pytest.mark.django_db
def test_rotating_the_kek_rewraps_data_keys_and_old_data_still_reads(settings):
    old_spec = settings.HAVEN_KEKS
    token = services.encrypt_text("before rotation", scope="org:7", aad=AAD)
    settings.HAVEN_KEKS = f"new1:{b64e(new_key())},{old_spec}"
    services.forget_cached_keys()
    assert services.decrypt_text(token, aad=AAD) == "before rotation"  # old KEK still accepted
    assert services.keks_rotate() == 1
    assert DataKey.objects.get(scope="org:7").kek_id == "new1"
    settings.HAVEN_KEKS = settings.HAVEN_KEKS.split(",")[0]  # the old KEK can now be removed
    services.forget_cached_keys()
    assert services.decrypt_text(token, aad=AAD) == "before rotation"


@pytest.mark.django_db
def test_a_missing_kek_cannot_decrypt(settings):
    token = services.encrypt_text("x", scope="org:8", aad=AAD)
    settings.HAVEN_KEKS = f"other:{b64e(new_key())}"
    services.forget_cached_keys()
    with pytest.raises(DecryptionError):
        services.decrypt_text(token, aad=AAD)


@pytest.mark.django_db
def test_a_new_data_key_encrypts_while_old_ones_still_decrypt():
    first = services.encrypt_text("one", scope="org:3", aad=AAD)
    services.data_key_create(scope="org:3")
    second = services.encrypt_text("two", scope="org:3", aad=AAD)
    assert first.split(":")[1] != second.split(":")[1]
    assert services.decrypt_text(first, aad=AAD) == "one"


@pytest.mark.django_db
def test_shredding_a_scope_makes_its_data_unreadable():
    token = services.encrypt_text("gone", scope="org:9", aad=AAD)
    services.scope_shred(scope="org:9")
    with pytest.raises(DecryptionError):
        services.decrypt_text(token, aad=AAD)


def test_bad_kek_settings_fail_loudly(settings):
    for spec in ["", "nocolon", "k1:short", f"k1:{b64e(new_key())},k1:{b64e(new_key())}"]:
        settings.HAVEN_KEKS = spec
        with pytest.raises(ImproperlyConfigured):
            keks()
