import threading

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, connection, transaction

from crypto import services
from crypto.models import DataKey, ShredRecord
from crypto.primitives import DecryptionError, b64e, keks, new_key, seal

AAD = b"table.column"


@pytest.mark.django_db
def test_text_round_trips_and_is_not_stored_in_clear():
    token = services.encrypt_text("meet at the station", scope="org:1", aad=AAD)
    assert "station" not in token
    assert services.decrypt_text(token, scope="org:1", aad=AAD) == "meet at the station"


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
        services.decrypt_text(token, scope="org:1", aad=b"other.column")


@pytest.mark.django_db
def test_a_token_of_another_scope_is_refused_even_when_its_key_exists():
    token = services.encrypt_text("secret", scope="org:1", aad=AAD)
    with pytest.raises(DecryptionError, match="another scope"):
        services.decrypt_text(token, scope="org:2", aad=AAD)


def test_field_associated_data_names_table_column_row_and_scope():
    aad = services.field_aad(table="t", column="c", pk=7, scope="org:3")
    assert aad.split(b"\x1f") == [b"haven-field", b"t", b"c", b"7", b"org:3"]
    with pytest.raises(ValueError, match="primary key"):
        services.field_aad(table="t", column="c", pk=None, scope="org:3")


@pytest.mark.django_db
def test_rotating_the_kek_rewraps_data_keys_and_old_data_still_reads(settings):
    old_spec = settings.HAVEN_KEKS
    token = services.encrypt_text("before rotation", scope="org:7", aad=AAD)
    settings.HAVEN_KEKS = f"new1:{b64e(new_key())},{old_spec}"
    services.forget_cached_keys()
    assert services.decrypt_text(token, scope="org:7", aad=AAD) == "before rotation"  # old KEK still accepted
    assert services.keks_rotate() == 1
    assert DataKey.objects.get(scope="org:7").kek_id == "new1"
    settings.HAVEN_KEKS = settings.HAVEN_KEKS.split(",")[0]  # the old KEK can now be removed
    services.forget_cached_keys()
    assert services.decrypt_text(token, scope="org:7", aad=AAD) == "before rotation"


@pytest.mark.django_db
def test_a_missing_kek_cannot_decrypt(settings):
    token = services.encrypt_text("x", scope="org:8", aad=AAD)
    settings.HAVEN_KEKS = f"other:{b64e(new_key())}"
    services.forget_cached_keys()
    with pytest.raises(DecryptionError):
        services.decrypt_text(token, scope="org:8", aad=AAD)


@pytest.mark.django_db
def test_a_new_data_key_encrypts_while_old_ones_still_decrypt():
    first = services.encrypt_text("one", scope="org:3", aad=AAD)
    services.data_key_create(scope="org:3")
    second = services.encrypt_text("two", scope="org:3", aad=AAD)
    assert first.split(":")[1] != second.split(":")[1]
    assert services.decrypt_text(first, scope="org:3", aad=AAD) == "one"
    assert DataKey.objects.filter(scope="org:3", active=True).count() == 1


@pytest.mark.django_db
def test_the_database_allows_one_active_data_key_per_scope():
    services.active_data_key("org:4")
    with pytest.raises(IntegrityError), transaction.atomic():
        DataKey.objects.create(scope="org:4", kek_id="x", wrapped="y", active=True)
    DataKey.objects.create(scope="org:4", kek_id="x", wrapped="y", active=False)  # inactive ones are fine


@pytest.mark.django_db
def test_a_first_use_that_loses_the_race_takes_the_winners_key(monkeypatch):
    winner = services.active_data_key("org:5")
    real_find = services._find_active
    calls = []

    def find_too_early(scope: str):  # the first look happened before the other writer committed
        calls.append(scope)
        return None if len(calls) == 1 else real_find(scope)

    monkeypatch.setattr(services, "_find_active", find_too_early)
    assert services.active_data_key("org:5") == winner
    assert DataKey.objects.filter(scope="org:5").count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_first_uses_share_one_key():
    barrier = threading.Barrier(4)
    tokens: list[str] = []
    errors: list[Exception] = []

    def first_use(n: int) -> None:
        try:
            barrier.wait()
            tokens.append(services.encrypt_text(f"value {n}", scope="org:77", aad=AAD))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=first_use, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert DataKey.objects.filter(scope="org:77").count() == 1
    assert sorted(services.decrypt_text(t, scope="org:77", aad=AAD) for t in tokens) == [f"value {n}" for n in range(4)]


@pytest.mark.django_db
def test_shredding_a_scope_makes_its_data_unreadable_and_leaves_a_record():
    token = services.encrypt_text("gone", scope="org:9", aad=AAD)
    record = services.scope_shred(scope="org:9", reason="offboarding")
    with pytest.raises(DecryptionError):
        services.decrypt_text(token, scope="org:9", aad=AAD)
    assert not DataKey.objects.filter(scope="org:9").exists()
    assert ShredRecord.objects.get(pk=record.pk).data_keys == 1


@pytest.mark.django_db
def test_old_format_values_are_only_read_by_the_migration():
    key = services.active_data_key("platform")
    legacy = f"hv1:{key.pk}:" + seal(services._unwrapped(key), b"old", AAD + b"|platform")
    assert services.decrypt_legacy(legacy, aad=AAD) == ("old", "platform")
    with pytest.raises(DecryptionError):
        services.decrypt_text(legacy, scope="platform", aad=AAD)


def test_bad_kek_settings_fail_loudly(settings):
    for spec in ["", "nocolon", "k1:short", f"k1:{b64e(new_key())},k1:{b64e(new_key())}"]:
        settings.HAVEN_KEKS = spec
        with pytest.raises(ImproperlyConfigured):
            keks()
