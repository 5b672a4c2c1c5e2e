"""Active members who signed up to answer write answers; staff check them before anyone else reads them."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import sign_in
from core.scopes import scope
from members import services as member_services
from members.models import MemberKind, Task
from members.tests.helpers import make_member, member_sign_in
from peerquestions import services
from peerquestions.models import AnswerStatus, PeerAnswer


@pytest.mark.django_db
def test_an_active_member_who_signed_up_answers_and_staff_approve(trio):
    with scope(organisation=trio.org_a):
        question, code = services.question_ask(
            organisation=trio.org_a, body="Where do I declare income?", language="en"
        )
    member, member_code = make_member(trio.org_a, pseudonym="Answerer")
    client = Client()
    member_sign_in(client, trio.org_a, member_code)
    list_url = "/en/questions/member/org-a/"
    assert client.get(list_url).status_code == 404  # not signed up yet
    member_services.member_tasks_set(member=member, tasks=[Task.PEER_QUESTIONS])
    assert "Question" in client.get(list_url).content.decode()
    answer_url = f"/en/questions/member/org-a/{question.pk}/"
    assert "Where do I declare income?" in client.get(answer_url).content.decode()
    assert client.post(answer_url, {"body": "short"}).status_code == 200
    assert client.post(answer_url, {"body": "With the tax office, once a year."}).status_code == 302
    with scope(organisation=trio.org_a):
        answer = PeerAnswer.objects.get()
    assert answer.written_by_member_id == member.pk and answer.status == AnswerStatus.PENDING
    reader = Client()
    assert "tax office" not in reader.post("/en/questions/reply/org-a/", {"code": code}).content.decode()
    staff = Client()
    sign_in(staff, trio.alice)
    assert "An active member" in staff.get(f"/en/questions/staff/org-a/question/{question.pk}/").content.decode()
    staff.post(f"/en/questions/staff/org-a/answer/{answer.pk}/moderate/", {"decision": "approve"})
    assert "tax office" in reader.post("/en/questions/reply/org-a/", {"code": code}).content.decode()


@pytest.mark.django_db
def test_supporting_members_do_not_answer(trio):
    _member, code = make_member(trio.org_a, pseudonym="Supporter", kind=MemberKind.SUPPORTING)
    client = Client()
    member_sign_in(client, trio.org_a, code)
    assert client.get("/en/questions/member/org-a/").status_code == 404
