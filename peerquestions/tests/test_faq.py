"""A good answer becomes a knowledge-base FAQ draft, in the languages given, for editors to publish."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.testing import sign_in
from core.scopes import scope
from knowledge.models import Item, Revision, State
from peerquestions import services
from peerquestions.models import PeerAnswer


@pytest.mark.django_db
def test_an_approved_answer_becomes_a_faq_draft_that_nobody_sees_yet(trio):
    with scope(organisation=trio.org_a):
        question, _ = services.question_ask(
            organisation=trio.org_a, body="Do I pay VAT as a sex worker?", language="nl"
        )
        answer = services.answer_write(question=question, body="It depends on your turnover.", author=trio.bob)
        services.answer_moderate(answer=answer, approve=True, moderator=trio.alice)
    topic = Item.objects.values_list("topic__slug", flat=True).first()
    alice = Client()
    sign_in(alice, trio.alice)
    url = f"/en/questions/staff/org-a/answer/{answer.pk}/faq/"
    page = alice.get(url).content.decode()
    assert "Do I pay VAT as a sex worker?" in page  # prefilled in the question's language
    # Bad input keeps what was typed.
    bad = alice.post(url, {"topic": topic, "title_en": "Only a title"}).content.decode()
    assert "Only a title" in bad and "at least one language" in bad
    response = alice.post(
        url,
        {
            "topic": topic,
            "title_nl": "Moet ik btw betalen?",
            "body_nl": "Dat hangt af van je omzet.",
            "title_fr": "Dois-je payer la TVA ?",
            "body_fr": "Cela dépend de votre chiffre d'affaires.",
        },
    )
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        slug = PeerAnswer.objects.get().faq_slug
    item = Item.objects.get(slug=slug)
    assert item.kind == "faq" and item.source_language == "nl"
    revisions = Revision.objects.filter(translation__item=item)
    assert {r.translation.language for r in revisions} == {"nl", "fr"}
    assert all(r.state == State.REVIEW for r in revisions)
    assert not item.translations.filter(published_revision__isnull=False).exists()
    assert Client().get(f"/en/knowledge/{slug}/").status_code == 404
    assert alice.get(url).status_code == 403  # already done
