"""A member removes a security key, but never their last second step."""

import pytest
from django.test import Client

from accounts.models import TOTPDevice, WebAuthnCredential
from accounts.testing import UserFactory, all_audit_entries, sign_in


def _key(user, name: str = "Key") -> WebAuthnCredential:
    return WebAuthnCredential.objects.create(user=user, name=name, credential_id=f"{name}-{user.pk}", public_key="x")


@pytest.mark.django_db
def test_a_member_removes_a_security_key(client: Client):
    user = UserFactory()
    key = _key(user)
    sign_in(client, user)
    assert f"/en/accounts/security/key/{key.pk}/remove/" in client.get("/en/accounts/security/").content.decode()
    response = client.post(f"/en/accounts/security/key/{key.pk}/remove/", follow=True)
    assert b"The security key is removed." in response.content
    assert not WebAuthnCredential.objects.filter(pk=key.pk).exists()
    assert all_audit_entries().filter(action="delete", target_type="accounts.user.webauthn").exists()


@pytest.mark.django_db
def test_the_last_second_step_cannot_be_removed(client: Client):
    user = UserFactory()
    TOTPDevice.objects.filter(user=user).delete()
    key = _key(user)
    sign_in(client, user)
    response = client.post(f"/en/accounts/security/key/{key.pk}/remove/", follow=True)
    assert b"only second step" in response.content
    assert WebAuthnCredential.objects.filter(pk=key.pk).exists()


@pytest.mark.django_db
def test_nobody_removes_someone_elses_key(client: Client):
    owner, other = UserFactory(), UserFactory()
    key = _key(owner)
    sign_in(client, other)
    assert client.post(f"/en/accounts/security/key/{key.pk}/remove/").status_code == 404
    assert WebAuthnCredential.objects.filter(pk=key.pk).exists()


@pytest.mark.django_db
def test_removing_a_key_asks_to_confirm_who_you_are(client: Client):
    user = UserFactory()
    key = _key(user)
    sign_in(client, user, reauthenticated=False)
    response = client.post(f"/en/accounts/security/key/{key.pk}/remove/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm/?next=%2Fen%2Faccounts%2Fsecurity%2F"
    assert WebAuthnCredential.objects.filter(pk=key.pk).exists()


@pytest.mark.django_db
def test_confirming_with_a_key_needs_the_password_and_a_valid_key(client: Client):
    from accounts.access import REAUTH_SESSION_KEY
    from accounts.testing import TEST_PASSWORD

    user = UserFactory()
    _key(user)
    sign_in(client, user, reauthenticated=False)
    page = client.get("/en/accounts/confirm/?next=/en/accounts/security/password/").content.decode()
    assert "/en/accounts/confirm/key/?next=/en/accounts/security/password/" in page
    for data in ({"password": "wrong", "credential": "{}"}, {"password": TEST_PASSWORD, "credential": "not json"}):
        response = client.post("/en/accounts/confirm/key/?next=/en/accounts/security/password/", data, follow=True)
        assert b"was not accepted" in response.content
        assert REAUTH_SESSION_KEY not in client.session
