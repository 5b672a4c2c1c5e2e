"""Bad input on staff pages gets a 404 or a form error, never a 500."""

import pytest
from django.test import Client

from accounts.testing import sign_in

GARBAGE = ["abc", "", "1.5", "-1", "99999999999999999999999", "' OR 1=1 --", "\\x00"]


@pytest.mark.django_db
@pytest.mark.parametrize("value", GARBAGE)
def test_ending_a_session_with_a_bad_id_is_not_found(client: Client, trio, value):
    sign_in(client, trio.alice)
    assert client.post("/en/accounts/sessions/", {"session": value}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("value", GARBAGE)
def test_removing_a_role_with_a_bad_id_changes_nothing(client: Client, trio, value):
    sign_in(client, trio.alice)
    response = client.post("/en/accounts/org/org-a/members/remove/", {"membership": value})
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/en/accounts/org/org-a/members/abc/second-step/",
        "/en/accounts/org/org-a/members/99999999/second-step/",
        "/en/accounts/security/key/abc/remove/",
        "/en/accounts/security/key/99999999/remove/",
        "/en/accounts/set-password/!!!/bad-token/",
        "/en/accounts/set-password/MTIzNDU2Nzg5MDEyMzQ1Njc4OTA/bad-token/",
        "/en/accounts/org/Not A Slug/members/",
    ],
)
def test_bad_ids_in_addresses_are_not_found(client: Client, trio, path):
    sign_in(client, trio.alice)
    assert client.post(path).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/en/accounts/confirm/", {"password": "x" * 5000, "code": "y" * 5000}),
        ("/en/accounts/security/password/", {"password1": "a", "password2": "b"}),
        ("/en/accounts/org/org-a/members/invite/", {"email": "not an email", "role": "king", "language": "xx"}),
        ("/en/accounts/security/key/", {"name": "k" * 500, "credential": "{not json"}),
        ("/en/accounts/keepalive/", {"next": "https://evil.example/"}),
        ("/en/accounts/security/recovery-codes/", {"anything": "x"}),
    ],
)
def test_bad_form_input_is_answered_without_a_server_error(client: Client, trio, path, data):
    sign_in(client, trio.alice)
    response = client.post(path, data)
    assert response.status_code in (200, 302, 400)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["", "abc", "1" * 40, "🙂🙂🙂"])
def test_bad_codes_at_sign_in_are_form_errors(client: Client, trio, code):
    from accounts.testing import TEST_PASSWORD

    client.post("/en/accounts/sign-in/", {"email": trio.alice.email, "password": TEST_PASSWORD})
    assert client.post("/en/accounts/sign-in/code/", {"code": code}).status_code == 200
    assert client.post("/en/accounts/sign-in/recovery/", {"code": code}).status_code == 200
