"""Listings not verified for six months are flagged to their owners (a page and an email) and shown as such."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from accounts.models import Membership, Role
from accounts.testing import UserFactory, sign_in
from directory.models import Organization, Service, months_before
from directory.selectors import stale_listings


def test_six_months_before_a_date():
    assert months_before(date(2026, 11, 23), 6) == date(2026, 5, 23)
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2026, 3, 15), 6) == date(2025, 9, 15)


@pytest.mark.django_db
def test_only_listings_checked_more_than_six_months_ago_are_stale(owned):
    today = date(2026, 11, 23)
    Service.objects.filter(slug="pag-asa-victim-support").update(last_verified=date(2026, 5, 22))
    Service.objects.filter(slug="pag-asa-shelter-accommodation").update(last_verified=date(2026, 5, 23))
    Organization.objects.filter(slug="pag-asa").update(last_verified=None)
    stale = stale_listings(today=today, owner=owned.owner)
    assert [item.slug for item in stale] == ["pag-asa", "pag-asa-victim-support"]


@pytest.mark.django_db
def test_owners_get_one_email_per_admin_listing_what_to_check(owned, trio, settings):
    second_admin = UserFactory(email="alex@example.org", language="fr")
    Membership.objects.create(user=second_admin, organisation=trio.org_a, role=Role.ADMIN)
    Service.objects.filter(slug="pag-asa-victim-support").update(last_verified=date(2020, 1, 1))
    Service.objects.filter(slug="surya-victim-support").update(last_verified=date(2020, 1, 1))  # nobody keeps it
    mail.outbox.clear()

    call_command("flag_stale_listings", "--base-url", "https://haven.example")

    assert sorted(message.to[0] for message in mail.outbox) == ["alex@example.org", "alice@example.org"]
    english = next(m for m in mail.outbox if m.to == ["alice@example.org"])
    assert "1 directory listing of Organisation A needs checking" in english.subject
    assert "Support for victims of human trafficking" in english.body
    assert "https://haven.example/en/directory/manage/org/org-a/" in english.body
    french = next(m for m in mail.outbox if m.to == ["alex@example.org"])
    assert "Aide aux victimes de la traite des êtres humains" in french.body  # the listing in their language
    assert "https://haven.example/fr/directory/manage/org/org-a/" in french.body
    assert all("bob@example.org" not in m.to for m in mail.outbox)  # caseworkers are not asked


@pytest.mark.django_db
def test_nothing_is_sent_when_everything_is_current(owned):
    mail.outbox.clear()
    call_command("flag_stale_listings")
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_stale_page_lists_what_to_check(client: Client, owned, trio):
    Service.objects.filter(slug="pag-asa-shelter-accommodation").update(last_verified=None)
    sign_in(client, trio.alice)
    dashboard = client.get("/en/directory/manage/org/org-a/").content.decode()
    assert "1 listing has not been checked for six months." in dashboard
    html = client.get("/en/directory/manage/org/org-a/stale/").content.decode()
    assert "Shelter for victims of human trafficking" in html
    assert "Support for victims of human trafficking" not in html
