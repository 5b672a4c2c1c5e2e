"""Key rotation while Haven serves (docs/deployment.md): the steps in order keep every value readable,
and a rotation that meets a concurrent shred or a second rotation neither fails nor resurrects a key.
The same steps run against the live stack in test_stack.py::test_key_rotation_while_the_stack_serves."""

import io

import pytest
from django.core.management import call_command

from crypto import services
from crypto.models import DataKey
from crypto.primitives import b64e, new_key

AAD = b"rotation-test"


@pytest.mark.django_db
def test_the_documented_order_keeps_every_value_readable(settings):
    old = settings.HAVEN_KEKS
    new = f"next1:{b64e(new_key())}"
    tokens = {scope: services.encrypt_text(f"value of {scope}", scope=scope, aad=AAD) for scope in ("org:1", "org:2")}

    def readable() -> bool:
        services.forget_cached_keys()  # as a freshly reloaded worker
        return all(services.decrypt_text(t, scope=s, aad=AAD) == f"value of {s}" for s, t in tokens.items())

    settings.HAVEN_KEKS = f"{old},{new}"  # 1. add the new KEK second, reload
    assert readable()
    settings.HAVEN_KEKS = f"{new},{old}"  # 2. make it first, reload: new data keys use it
    assert readable()
    fresh = services.encrypt_text("after promotion", scope="org:3", aad=AAD)
    out = io.StringIO()
    call_command("rotate_keks", stdout=out)  # 3. re-wrap
    assert "2 data key(s) re-wrapped under next1" in out.getvalue()
    assert set(DataKey.objects.values_list("kek_id", flat=True)) == {"next1"}
    settings.HAVEN_KEKS = new  # 5. retire the old KEK, reload
    assert readable()
    assert services.decrypt_text(fresh, scope="org:3", aad=AAD) == "after promotion"


@pytest.mark.django_db
def test_a_key_shredded_during_the_rotation_stays_shredded(settings, monkeypatch):
    services.encrypt_text("a", scope="org:5", aad=AAD)
    services.encrypt_text("b", scope="org:6", aad=AAD)
    settings.HAVEN_KEKS = f"next2:{b64e(new_key())},{settings.HAVEN_KEKS}"
    real_unwrap = services.unwrap_key

    def unwrap_then_shred(kek_id: str, token: str, aad: bytes) -> bytes:
        key = real_unwrap(kek_id, token, aad)
        if aad.endswith(b"org:5"):
            services.scope_shred(scope="org:5", reason="test")  # an offboarding, at the same moment
        return key

    monkeypatch.setattr(services, "unwrap_key", unwrap_then_shred)
    assert services.keks_rotate() == 1
    assert not DataKey.objects.filter(scope="org:5").exists()
    assert DataKey.objects.get(scope="org:6").kek_id == "next2"
    assert services.keks_rotate() == 0  # nothing left to do, and a second run is harmless
