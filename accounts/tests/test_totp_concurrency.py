"""Two simultaneous uses of one authenticator code: exactly one succeeds (real threads, real transactions)."""

import threading

import pyotp
import pytest
from django.db import connection

from accounts import services
from accounts.models import RecoveryCode, TOTPDevice
from accounts.testing import UserFactory


def _race(attempt) -> list[bool]:  # type: ignore[no-untyped-def]
    barrier = threading.Barrier(2)
    results: list[bool] = []
    errors: list[Exception] = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(attempt())
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True)
def test_one_code_used_twice_at_the_same_moment_signs_in_only_once(monkeypatch):
    # Both requests have read the device and checked the code before either writes: the worst interleaving.
    both_checked = threading.Barrier(2)
    compare = pyotp.utils.strings_equal

    def compare_then_wait(a: str, b: str) -> bool:
        equal = compare(a, b)
        if equal:
            both_checked.wait(timeout=10)
        return equal

    monkeypatch.setattr(pyotp.utils, "strings_equal", compare_then_wait)
    user = UserFactory()
    device = TOTPDevice.objects.get(user=user)
    code = pyotp.TOTP(device.secret).now()
    results = _race(lambda: services.totp_verify(user=user, code=code))
    assert sorted(results) == [False, True]
    assert TOTPDevice.objects.get(pk=device.pk).last_used_step > 0


@pytest.mark.django_db(transaction=True)
def test_one_recovery_code_used_twice_at_the_same_moment_works_only_once():
    user = UserFactory()
    code = services.recovery_codes_create(user=user)[0]
    results = _race(lambda: services.recovery_code_use(user=user, code=code))
    assert sorted(results) == [False, True]
    assert RecoveryCode.objects.filter(user=user, used_at__isnull=False).count() == 1
