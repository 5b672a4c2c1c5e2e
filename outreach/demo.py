"""Demo tallies for `make run`: a year of made-up fieldwork for the demo organisations. Refused in production."""

from __future__ import annotations

import datetime
import random

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from accounts.selectors import organisation_by_slug
from core.scopes import scope
from outreach import services
from outreach.models import Item, Platform, Setting, Tally
from vocabulary.selectors import city_by_slug, domains_with_slugs, region_by_slug

# (organisation, region, cities): the demo organisations' made-up patch.
PATCHES = {"demo-outreach": ("brussels", ["brussels"]), "demo-exit": ("flanders", ["ghent", "antwerp"])}
TOPICS = ["health", "sexual-health", "housing", "income", "legal", "residence", "safety", "work", "debt"]


def demo_seed() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo data is never created in production.")
    made = 0
    today = timezone.localdate()
    for slug, (region_slug, city_slugs) in PATCHES.items():
        organisation = organisation_by_slug(slug)
        region = region_by_slug(region_slug)
        if organisation is None or region is None:
            continue
        with scope(organisation=organisation):
            if Tally.objects.exists():
                continue
        rng = random.Random(slug)  # noqa: S311  (made-up demo figures, the same every time)
        cities = [city for city in (city_by_slug(c) for c in city_slugs) if city is not None]
        topics = list(domains_with_slugs(TOPICS))
        for week in range(52):
            day = today - datetime.timedelta(days=7 * week + rng.randrange(0, 5))
            online = rng.random() < 0.35
            services.tally_create(
                organisation=organisation,
                actor=None,
                date=day,
                setting=Setting.ONLINE if online else Setting.OFFLINE,
                region=None if online else region,
                city=None if online or not cities else rng.choice(cities),
                platform=rng.choice(Platform.values) if online else "",
                contacts=rng.randrange(2, 25),
                handed_out=[] if online else rng.sample(Item.values[:5], rng.randrange(1, 4)),
                topics=rng.sample(topics, min(len(topics), rng.randrange(0, 4))),
            )
            made += 1
    return f"{made} demo outreach tallies"
