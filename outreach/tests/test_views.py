"""Outreach pages: the access matrix (owner, colleague, outsider, anonymous), saving, bad input, deleting."""

from __future__ import annotations

import pytest

from accounts.testing import all_audit_entries, sign_in
from core.scopes import scope
from outreach.models import Tally
from outreach.testing import make_tally
from vocabulary.selectors import city_by_slug, domains_with_slugs, region_by_slug

pytestmark = pytest.mark.django_db


def _urls(org: str, pk: int) -> list[str]:
    return [
        f"/en/outreach/org/{org}/",
        f"/en/outreach/org/{org}/new/",
        f"/en/outreach/org/{org}/{pk}/",
        f"/en/outreach/org/{org}/{pk}/delete/",
    ]


@pytest.mark.parametrize("who,status", [("alice", 200), ("bob", 200), ("charlie", 404)])
def test_staff_of_the_organisation_see_every_page_and_outsiders_get_404(client, trio, who, status):
    tally = make_tally(trio.org_a)
    sign_in(client, getattr(trio, who))
    for url in _urls("org-a", tally.pk):
        assert client.get(url).status_code == status, url


def test_anonymous_visitors_are_sent_to_sign_in(client, trio):
    tally = make_tally(trio.org_a)
    for url in _urls("org-a", tally.pk):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], url
    assert client.post(f"/en/outreach/org/org-a/{tally.pk}/delete/").status_code == 302
    with scope(organisation=trio.org_a):
        assert Tally.objects.filter(pk=tally.pk).exists()


def test_an_outsider_cannot_reach_a_tally_through_their_own_organisation(client, trio):
    tally = make_tally(trio.org_a)
    sign_in(client, trio.charlie)
    assert client.get(f"/en/outreach/org/org-b/{tally.pk}/").status_code == 404
    assert client.post(f"/en/outreach/org/org-b/{tally.pk}/delete/").status_code == 404
    with scope(organisation=trio.org_a):
        assert Tally.objects.filter(pk=tally.pk).exists()


def test_a_caseworker_adds_a_fieldwork_tally_and_it_is_audited(client, trio):
    sign_in(client, trio.bob)
    brussels = region_by_slug("brussels")
    response = client.post(
        "/en/outreach/org/org-a/new/",
        {
            "date": "2026-02-10",
            "setting": "offline",
            "region": brussels.pk,
            "city": city_by_slug("brussels").pk,
            "contacts": "12",
            "handed_out": ["condoms", "leaflets"],
            "topics": [],
        },
    )
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        tally = Tally.objects.get()
    assert (tally.contacts, tally.handed_out, tally.region) == (12, ["condoms", "leaflets"], brussels)
    entry = all_audit_entries().get(action="create", target_type="outreach.tally")
    assert (entry.actor_id, entry.organisation_id, entry.target_id) == (trio.bob.pk, trio.org_a.pk, str(tally.pk))
    page = client.get("/en/outreach/org/org-a/").content.decode()
    assert "12 people reached" in page and "Condoms, Leaflets and information" in page


def test_an_online_tally_needs_a_platform_and_keeps_what_was_typed(client, trio):
    sign_in(client, trio.alice)
    response = client.post("/en/outreach/org/org-a/new/", {"date": "2026-02-10", "setting": "online", "contacts": "31"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose the kind of online place." in page and 'value="31"' in page
    with scope(organisation=trio.org_a):
        assert not Tally.objects.exists()


@pytest.mark.parametrize(
    "data,message",
    [
        ({"date": "2999-01-01", "setting": "offline", "contacts": "3"}, "The day cannot be in the future."),
        ({"date": "2026-01-01", "setting": "offline", "contacts": "3"}, "Choose the region where you worked."),
        ({"date": "2026-01-01", "setting": "offline", "contacts": "-1"}, "greater than or equal to 0"),
        ({"date": "not a day", "setting": "offline", "contacts": "3"}, "Enter a valid date."),
        ({"date": "2026-01-01", "setting": "moon", "contacts": "3"}, "Select a valid choice."),
    ],
)
def test_bad_input_gives_a_clear_error(client, trio, data, message):
    sign_in(client, trio.bob)
    if "region" not in message:
        data = {**data, "region": region_by_slug("flanders").pk}
    response = client.post("/en/outreach/org/org-a/new/", data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_city_outside_the_region_is_refused(client, trio):
    sign_in(client, trio.bob)
    response = client.post(
        "/en/outreach/org/org-a/new/",
        {
            "date": "2026-01-01",
            "setting": "offline",
            "region": region_by_slug("wallonia").pk,
            "city": city_by_slug("ghent").pk,
            "contacts": "4",
        },
    )
    assert "This city is not in the region you chose." in response.content.decode()


def test_changing_and_deleting_a_tally(client, trio):
    tally = make_tally(trio.org_a)
    sign_in(client, trio.bob)
    response = client.post(
        f"/en/outreach/org/org-a/{tally.pk}/",
        {"date": "2026-03-01", "setting": "online", "platform": "social-media", "contacts": "9"},
    )
    assert response.status_code == 302
    with scope(organisation=trio.org_a):
        tally.refresh_from_db()
    assert (tally.setting, tally.platform, tally.region, tally.contacts) == ("online", "social-media", None, 9)
    assert client.post(f"/en/outreach/org/org-a/{tally.pk}/delete/").status_code == 302
    with scope(organisation=trio.org_a):
        assert not Tally.objects.exists()
    actions = list(all_audit_entries().filter(target_type="outreach.tally").values_list("action", flat=True))
    assert actions == ["create", "update", "delete"]


def test_the_list_filters_by_period_and_shows_totals(client, trio):
    import datetime

    make_tally(trio.org_a, date=datetime.date(2026, 1, 5), contacts=3)
    make_tally(trio.org_a, date=datetime.date(2026, 2, 5), contacts=4)
    make_tally(trio.org_a, date=datetime.date(2026, 2, 6), contacts=5, setting="online", platform="dating-app")
    make_tally(trio.org_b, date=datetime.date(2026, 2, 6), contacts=100)
    sign_in(client, trio.bob)
    response = client.get("/en/outreach/org/org-a/?start=2026-02-01&end=2026-02-06")
    totals = response.context["totals"]
    assert (totals.tallies, totals.offline, totals.online) == (2, 4, 5)
    assert client.get("/en/outreach/org/org-a/?start=2026-03-01&end=2026-02-01").status_code == 200


def test_the_staff_home_links_to_the_tallies(client, trio):
    sign_in(client, trio.bob)
    page = client.get("/en/accounts/").content.decode()
    assert 'href="/en/outreach/org/org-a/"' in page
    sign_in(client, trio.charlie)
    assert 'href="/en/outreach/org/org-a/"' not in client.get("/en/accounts/").content.decode()


def test_the_list_page_needs_a_fixed_number_of_queries(client, trio, django_assert_max_num_queries):
    health = list(domains_with_slugs(["health"]))
    for _ in range(30):
        make_tally(trio.org_a, topics=health)
    sign_in(client, trio.bob)
    with django_assert_max_num_queries(20):
        assert client.get("/en/outreach/org/org-a/").status_code == 200
