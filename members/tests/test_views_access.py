"""Who may open which member page: the member themself, not another member, not staff, not anonymous visitors."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from accounts.testing import sign_in
from audit.models import AuditEntry
from core.scopes import scope
from members.models import Member, MemberStatus
from members.tests.helpers import PASSPHRASE, make_member, member_sign_in

pytestmark = pytest.mark.django_db

MEMBER_PAGES = ["me/", "me/details/", "me/passphrase/", "me/export/", "me/leave/", "me/delete/"]
ACTIVE_PAGES = ["me/tasks/", "me/propose/"]


@pytest.mark.parametrize("page", MEMBER_PAGES + ACTIVE_PAGES)
def test_anonymous_visitors_and_staff_are_sent_to_the_member_sign_in(page, trio):
    client = Client()
    response = client.get(f"/en/members/{trio.org_a.slug}/{page}")
    assert response.status_code == 302 and response["Location"].endswith(f"/members/{trio.org_a.slug}/sign-in/")
    sign_in(client, trio.alice)  # an admin of the organisation is not a member
    response = client.get(f"/en/members/{trio.org_a.slug}/{page}")
    assert response.status_code == 302


@pytest.mark.parametrize("page", MEMBER_PAGES + ACTIVE_PAGES)
def test_a_signed_in_active_member_opens_their_pages(page, trio):
    _member, code = make_member(trio.org_a)
    client = Client()
    member_sign_in(client, trio.org_a, code)
    assert client.get(f"/en/members/{trio.org_a.slug}/{page}").status_code == 200


def test_a_member_session_does_not_open_another_organisations_pages(trio):
    _member, code = make_member(trio.org_a)
    client = Client()
    member_sign_in(client, trio.org_a, code)
    response = client.get(f"/en/members/{trio.org_b.slug}/me/")
    assert response.status_code == 302


def test_a_supporting_member_does_not_get_the_active_members_pages(trio):
    _member, code = make_member(trio.org_a, kind="supporting")
    client = Client()
    member_sign_in(client, trio.org_a, code)
    for page in ACTIVE_PAGES:
        assert client.get(f"/en/members/{trio.org_a.slug}/{page}").status_code == 404


def test_a_member_sees_only_their_own_data(trio):
    robin, code = make_member(trio.org_a, pseudonym="Robin")
    make_member(trio.org_a, pseudonym="Other member")
    client = Client()
    member_sign_in(client, trio.org_a, code)
    page = client.get(f"/en/members/{trio.org_a.slug}/me/").content.decode()
    assert "Robin" in page and "Other member" not in page
    exported = json.loads(client.post(f"/en/members/{trio.org_a.slug}/me/export/").content)
    assert exported["pseudonym"] == "Robin"
    with scope(organisation=trio.org_a):
        assert AuditEntry.objects.filter(action="export", target_id=str(robin.pk)).exists()


def test_an_application_waiting_for_a_decision_does_not_sign_in(trio):
    _member, code = make_member(trio.org_a, approve=False)
    response = Client().post(f"/en/members/{trio.org_a.slug}/sign-in/", {"code": code, "passphrase": PASSPHRASE})
    assert response.status_code == 200 and "still waiting" in response.content.decode()


def test_sign_in_is_throttled(trio):
    _member, code = make_member(trio.org_a)
    client = Client()
    for _ in range(5):
        client.post(f"/en/members/{trio.org_a.slug}/sign-in/", {"code": code, "passphrase": "wrong wrong wrong"})
    response = client.post(f"/en/members/{trio.org_a.slug}/sign-in/", {"code": code, "passphrase": PASSPHRASE})
    assert "Too many attempts" in response.content.decode()


def test_the_member_session_is_not_a_staff_session(trio):
    _member, code = make_member(trio.org_a)
    client = Client()
    member_sign_in(client, trio.org_a, code)
    assert client.get(f"/en/members/manage/org/{trio.org_a.slug}/").status_code == 302  # to the staff sign-in


def test_apply_update_leave_and_delete_end_to_end(trio):
    client = Client()
    response = client.post(
        f"/en/members/{trio.org_a.slug}/apply/",
        {
            "kind": "active",
            "states_experience": "on",
            "pseudonym": "Nova",
            "email": "",
            "language": "nl",
            "passphrase": PASSPHRASE,
            "passphrase2": PASSPHRASE,
            "supports_mission": "on",
        },
    )
    assert response.status_code == 200
    code = response.context["code"]
    with scope(organisation=trio.org_a):
        member = Member.objects.get()
    from members import services

    services.member_decide(actor=trio.alice, member=member, approve=True)
    member_sign_in(client, trio.org_a, code)
    response = client.post(
        f"/en/members/{trio.org_a.slug}/me/details/",
        {"pseudonym": "Nova B", "email": "", "language": "fr", "newsletter": "on"},
    )
    assert response.status_code == 302
    client.post(f"/en/members/{trio.org_a.slug}/me/leave/", {"confirm": "on"})
    with scope(organisation=trio.org_a):
        member = Member.objects.get()
    assert member.pseudonym == "Nova B" and member.status == MemberStatus.LEFT
    client.post(f"/en/members/{trio.org_a.slug}/me/delete/", {"confirm": "on"})
    with scope(organisation=trio.org_a):
        assert not Member.objects.exists()


def test_bad_application_input_keeps_what_was_typed(trio):
    response = Client().post(
        f"/en/members/{trio.org_a.slug}/apply/", {"kind": "active", "pseudonym": "Kept name", "passphrase": "short"}
    )
    assert response.status_code == 200
    assert "Kept name" in response.content.decode()
    assert "experience with sex work" in response.content.decode()
