"""A question asked without an account, answered, checked by someone else, read with the reply code."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from accounts.models import Role
from accounts.testing import MembershipFactory, UserFactory, all_audit_entries, sign_in
from core.scopes import scope
from peerquestions.codes import normalize_code
from peerquestions.models import AnswerStatus, PeerAnswer, PeerQuestion

CODE = re.compile(r"data-reply-code><strong>([0-9A-Z-]+)</strong>")


def _ask(client: Client, org: str = "org-a", text: str = "Can my landlord end my lease because of my work?") -> str:
    response = client.post(f"/en/questions/ask/{org}/", {"body": text})
    assert response.status_code == 200
    return CODE.findall(response.content.decode())[0]


@pytest.mark.django_db
def test_the_whole_way_from_question_to_approved_answer(client: Client, trio):
    code = _ask(client)
    assert len(code.replace("-", "")) * 5 >= 128
    assert not client.cookies  # nothing set: no session, no account
    with scope(organisation=trio.org_a):
        question = PeerQuestion.objects.get()
    assert code not in question.code_hash and len(question.code_hash) == 64
    # Before any answer: the code works, nothing to read yet.
    page = client.post("/en/questions/reply/org-a/", {"code": code.lower()}).content.decode()
    assert "landlord" in page and "No answer yet" in page
    # Bob (caseworker) answers; it is not shown until someone else approves.
    staff = Client()
    sign_in(staff, trio.bob)
    assert "landlord" in staff.get(f"/en/questions/staff/org-a/question/{question.pk}/").content.decode()
    response = staff.post(
        f"/en/questions/staff/org-a/question/{question.pk}/", {"body": "No: that is discrimination. Ask Unia."}
    )
    assert response.status_code == 302
    assert "Ask Unia" not in client.post("/en/questions/reply/org-a/", {"code": code}).content.decode()
    with scope(organisation=trio.org_a):
        answer = PeerAnswer.objects.get()
    assert (
        staff.post(f"/en/questions/staff/org-a/answer/{answer.pk}/moderate/", {"decision": "approve"}).status_code
        == 403
    )
    admin = Client()
    sign_in(admin, trio.alice)
    assert (
        admin.post(f"/en/questions/staff/org-a/answer/{answer.pk}/moderate/", {"decision": "approve"}).status_code
        == 302
    )
    assert "Ask Unia" in client.post("/en/questions/reply/org-a/", {"code": code}).content.decode()
    with scope(organisation=trio.org_a):
        assert PeerAnswer.objects.get().status == AnswerStatus.APPROVED
    actions = {(e.action, e.target_type) for e in all_audit_entries()}
    assert ("create", "peerquestions.peeranswer") in actions and ("update", "peerquestions.peeranswer") in actions
    assert ("read", "peerquestions.peerquestion") in actions


@pytest.mark.django_db
def test_nobody_approves_their_own_answer(trio):
    moderator = UserFactory()
    MembershipFactory(user=moderator, organisation=trio.org_a, role=Role.MODERATOR)
    code = _ask(Client())
    assert code
    staff = Client()
    sign_in(staff, moderator)
    with scope(organisation=trio.org_a):
        question = PeerQuestion.objects.get()
    staff.post(f"/en/questions/staff/org-a/question/{question.pk}/", {"body": "Here is what I know about it."})
    with scope(organisation=trio.org_a):
        answer = PeerAnswer.objects.get()
    staff.post(f"/en/questions/staff/org-a/answer/{answer.pk}/moderate/", {"decision": "approve"})
    with scope(organisation=trio.org_a):
        assert PeerAnswer.objects.get().status == AnswerStatus.PENDING


@pytest.mark.django_db
def test_a_wrong_code_finds_nothing_and_many_wrong_codes_are_slowed_down(client: Client, trio):
    _ask(client)
    wrong = "0000-0000-0000-0000-0000-0000-0000"
    for _ in range(10):
        page = client.post("/en/questions/reply/org-a/", {"code": wrong}).content.decode()
        assert "We found no question" in page
    assert "Too many codes" in client.post("/en/questions/reply/org-a/", {"code": wrong}).content.decode()


@pytest.mark.django_db
def test_a_code_is_not_valid_for_another_organisation(client: Client, trio):
    code = _ask(client)
    assert "We found no question" in client.post("/en/questions/reply/org-b/", {"code": code}).content.decode()


@pytest.mark.django_db
def test_bad_input_keeps_what_was_typed(client: Client, trio):
    page = client.post("/en/questions/ask/org-a/", {"body": "short"}).content.decode()
    assert "errorlist" in page and ">\nshort</textarea>" in page
    assert client.post("/en/questions/reply/org-a/", {"code": "nonsense"}).status_code == 200
    assert client.get("/en/questions/ask/nope/").status_code == 404


@pytest.mark.django_db
def test_asking_is_slowed_down_after_five_questions_an_hour(client: Client, trio):
    for _ in range(5):
        _ask(client)
    page = client.post("/en/questions/ask/org-a/", {"body": "One more question about taxes, please."}).content.decode()
    assert "try again later" in page


def test_codes_are_read_leniently():
    assert normalize_code("7kq2 m9xd abcd efgh jkmn pqrs tvwx") == "7KQ2-M9XD-ABCD-EFGH-JKMN-PQRS-TVWX"
    assert normalize_code("too short") == ""
