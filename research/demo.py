"""Demo research and media requests (made up, marked as such). Refused in production."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from accounts import selectors as account_selectors
from core.scopes import scope
from research import services
from research.models import ResearchRequest

DEMO = (
    ("student", "nl", "Demo student (made up)", "How do sex workers experience the 2022 decriminalisation?"),
    (
        "journalist",
        "fr",
        "Démo journaliste (fictif)",
        "Comment la loi de 2024 sur le contrat de travail est-elle appliquée ?",
    ),
    ("artist", "en", "Demo film maker (made up)", "Could we speak with someone about working conditions in Brussels?"),
)


def demo_seed() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo data is never created in production.")
    created = 0
    for slug in ("demo-outreach", "demo-exit"):
        organisation = account_selectors.organisation_by_slug(slug)
        if organisation is None:
            continue
        with scope(organisation=organisation):
            if ResearchRequest.objects.exists():
                continue
        for n, (kind, language, name, question) in enumerate(DEMO):
            services.request_create(
                organisation=organisation,
                name=name,
                email="research@example.org",
                kind=kind,
                affiliation="Demo (made up)",
                questions=question,
                duration="Demo: one interview of an hour",
                anonymisation="Demo: no names, no voices, recordings deleted after transcription",
                compensation_offered=n % 2 == 0,
                compensation="Demo: a voucher" if n % 2 == 0 else "",
                needed_by=timezone.localdate() + timedelta(days=30 + 15 * n),
                language=language,
            )
            created += 1
    return f"{created} demo research requests"
