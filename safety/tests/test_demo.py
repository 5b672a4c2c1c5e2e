"""The demo seeder: desks, reports, an answer and a warning in the demo organisations; safe to run again."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.demo import demo_seed as accounts_seed
from safety.demo import DEMO_CODES, demo_seed
from safety.models import Alert, Desk

pytestmark = pytest.mark.django_db


def test_the_demo_can_be_used_with_its_reply_codes():
    accounts_seed()
    demo_seed()
    demo_seed()  # a second run adds nothing
    assert Desk.objects.count() == 2
    assert Alert.objects.count() == 1
    page = Client().post("/nl/safety/reply/", {"code": DEMO_CODES["demo-outreach"]}).content.decode()
    assert "Demo: thank you for telling us" in page
    assert "un client à Bruxelles" in Client().get("/fr/safety/warnings/").content.decode()
    result = Client().post("/en/safety/check/", {"number": "0450 00 12 34"}).content.decode()
    assert "A current notice mentions this number" in result


def test_the_demo_refuses_production(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.PRODUCTION = True
    with pytest.raises(ImproperlyConfigured):
        demo_seed()
