"""The demo data: each demo organisation keeps its own (made-up) directory listing, which its admin can edit;
demo accounts (their secrets are in the README) never exist in production."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client

from accounts.demo import DEMO_LISTINGS, DEMO_STAFF, demo_seed
from accounts.models import Organisation, User
from accounts.testing import sign_in
from directory.models import Organization


@pytest.mark.django_db
def test_each_demo_organisation_is_linked_to_its_own_listing_and_seeding_twice_is_safe(capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    for org_slug, listing in DEMO_LISTINGS.items():
        organization = Organization.objects.get(slug=listing["slug"])
        assert organization.owner == Organisation.objects.get(slug=org_slug)
        assert "not a real organisation" in organization.name["en"]
        assert not organization.phones.exists() and not organization.locations.exists()
    assert Organization.objects.filter(owner__slug__startswith="demo-").count() == len(DEMO_LISTINGS)


@pytest.mark.django_db
def test_the_demo_admin_can_open_their_listing_for_editing(client: Client):
    call_command("seed_demo")
    admin = User.objects.get(email="admin@example.org")
    sign_in(client, admin)
    dashboard = client.get("/en/directory/manage/org/demo-outreach/")
    assert dashboard.status_code == 200
    edit = "/en/directory/manage/org/demo-outreach/listing/demo-outreach-service/"
    assert edit in dashboard.content.decode()
    assert client.get(edit).status_code == 200
    # The other demo organisation's listing is not theirs to edit.
    assert client.get("/en/directory/manage/org/demo-outreach/listing/demo-exit-programme/").status_code == 404


@pytest.mark.django_db
def test_the_demo_is_never_seeded_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(ImproperlyConfigured):
        demo_seed()
    assert not User.objects.filter(email__in=[staff.email for staff in DEMO_STAFF]).exists()


@pytest.mark.django_db
def test_the_demo_is_seeded_elsewhere_and_seeding_again_changes_nothing():
    demo_seed()
    assert demo_seed().startswith("0 demo staff created")
    assert User.objects.filter(email__in=[staff.email for staff in DEMO_STAFF]).count() == len(DEMO_STAFF)
