"""The registry: admins of the organisation only (owner), not colleagues (403), not outsiders (404)."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import sign_in
from audit.models import AuditEntry
from core.scopes import scope
from members.models import Member, MemberStatus
from members.tests.helpers import make_member

pytestmark = pytest.mark.django_db


def _urls(trio, member):  # type: ignore[no-untyped-def]
    base = f"/en/members/manage/org/{trio.org_a.slug}/"
    return [base, base + "rules/", base + f"member/{member.pk}/", base + f"member/{member.pk}/forget/"]


def test_owner_colleague_outsider_and_anonymous(trio):
    member, _ = make_member(trio.org_a, approve=False)
    for url in _urls(trio, member):
        assert Client().get(url).status_code == 302, url
        for user, expected in ((trio.alice, 200), (trio.bob, 403), (trio.charlie, 404)):
            client = Client()
            sign_in(client, user)
            assert client.get(url).status_code == expected, (url, user)


def test_an_outsider_cannot_reach_a_member_through_their_own_organisation(trio):
    member, _ = make_member(trio.org_a)
    client = Client()
    sign_in(client, trio.charlie)
    assert client.get(f"/en/members/manage/org/{trio.org_b.slug}/member/{member.pk}/").status_code == 404
    assert client.post(f"/en/members/manage/org/{trio.org_b.slug}/member/{member.pk}/decide/").status_code == 404


def test_the_admin_approves_and_the_read_is_logged(trio):
    member, _ = make_member(trio.org_a, approve=False, pseudonym="Waiting one")
    client = Client()
    sign_in(client, trio.alice)
    page = client.get(f"/en/members/manage/org/{trio.org_a.slug}/").content.decode()
    assert "Waiting one" in page
    response = client.post(
        f"/en/members/manage/org/{trio.org_a.slug}/member/{member.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        assert Member.objects.get().status == MemberStatus.APPROVED
        assert AuditEntry.objects.filter(action="read", target_id="registry").exists()
        assert AuditEntry.objects.filter(action="update", target_id=str(member.pk), actor_id=trio.alice.pk).exists()


def test_the_admin_updates_the_registry_and_bad_dates_keep_the_input(trio):
    member, _ = make_member(trio.org_a)
    client = Client()
    sign_in(client, trio.alice)
    url = f"/en/members/manage/org/{trio.org_a.slug}/member/{member.pk}/"
    response = client.post(url, {"kind": "supporting", "status": "approved", "renewal_date": "not a date"})
    assert response.status_code == 200 and "not a date" in response.content.decode()
    response = client.post(url, {"kind": "supporting", "status": "approved", "renewal_date": "2030-01-31"})
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        assert str(Member.objects.get().renewal_date) == "2030-01-31"


def test_a_new_code_is_shown_once_to_the_admin(trio):
    member, _ = make_member(trio.org_a)
    client = Client()
    sign_in(client, trio.alice)
    response = client.post(f"/en/members/manage/org/{trio.org_a.slug}/member/{member.pk}/new-code/")
    assert response.status_code == 200 and len(response.context["code"]) == 19


def test_the_admin_forgets_a_member(trio):
    member, _ = make_member(trio.org_a)
    client = Client()
    sign_in(client, trio.alice)
    client.post(f"/en/members/manage/org/{trio.org_a.slug}/member/{member.pk}/forget/", {"confirm": "on"})
    with scope(organisation=trio.org_a):
        assert not Member.objects.exists()
