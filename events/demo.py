"""Demo events for `make run` (demo-outreach). Refused in production. Made up: no real address."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from accounts.selectors import organisation_by_slug
from core.scopes import scope
from events.models import Event, EventKind
from events.services import registration_create

DEMO_ORGANISATION = "demo-outreach"


def seed() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo events are never created in production.")
    organisation = organisation_by_slug(DEMO_ORGANISATION)
    if organisation is None:
        return "no demo organisation: demo events skipped"
    start = (timezone.now() + timedelta(days=10)).replace(hour=18, minute=30, second=0, microsecond=0)
    with transaction.atomic(), scope(organisation=organisation):
        if Event.objects.exists():
            return "demo events already there"
        meetup = Event(
            organisation=organisation,
            kind=EventKind.MEETUP,
            title={
                "nl": "Maandelijkse ontmoeting (demo)",
                "fr": "Rencontre mensuelle (démo)",
                "en": "Monthly meetup (demo)",
            },
            description={
                "nl": "Een verzonnen bijeenkomst om Haven uit te proberen.",
                "fr": "Une rencontre inventée pour essayer Haven.",
                "en": "A made-up meetup for trying Haven.",
            },
            city="Brussel / Bruxelles",
            address="Demo street 1 (not a real address)",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            capacity=2,
            sex_workers_only=True,
        )
        meetup.save()
        workshop = Event(
            organisation=organisation,
            kind=EventKind.WORKSHOP,
            title={"nl": "Workshop belastingen (demo)", "fr": "Atelier impôts (démo)", "en": "Taxes workshop (demo)"},
            city="Gent",
            address="Demo square 2 (not a real address)",
            starts_at=start + timedelta(days=7),
            ends_at=start + timedelta(days=7, hours=2),
            capacity=10,
        )
        workshop.save()
    registration_create(event=workshop, pseudonym="Robin (demo)", language="nl")
    return "2 demo events"
