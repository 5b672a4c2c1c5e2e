"""Every page of the assembly app with the owner, a colleague, an outsider, anonymous visitors and members."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import all_audit_entries, sign_in
from assembly.models import Candidacy, QuestionKind
from assembly.tests.conftest import open_vote
from core.scopes import scope
from members.models import MemberKind
from members.tests.helpers import make_member, member_sign_in


def _staff_pages(setup) -> list[str]:  # type: ignore[no-untyped-def]
    base = f"/en/assembly/manage/{setup.org.slug}/"
    a = f"{base}{setup.assembly.pk}/"
    with scope(organisation=setup.org):
        question = setup.assembly.questions.first()
    return [
        base,
        f"{base}new/",
        a,
        f"{a}edit/",
        f"{a}agenda/",
        f"{a}document/",
        f"{a}question/",
        f"{a}proxy/",
        f"{a}room/",
        f"{a}room/{question.pk}/",
        f"{a}minutes/",
    ]


@pytest.mark.django_db
def test_staff_pages_are_for_the_organisations_admins(trio, setup):
    for path in _staff_pages(setup):
        for user, expected in ((trio.alice, 200), (trio.bob, 403), (trio.charlie, 404), (None, 302)):
            client = Client()
            if user is not None:
                sign_in(client, user)
            assert client.get(path).status_code == expected, (path, user)


@pytest.mark.django_db
def test_staff_posts_refuse_colleagues_outsiders_and_anonymous(trio, setup):
    status = f"/en/assembly/manage/{setup.org.slug}/{setup.assembly.pk}/status/"
    for user, expected in ((trio.bob, 403), (trio.charlie, 404), (None, 302)):
        client = Client()
        if user is not None:
            sign_in(client, user)
        assert client.post(status, {"action": "announce"}).status_code == expected
    alice = Client()
    sign_in(alice, trio.alice)
    assert alice.post(status, {"action": "announce"}).status_code == 302
    assert alice.post(status, {"action": "nonsense"}).status_code == 302
    actions = [(e.action, e.target_type) for e in all_audit_entries()]
    assert ("update", "assembly.assembly") in actions


@pytest.mark.django_db
def test_member_pages_are_for_active_members_of_the_organisation(trio, setup):
    _supporter, supporter_code = make_member(trio.org_a, pseudonym="Supporting", kind=MemberKind.SUPPORTING)
    _outsider, outsider_code = make_member(trio.org_b, pseudonym="Elsewhere")
    open_vote(setup)
    pages = [f"/en/assembly/{setup.org.slug}/", f"/en/assembly/{setup.org.slug}/{setup.assembly.pk}/"]
    active = Client()
    member_sign_in(active, setup.org, setup.codes[0])
    supporting = Client()
    member_sign_in(supporting, setup.org, supporter_code)
    elsewhere = Client()
    member_sign_in(elsewhere, trio.org_b, outsider_code)
    for path in pages:
        assert active.get(path).status_code == 200
        assert supporting.get(path).status_code == 404
        assert elsewhere.get(path).status_code == 302  # not signed in to this organisation
        assert Client().get(path).status_code == 302
    staff = Client()
    sign_in(staff, trio.alice)
    assert staff.get(pages[0]).status_code == 302  # staff are not members


@pytest.mark.django_db
def test_a_draft_assembly_is_not_shown_to_members(trio, setup):
    client = Client()
    member_sign_in(client, setup.org, setup.codes[0])
    assert client.get(f"/en/assembly/{setup.org.slug}/{setup.assembly.pk}/").status_code == 404
    assert "General assembly" not in client.get(f"/en/assembly/{setup.org.slug}/").content.decode()


@pytest.mark.django_db
def test_an_active_member_stands_for_the_board(trio, setup):
    alice = Client()
    sign_in(alice, trio.alice)
    alice.post(f"/en/assembly/manage/{setup.org.slug}/{setup.assembly.pk}/status/", {"action": "announce"})
    with scope(organisation=setup.org):
        election = setup.assembly.questions.get(kind=QuestionKind.ELECTION)
    member = Client()
    member_sign_in(member, setup.org, setup.codes[1])
    url = f"/en/assembly/{setup.org.slug}/{setup.assembly.pk}/stand/{election.pk}/"
    assert member.get(url).status_code == 200
    assert member.post(url, {"statement": "x" * 1501}).status_code == 200  # too long: kept, with an error
    assert member.post(url, {"statement": "I want sex workers heard."}).status_code == 302
    with scope(organisation=setup.org):
        assert Candidacy.objects.get().statement == "I want sex workers heard."
    page = alice.get(f"/en/assembly/manage/{setup.org.slug}/{setup.assembly.pk}/").content.decode()
    assert "Member 1" in page


@pytest.mark.django_db
def test_staff_prepare_an_assembly_in_three_languages_with_bad_input_kept(trio):
    alice = Client()
    sign_in(alice, trio.alice)
    url = f"/en/assembly/manage/{trio.org_a.slug}/new/"
    bad = alice.post(
        url,
        {"title_nl": "Algemene vergadering", "starts_at": "not a date", "max_proxies": "1", "quorum_percent": "150"},
    ).content.decode()
    assert "Algemene vergadering" in bad and "errorlist" in bad
    response = alice.post(
        url,
        {
            "title_nl": "Algemene vergadering",
            "title_fr": "Assemblée générale",
            "title_en": "General assembly",
            "starts_at": "2027-03-01T18:00",
            "max_proxies": "2",
            "quorum_percent": "50",
        },
    )
    assert response.status_code == 302
    assert "Assemblée générale" in alice.get(f"/fr/assembly/manage/{trio.org_a.slug}/").content.decode()


def test_staff_links_are_registered():
    from core.registry import _staff_links

    assert "assembly" in _staff_links and "peerquestions" in _staff_links
