"""Recovery codes: shown once, hashed at rest, single use, and a way back in after a lost phone."""

import re

import pytest
from django.core import mail
from django.test import Client

from accounts import services
from accounts.models import RecoveryCode, StaffSession
from accounts.testing import TEST_PASSWORD, UserFactory, all_audit_entries, sign_in

LOGIN = "/en/accounts/sign-in/"
RECOVERY = "/en/accounts/sign-in/recovery/"
CODES = "/en/accounts/security/recovery-codes/"


def _password_step(client: Client, email: str) -> None:
    client.post(LOGIN, {"email": email, "password": TEST_PASSWORD})


@pytest.mark.django_db
def test_codes_are_shown_once_and_only_their_hashes_are_stored(client: Client):
    user = UserFactory()
    sign_in(client, user)
    response = client.post(CODES)
    codes = re.findall(r"<code>([a-z0-9-]{19})</code>", response.content.decode())
    assert len(codes) == services.RECOVERY_CODE_COUNT == len(set(codes))
    stored = list(RecoveryCode.objects.filter(user=user).values_list("code_hash", flat=True))
    assert len(stored) == 10
    for code in codes:
        assert all(code not in value and code.replace("-", "") not in value for value in stored)
    page = client.get(CODES).content.decode()
    assert "10 unused recovery codes" in page
    assert not any(code in page for code in codes)  # never shown again
    assert all_audit_entries().filter(actor_id=user.pk, target_type="accounts.user.recovery-codes").exists()


@pytest.mark.django_db
def test_new_codes_replace_the_old_ones():
    user = UserFactory()
    old = services.recovery_codes_create(user=user)
    new = services.recovery_codes_create(user=user)
    assert not services.recovery_code_use(user=user, code=old[0])
    assert services.recovery_code_use(user=user, code=new[0])


@pytest.mark.django_db
def test_a_recovery_code_signs_in_once_and_the_member_is_told_by_email(client: Client):
    user = UserFactory(language="nl")
    codes = services.recovery_codes_create(user=user)
    _password_step(client, user.email)
    response = client.post(RECOVERY, {"code": codes[3].upper().replace("-", " ")})
    assert response.status_code == 302 and response["Location"] == "/en/accounts/security/"
    assert client.get("/en/accounts/").status_code == 200
    assert StaffSession.objects.filter(user=user, ended_at__isnull=True).count() == 1
    assert services.recovery_codes_left(user=user) == 9
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    assert "herstelcode" in mail.outbox[0].subject  # in the member's language
    assert all_audit_entries().filter(actor_id=user.pk, target_type="accounts.user.recovery-code").count() == 1

    other = Client()
    _password_step(other, user.email)
    again = other.post(RECOVERY, {"code": codes[3]})
    assert again.status_code == 200 and b"already used" in again.content
    assert other.get("/en/accounts/").status_code == 302


@pytest.mark.django_db
def test_a_recovery_code_needs_the_password_first(client: Client):
    user = UserFactory()
    codes = services.recovery_codes_create(user=user)
    response = client.post(RECOVERY, {"code": codes[0]})
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert services.recovery_codes_left(user=user) == 10


@pytest.mark.django_db
def test_a_code_of_someone_else_does_not_work(client: Client):
    owner, other = UserFactory(), UserFactory()
    codes = services.recovery_codes_create(user=owner)
    services.recovery_codes_create(user=other)
    _password_step(client, other.email)
    response = client.post(RECOVERY, {"code": codes[0]})
    assert response.status_code == 200 and b"not right" in response.content
    assert services.recovery_codes_left(user=owner) == 10


@pytest.mark.django_db
def test_after_a_first_authenticator_set_up_the_member_is_asked_to_create_codes(client: Client):
    import pyotp

    from accounts.models import TOTPDevice

    user = UserFactory()
    TOTPDevice.objects.filter(user=user).delete()
    _password_step(client, user.email)
    client.get("/en/accounts/sign-in/authenticator/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/en/accounts/sign-in/authenticator/", {"code": pyotp.TOTP(device.secret).now()})
    assert response.status_code == 302 and response["Location"] == CODES
    assert b"no recovery codes yet" in client.get(CODES).content


@pytest.mark.django_db
def test_re_authentication_accepts_a_recovery_code(client: Client):
    user = UserFactory()
    codes = services.recovery_codes_create(user=user)
    sign_in(client, user, reauthenticated=False)
    response = client.post(
        "/en/accounts/confirm/?next=/en/accounts/security/", {"password": TEST_PASSWORD, "code": codes[0]}
    )
    assert response.status_code == 302 and response["Location"] == "/en/accounts/security/"
    assert services.recovery_codes_left(user=user) == 9


@pytest.mark.django_db
def test_the_home_page_warns_a_member_without_recovery_codes(client: Client):
    user = UserFactory()
    sign_in(client, user)
    assert b"You have no recovery codes" in client.get("/en/accounts/").content
    services.recovery_codes_create(user=user)
    assert b"You have no recovery codes" not in client.get("/en/accounts/").content
