"""Every staff page of peer questions with the owner, a colleague, an outsider and an anonymous visitor."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import sign_in
from peerquestions import services
from peerquestions.models import PeerAnswer, PeerQuestion


@pytest.fixture
def answered(trio) -> PeerAnswer:
    from core.scopes import scope

    with scope(organisation=trio.org_a):
        question, _code = services.question_ask(organisation=trio.org_a, body="A question about papers.", language="en")
        return services.answer_write(question=question, body="An answer about papers.", author=trio.bob)


def _get(user, path: str) -> int:  # type: ignore[no-untyped-def]
    client = Client()
    if user is not None:
        sign_in(client, user)
    return client.get(path).status_code


@pytest.mark.django_db
def test_staff_pages_answer_the_owner_colleague_outsider_and_anonymous(trio, answered):
    q = answered.question_id
    pages = {
        "/en/questions/staff/org-a/": (200, 200),
        f"/en/questions/staff/org-a/question/{q}/": (200, 200),
    }
    for path, (owner, colleague) in pages.items():
        assert _get(trio.alice, path) == owner, path
        assert _get(trio.bob, path) == colleague, path
        assert _get(trio.charlie, path) == 404, path
        assert _get(None, path) == 302, path


@pytest.mark.django_db
def test_only_moderators_and_admins_check_answers_and_make_faq_drafts(trio, answered):
    faq = f"/en/questions/staff/org-a/answer/{answered.pk}/faq/"
    moderate = f"/en/questions/staff/org-a/answer/{answered.pk}/moderate/"
    bob, charlie = Client(), Client()
    sign_in(bob, trio.bob)
    sign_in(charlie, trio.charlie)
    assert bob.post(moderate, {"decision": "approve"}).status_code == 403
    assert charlie.post(moderate, {"decision": "approve"}).status_code == 404
    assert Client().post(moderate, {"decision": "approve"}).status_code == 302
    assert _get(trio.alice, faq) == 404  # not approved yet
    alice = Client()
    sign_in(alice, trio.alice)
    assert alice.post(moderate, {"decision": "approve"}).status_code == 302
    assert _get(trio.alice, faq) == 200
    assert _get(trio.bob, faq) == 403
    assert _get(trio.charlie, faq) == 404


@pytest.mark.django_db
def test_another_organisations_question_does_not_exist_here(trio, answered):
    assert _get(trio.charlie, f"/en/questions/staff/org-b/question/{answered.question_id}/") == 404


@pytest.mark.django_db
def test_staff_links_list_the_peer_questions_of_the_organisation(trio):
    from core.registry import staff_links

    urls = [link.url for link in staff_links(trio.bob)]
    assert "/en/questions/staff/org-a/" in urls or any(u.endswith("/questions/staff/org-a/") for u in urls)
    assert not any("org-a" in u and "questions" in u for u in (link.url for link in staff_links(trio.charlie)))


def test_question_model_is_scoped():
    assert PeerQuestion.objects.__class__.__name__ != "Manager"
