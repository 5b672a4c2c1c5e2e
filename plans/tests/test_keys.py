import pytest

from crypto.primitives import DecryptionError, new_key
from plans import keys


@pytest.mark.real_kdf
def test_the_chosen_parameters_meet_owasp_minimum():
    assert keys.current_params().at_least(keys.OWASP_MINIMUM)
    assert keys.KDF.parallelism == 1
    assert keys.KDF.memory_kib >= 19 * 1024 and keys.KDF.time_cost >= 2


def test_parameters_round_trip_through_their_text_form():
    params = keys.KdfParams(time_cost=3, memory_kib=65536, parallelism=1)
    assert keys.KdfParams.decode(params.encode()) == params
    with pytest.raises(ValueError):
        keys.KdfParams.decode("scrypt:n=1")


def test_the_same_secret_and_salt_give_the_same_key_and_another_salt_another():
    params = keys.KdfParams(time_cost=1, memory_kib=64)
    salt = keys.new_salt()
    first = keys.derive_key("lamp river", salt, params)
    assert first == keys.derive_key("lamp river", salt, params)
    assert first != keys.derive_key("lamp river", keys.new_salt(), params)
    assert len(first) == 32


def test_pseudonyms_ignore_case_and_spacing_but_not_letters():
    assert keys.normalize_pseudonym("  Blue   HERON ") == "blue heron"
    assert keys.pseudonym_lookup("Blue Heron") == keys.pseudonym_lookup("blue  heron")
    assert keys.pseudonym_lookup("Blue Heron") != keys.pseudonym_lookup("Blue Herons")
    assert "heron" not in keys.pseudonym_lookup("Blue Heron")


def test_the_pseudonym_lookup_depends_on_the_secret_key(settings):
    before = keys.pseudonym_lookup("Blue Heron")
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "another-secret-key-" + "x" * 50
    assert keys.pseudonym_lookup("Blue Heron") != before
    assert keys.pseudonym_lookups("Blue Heron")[1] == before


def test_codes_are_long_random_and_forgiving_to_type():
    code = keys.new_code(keys.RECOVERY_CODE_GROUPS)
    assert len(code.replace("-", "")) == 24
    assert code != keys.new_code(keys.RECOVERY_CODE_GROUPS)
    typed = code.lower().replace("-", " ")
    assert keys.normalize_code(typed, keys.RECOVERY_CODE_GROUPS) == code
    assert keys.normalize_code("oooo-iiii-llll-uuuu-0000", keys.SHARE_CODE_GROUPS) == "0000-1111-1111-VVVV-0000"
    assert keys.normalize_code("too short", keys.SHARE_CODE_GROUPS) == ""
    assert keys.normalize_code("!!!!", keys.SHARE_CODE_GROUPS) == ""


def test_sealed_json_is_padded_and_bound_to_its_place():
    key = new_key()
    short = keys.seal_json(key, {"a": "x"}, b"here")
    longer = keys.seal_json(key, {"a": "x" * 100}, b"here")
    assert len(short) == len(longer)  # both fit in one padded block
    assert keys.unseal_json(key, short, b"here") == {"a": "x"}
    with pytest.raises(DecryptionError):
        keys.unseal_json(key, short, b"elsewhere")
    with pytest.raises(DecryptionError):
        keys.unseal_json(new_key(), short, b"here")
