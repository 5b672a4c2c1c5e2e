"""Demo peer questions for demo-outreach: one waiting, one answer to check, one answered. Not in production."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from accounts.selectors import organisation_by_slug, user_by_email
from core.scopes import scope
from peerquestions import services
from peerquestions.models import PeerQuestion

DEMO_QUESTIONS = (
    ("nl", "Moet ik als zelfstandige sekswerker btw aanrekenen? Ik begin net en weet niet waar ik moet beginnen."),
    ("fr", "Mon propriétaire veut résilier le bail parce qu'il a appris mon travail. Est-ce qu'il en a le droit ?"),
    ("en", "I have an employment contract under the new law. Can my employer make me accept a client I refuse?"),
)
DEMO_ANSWER = (
    "Since 1 December 2024 the Belgian employment law for sex workers (law of 3 May 2024) lets you refuse a client "
    "or an act and stop at any moment; you cannot be dismissed for refusing. Ask the union or a social worker to "
    "read your contract with you."
)


def seed_demo() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo data is never created in production.")
    organisation = organisation_by_slug("demo-outreach")
    caseworker = user_by_email("caseworker@example.org")
    admin = user_by_email("admin@example.org")
    if organisation is None or caseworker is None or admin is None:
        return "peer questions: no demo organisation"
    with scope(organisation=organisation), transaction.atomic():
        if PeerQuestion.objects.exists():
            return "peer questions: already there"
        questions = [
            services.question_ask(organisation=organisation, body=body, language=lang)[0]
            for lang, body in DEMO_QUESTIONS
        ]
        services.answer_write(question=questions[1], body=DEMO_ANSWER, author=caseworker)
        answer = services.answer_write(question=questions[2], body=DEMO_ANSWER, author=caseworker)
        services.answer_moderate(answer=answer, approve=True, moderator=admin)
    return "peer questions: 3 for demo-outreach"
