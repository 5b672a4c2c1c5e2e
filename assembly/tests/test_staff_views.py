"""Staff run an assembly through the pages: agenda, documents, questions, proxies, room counts, close, minutes."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import sign_in
from assembly.models import Assembly, OptionRole, Proxy, QuestionKind, RoomCount, Status
from assembly.tests.conftest import open_vote
from core.scopes import scope


@pytest.mark.django_db
def test_an_admin_prepares_runs_and_closes_an_assembly(trio, setup):
    alice = Client()
    sign_in(alice, trio.alice)
    base = f"/en/assembly/manage/{setup.org.slug}/{setup.assembly.pk}/"
    assert alice.post(f"{base}agenda/", {"title_nl": "Jaarverslag", "title_en": "Annual report"}).status_code == 302
    document = {"kind": "annual", "title_en": "Annual report", "body_fr": "Le rapport."}
    assert alice.post(f"{base}document/", document).status_code == 302
    question = {"kind": "motion", "title_en": "Approve the budget?", "majority": "two_thirds", "seats": "1"}
    assert alice.post(f"{base}question/", question).status_code == 302
    m = setup.members
    proxy = alice.post(f"{base}proxy/", {"giver": str(m[3].pk), "holder": str(m[2].pk)})
    assert proxy.status_code == 302
    again = alice.post(f"{base}proxy/", {"giver": str(m[1].pk), "holder": str(m[2].pk)}).content.decode()
    assert "the most allowed" in again  # one proxy per holder here
    bad = alice.post(f"{base}proxy/", {"giver": "not-a-member", "holder": str(m[2].pk)})
    assert bad.status_code == 200 and "errorlist" in bad.content.decode()
    open_vote(setup)
    with scope(organisation=setup.org):
        motion = setup.assembly.questions.get(kind=QuestionKind.MOTION, position=1)
        yes = motion.options.get(role=OptionRole.YES)
    assert alice.post(f"{base}room/", {"room_present": "2"}).status_code == 302
    too_many = alice.post(f"{base}room/{motion.pk}/", {f"option_{yes.pk}": "5"}).content.decode()
    assert "More votes (5) than members voting in the room (2)" in too_many
    assert alice.post(f"{base}room/{motion.pk}/", {f"option_{yes.pk}": "2"}).status_code == 302
    page = alice.get(base).content.decode()
    assert "Enter the votes of the room" in page
    assert alice.post(f"{base}status/", {"action": "close"}).status_code == 302
    assert alice.post(f"{base}minutes/", {"minutes_en": "We met and decided."}).status_code == 302
    with scope(organisation=setup.org):
        assembly = Assembly.objects.get(pk=setup.assembly.pk)
        assert assembly.status == Status.CLOSED and assembly.minutes == {"en": "We met and decided."}
        assert RoomCount.objects.get(option=yes).count == 2
        assert Proxy.objects.count() == 1
        motion.refresh_from_db()
        assert motion.result["outcome"] == "adopted"
    page = alice.get(base).content.decode()
    assert "Adopted" in page and "Public results and ballot bulletin" in page
    # Once closed, nothing changes any more.
    assert (
        "closed"
        in alice.post(
            f"{base}edit/",
            {"title_en": "Renamed", "starts_at": "2027-01-01T10:00", "max_proxies": "1", "quorum_percent": "10"},
        ).content.decode()
    )
