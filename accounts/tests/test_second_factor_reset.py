"""An organisation admin resets a member's lost second step: re-authenticated, audited, and the member told."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from accounts import services
from accounts.models import RecoveryCode, Role, StaffSession, TOTPDevice, WebAuthnCredential
from accounts.testing import TEST_PASSWORD, MembershipFactory, UserFactory, all_audit_entries, all_memberships, sign_in


def _reset_url(org: str, user_id: int) -> str:
    return f"/en/accounts/org/{org}/members/{user_id}/second-step/"


def _key(user) -> WebAuthnCredential:
    return WebAuthnCredential.objects.create(user=user, name="Key", credential_id=f"id-{user.pk}", public_key="x")


@pytest.mark.django_db
def test_the_admin_resets_a_members_second_step(client: Client, trio):
    trio.bob.language = "fr"
    trio.bob.save()
    _key(trio.bob)
    services.recovery_codes_create(user=trio.bob)
    bobs_session = StaffSession.objects.create(user=trio.bob)
    sign_in(client, trio.alice)
    assert client.get(_reset_url("org-a", trio.bob.pk)).status_code == 200
    response = client.post(_reset_url("org-a", trio.bob.pk))
    assert response.status_code == 302 and response["Location"] == "/en/accounts/org/org-a/members/"
    assert not TOTPDevice.objects.filter(user=trio.bob).exists()
    assert not WebAuthnCredential.objects.filter(user=trio.bob).exists()
    assert not RecoveryCode.objects.filter(user=trio.bob).exists()
    bobs_session.refresh_from_db()
    assert bobs_session.end_reason == "second-factor-reset"
    entry = all_audit_entries().get(target_type="accounts.user.second-factor-reset")
    assert entry.actor_id == trio.alice.pk and entry.target_id == str(trio.bob.pk)
    assert entry.organisation_id == trio.org_a.pk
    assert [m.to for m in mail.outbox] == [[trio.bob.email]]
    assert "réinitialis" in mail.outbox[0].subject  # in Bob's language
    assert "Alice" in mail.outbox[0].body


@pytest.mark.django_db
def test_after_a_reset_the_member_sets_up_a_new_authenticator_at_sign_in(client: Client, trio):
    services.second_factor_reset(actor=trio.alice, organisation=trio.org_a, member=trio.bob, base_url="")
    response = client.post("/en/accounts/sign-in/", {"email": trio.bob.email, "password": TEST_PASSWORD})
    assert response["Location"] == "/en/accounts/sign-in/authenticator/"


@pytest.mark.django_db
def test_the_reset_asks_the_admin_to_confirm_who_they_are(client: Client, trio):
    sign_in(client, trio.alice, reauthenticated=False)
    response = client.post(_reset_url("org-a", trio.bob.pk))
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/confirm/")
    assert TOTPDevice.objects.filter(user=trio.bob).exists()


@pytest.mark.django_db
def test_a_colleague_without_the_admin_role_cannot_reset(client: Client, trio):
    sign_in(client, trio.bob)
    assert client.post(_reset_url("org-a", trio.alice.pk)).status_code == 403
    assert TOTPDevice.objects.filter(user=trio.alice).exists()


@pytest.mark.django_db
def test_an_outsider_cannot_reset_or_learn_anything(client: Client, trio):
    sign_in(client, trio.charlie)
    assert client.post(_reset_url("org-a", trio.bob.pk)).status_code == 404
    # Charlie's own organisation does not reach people of another organisation either.
    assert client.post(_reset_url("org-b", trio.bob.pk)).status_code == 404
    assert TOTPDevice.objects.filter(user=trio.bob).exists()


@pytest.mark.django_db
def test_an_admin_cannot_reset_themselves_or_a_platform_admin(client: Client, trio):
    platform = UserFactory(is_platform_admin=True)
    MembershipFactory(user=platform, organisation=trio.org_a, role=Role.CASEWORKER)
    sign_in(client, trio.alice)
    own = client.post(_reset_url("org-a", trio.alice.pk))
    assert own.status_code == 200 and b"recovery codes" in own.content
    assert client.post(_reset_url("org-a", platform.pk)).status_code == 200
    assert TOTPDevice.objects.filter(user__in=[trio.alice, platform]).count() == 2
    assert not all_audit_entries().filter(target_type="accounts.user.second-factor-reset").exists()


@pytest.mark.django_db
def test_the_members_page_links_to_the_reset(client: Client, trio):
    sign_in(client, trio.alice)
    page = client.get("/en/accounts/org/org-a/members/").content.decode()
    assert _reset_url("org-a", trio.bob.pk) in page
    assert _reset_url("org-a", trio.alice.pk) not in page


@pytest.mark.django_db
def test_the_people_who_run_haven_can_reset_a_platform_admin(trio):
    platform = UserFactory(is_platform_admin=True, email="pat@example.org")
    call_command("staff_reset_second_factor", "PAT@example.org")
    assert not TOTPDevice.objects.filter(user=platform).exists()
    assert all_audit_entries().filter(target_type="accounts.user.second-factor-reset", actor_id=None).exists()
    assert mail.outbox[0].to == ["pat@example.org"]
    assert all_memberships().count() == 3
