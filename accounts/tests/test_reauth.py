import pytest
from django.test import Client

from accounts.testing import TEST_PASSWORD, UserFactory, current_code, sign_in


@pytest.mark.django_db
def test_sensitive_actions_ask_for_the_password_and_code_again(client: Client):
    user = UserFactory()
    sign_in(client, user, reauthenticated=False)
    response = client.get("/en/accounts/security/password/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/confirm/")
    response = client.post(response["Location"], {"password": TEST_PASSWORD, "code": current_code(user)})
    assert response["Location"] == "/en/accounts/security/password/"
    assert client.get("/en/accounts/security/password/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_password_does_not_confirm(client: Client):
    user = UserFactory()
    sign_in(client, user, reauthenticated=False)
    response = client.post(
        "/en/accounts/confirm/?next=/en/accounts/security/password/", {"password": "wrong", "code": current_code(user)}
    )
    assert response.status_code == 200
    assert client.get("/en/accounts/security/password/").status_code == 302


@pytest.mark.django_db
def test_changing_the_password_ends_other_sessions(client: Client):
    user = UserFactory()
    other = Client()
    sign_in(other, user)
    sign_in(client, user)
    response = client.post(
        "/en/accounts/security/password/",
        {"password1": "a brand new long passphrase", "password2": "a brand new long passphrase"},
    )
    assert response.status_code == 302
    assert client.get("/en/accounts/").status_code == 200
    assert other.get("/en/accounts/").status_code == 302
    user.refresh_from_db()
    assert user.check_password("a brand new long passphrase")


@pytest.mark.django_db
def test_a_weak_password_is_refused_and_nothing_changes(client: Client):
    user = UserFactory()
    sign_in(client, user)
    response = client.post("/en/accounts/security/password/", {"password1": "short", "password2": "short"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(TEST_PASSWORD)
