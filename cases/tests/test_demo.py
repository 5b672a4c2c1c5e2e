"""The demo seeder: realistic pseudonymous clients in both demo organisations, idempotent, never in production."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts.demo import demo_seed as accounts_seed
from accounts.selectors import organisation_by_slug
from cases.demo import demo_seed
from cases.models import Case, Client
from core.scopes import scope


def test_the_demo_has_clients_in_both_organisations_once(db):
    accounts_seed()
    assert demo_seed() == "4 demo clients created"
    assert demo_seed() == "0 demo clients created"
    for slug in ("demo-exit", "demo-outreach"):
        with scope(organisation=organisation_by_slug(slug)):
            assert Client.objects.count() == 2
            assert Case.objects.filter(assessments__isnull=False).exists()


def test_the_demo_is_refused_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(ImproperlyConfigured):
        demo_seed()
