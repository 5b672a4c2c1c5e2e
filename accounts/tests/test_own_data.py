import pytest
from django.test import Client

from accounts.models import Membership, StaffSession, TOTPDevice, User
from accounts.testing import sign_in
from core.scopes import all_organisations


@pytest.mark.django_db
def test_staff_download_their_own_data_without_secrets(client: Client, trio):
    sign_in(client, trio.bob)
    response = client.get("/en/accounts/security/my-data/")
    assert response.status_code == 200
    data = response.json()
    assert data["email"] == "bob@example.org"
    assert data["memberships"] == [
        {"organisation": "Organisation A", "role": "caseworker", "since": data["memberships"][0]["since"]}
    ]
    secret = TOTPDevice.objects.get(user=trio.bob).secret
    assert secret not in response.content.decode()


@pytest.mark.django_db
def test_staff_delete_their_own_account_and_nothing_of_it_remains(client: Client, trio):
    sign_in(client, trio.bob)
    response = client.post("/en/accounts/security/delete/", {"confirm": "delete"})
    assert response.status_code == 302
    assert not User.objects.filter(email="bob@example.org").exists()
    with all_organisations(reason="a test checks that no membership of the deleted account remains"):
        assert not Membership.objects.filter(user_id=trio.bob.pk).exists()
    assert not StaffSession.objects.filter(user_id=trio.bob.pk).exists()
    assert not TOTPDevice.objects.filter(user_id=trio.bob.pk).exists()


@pytest.mark.django_db
def test_the_last_admin_cannot_delete_themselves(client: Client, trio):
    sign_in(client, trio.alice)
    response = client.post("/en/accounts/security/delete/", {"confirm": "delete"})
    assert response.status_code == 200
    assert b"last admin" in response.content
    assert User.objects.filter(pk=trio.alice.pk).exists()
