"""The demo members and events: seeding twice is safe, the documented member signs in, production refuses."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client, override_settings

from accounts.selectors import organisation_by_slug
from members import demo
from members.selectors import active_members

pytestmark = pytest.mark.django_db


def test_seeding_twice_is_safe_and_the_readme_member_signs_in():
    call_command("seed_demo")
    call_command("seed_demo")
    organisation = organisation_by_slug("demo-outreach")
    assert organisation is not None
    assert len(active_members(organisation)) == 2
    response = Client().post(
        "/en/members/demo-outreach/sign-in/", {"code": demo.DEMO_CODE, "passphrase": demo.DEMO_PASSPHRASE}
    )
    assert response.status_code == 302 and response["Location"].endswith("/members/demo-outreach/me/")
    assert Client().get("/en/events/demo-outreach/").status_code == 200


def test_the_readme_documents_the_demo_member():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert demo.DEMO_CODE in readme and demo.DEMO_PASSPHRASE in readme


@override_settings(PRODUCTION=True)
def test_production_refuses_demo_members_and_events():
    from events import demo as event_demo

    with pytest.raises(ImproperlyConfigured):
        demo.seed()
    with pytest.raises(ImproperlyConfigured):
        event_demo.seed()
