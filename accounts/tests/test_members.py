"""Access checks on the members pages, with an owner, a colleague and an outsider."""

import re

import pytest
from django.core import mail
from django.test import Client

from accounts.models import Membership, Role, User
from accounts.testing import all_memberships, sign_in
from audit.models import AuditEntry
from core.scopes import all_organisations, scope

MEMBERS = "/en/accounts/org/org-a/members/"


@pytest.mark.django_db
def test_the_owner_sees_the_members_and_the_read_is_audited(client: Client, trio):
    sign_in(client, trio.alice)
    response = client.get(MEMBERS)
    assert response.status_code == 200
    assert b"bob@example.org" in response.content
    assert b"charlie@example.org" not in response.content
    with scope(organisation=trio.org_a):
        entry = AuditEntry.objects.get(action="read", target_type="accounts.membership.list")
    assert entry.actor_id == trio.alice.pk and entry.organisation_id == trio.org_a.pk


@pytest.mark.django_db
def test_a_colleague_without_the_admin_role_is_refused(client: Client, trio):
    sign_in(client, trio.bob)
    assert client.get(MEMBERS).status_code == 403


@pytest.mark.django_db
def test_an_outsider_cannot_even_learn_the_organisation_exists(client: Client, trio):
    sign_in(client, trio.charlie)
    assert client.get(MEMBERS).status_code == 404
    assert client.get("/en/accounts/org/no-such-org/members/").status_code == 404


@pytest.mark.django_db
def test_an_outsider_cannot_remove_members(client: Client, trio):
    sign_in(client, trio.charlie)
    with scope(organisation=trio.org_a):
        membership = all_memberships().get(user=trio.bob)
    assert client.post("/en/accounts/org/org-a/members/remove/", {"membership": membership.pk}).status_code == 404
    with scope(organisation=trio.org_a):
        assert all_memberships().filter(pk=membership.pk).exists()


@pytest.mark.django_db
def test_an_admin_cannot_remove_a_membership_of_another_organisation(client: Client, trio):
    sign_in(client, trio.alice)
    with scope(organisation=trio.org_b):
        foreign = Membership.objects.get(user=trio.charlie)
    client.post("/en/accounts/org/org-a/members/remove/", {"membership": foreign.pk})
    with scope(organisation=trio.org_b):
        assert Membership.objects.filter(pk=foreign.pk).exists()


@pytest.mark.django_db
def test_the_last_admin_cannot_be_removed(client: Client, trio):
    sign_in(client, trio.alice)
    with scope(organisation=trio.org_a):
        own = Membership.objects.get(user=trio.alice, role=Role.ADMIN)
    response = client.post("/en/accounts/org/org-a/members/remove/", {"membership": own.pk}, follow=True)
    assert b"at least one admin" in response.content
    with scope(organisation=trio.org_a):
        assert Membership.objects.filter(pk=own.pk).exists()


@pytest.mark.django_db
def test_inviting_sends_an_email_in_the_newcomers_language_and_the_link_sets_a_password(client: Client, trio):
    sign_in(client, trio.alice)
    response = client.post(
        "/en/accounts/org/org-a/members/invite/",
        {"name": "Noor", "email": "noor@example.org", "role": Role.EDITOR, "language": "nl"},
    )
    assert response.status_code == 302
    newcomer = User.objects.get(email="noor@example.org")
    with scope(organisation=trio.org_a):
        assert Membership.objects.filter(user=newcomer, role=Role.EDITOR).exists()
    assert not newcomer.has_usable_password()
    message = mail.outbox[-1]
    assert message.to == ["noor@example.org"]
    assert "Organisation A" in message.subject
    assert "uitgenodigd" in message.subject.lower() or "uitnodiging" in message.subject.lower()
    link = re.search(r"http://testserver(/en/accounts/set-password/[^\s]+)", message.body).group(1)
    fresh = Client()
    response = fresh.post(link, {"password1": "a long enough passphrase", "password2": "a long enough passphrase"})
    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.check_password("a long enough passphrase")
    assert (
        fresh.post(link, {"password1": "another long passphrase", "password2": "another long passphrase"}).status_code
        == 400
    )  # the link works once


@pytest.mark.django_db
def test_a_bad_invitation_keeps_what_was_typed(client: Client, trio):
    sign_in(client, trio.alice)
    response = client.post(
        "/en/accounts/org/org-a/members/invite/",
        {"name": "Noor", "email": "not-an-email", "role": Role.EDITOR, "language": "nl"},
    )
    assert response.status_code == 200
    assert b'value="Noor"' in response.content and b'value="not-an-email"' in response.content


@pytest.mark.django_db
def test_only_platform_admins_manage_organisations(client: Client, trio):
    sign_in(client, trio.alice)
    assert client.get("/en/accounts/platform/organisations/").status_code == 403
    trio.charlie.is_platform_admin = True
    trio.charlie.save()
    other = Client()
    sign_in(other, trio.charlie)
    assert other.get("/en/accounts/platform/organisations/").status_code == 200
    response = other.post(
        "/en/accounts/platform/organisations/new/",
        {
            "name": "New service",
            "slug": "new-service",
            "admin-name": "Ines",
            "admin-email": "ines@example.org",
            "admin-role": Role.ADMIN,
            "admin-language": "fr",
        },
    )
    assert response.status_code == 302
    with all_organisations(reason="a test looks for the new organisation's first admin"):
        assert Membership.objects.filter(
            user__email="ines@example.org", organisation__slug="new-service", role=Role.ADMIN
        ).exists()


@pytest.mark.django_db
def test_a_platform_admin_is_not_an_organisation_member_by_right(client: Client, trio):
    trio.charlie.is_platform_admin = True
    trio.charlie.save()
    sign_in(client, trio.charlie)
    assert client.get(MEMBERS).status_code == 404


@pytest.mark.django_db
def test_inviting_again_someone_who_never_chose_a_password_sends_a_fresh_link(client: Client, trio):
    sign_in(client, trio.alice)
    data = {"name": "Nina New", "email": "nina@example.org", "role": "caseworker", "language": "nl"}
    client.post("/en/accounts/org/org-a/members/invite/", data)
    client.post("/en/accounts/org/org-a/members/invite/", {**data, "role": "moderator"})
    assert len(mail.outbox) == 2
    assert "/accounts/set-password/" in mail.outbox[1].body


@pytest.mark.django_db
def test_removing_a_role_after_the_confirmation_expired_comes_back_to_the_members_page(client: Client, trio):
    sign_in(client, trio.alice, reauthenticated=False)
    membership = all_memberships().get(user=trio.bob)
    response = client.post("/en/accounts/org/org-a/members/remove/", {"membership": membership.pk})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm/?next=%2Fen%2Faccounts%2Forg%2Forg-a%2Fmembers%2F"
    assert all_memberships().filter(pk=membership.pk).exists()
