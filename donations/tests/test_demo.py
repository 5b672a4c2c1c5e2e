"""The demo of volunteering, research and donations: seeded for the demo organisations, safe to run twice,
never in production, and every demo screen opens for the demo admin."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from accounts.demo import demo_seed as accounts_seed
from accounts.models import User
from accounts.selectors import organisation_by_slug
from accounts.testing import sign_in
from core.registry import demo_seeders
from core.scopes import scope
from donations.demo import demo_seed as donations_seed
from donations.models import Gift
from research.demo import demo_seed as research_seed
from volunteering.demo import demo_seed as volunteering_seed

pytestmark = pytest.mark.django_db


def test_the_seeders_are_registered_and_refuse_production(settings):
    names = {seeder.name for seeder in demo_seeders()}
    assert {"volunteering", "research", "donations"} <= names
    settings.PRODUCTION = True
    for seed in (volunteering_seed, research_seed, donations_seed):
        with pytest.raises(ImproperlyConfigured):
            seed()


def test_seeding_twice_changes_nothing_and_the_screens_open(client: Client):
    accounts_seed()
    for seed in (volunteering_seed, research_seed, donations_seed):
        seed()
    assert (
        volunteering_seed().startswith("0 ") and research_seed().startswith("0 ") and donations_seed().startswith("0 ")
    )
    organisation = organisation_by_slug("demo-outreach")
    with scope(organisation=organisation):
        assert Gift.objects.count() == 4
    sign_in(client, User.objects.get(email="admin@example.org"))
    home = client.get("/en/accounts/").content.decode()
    for path in (
        "/en/volunteer/manage/org/demo-outreach/",
        "/en/research/manage/org/demo-outreach/",
        "/en/donate/manage/org/demo-outreach/",
    ):
        assert path in home
        assert client.get(path).status_code == 200
    for path in (
        "/nl/volunteer/demo-outreach/vacancies/",
        "/fr/research/demo-outreach/",
        "/en/donate/demo-outreach/?amount=10",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
    assert b"made up" in client.get("/en/donate/demo-outreach/").content
    assert b"There are no vacancies" not in client.get("/en/volunteer/demo-outreach/vacancies/").content
