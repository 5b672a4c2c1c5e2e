"""Organisation staff keep their own listings current, and nothing else: owner, colleague and outsider."""

import pytest
from django.test import Client

from accounts.models import Membership, Role
from accounts.testing import UserFactory, sign_in
from audit.models import AuditEntry
from core.scopes import scope
from directory.models import Organization, Service
from search.selectors import search

DASHBOARD = "/en/directory/manage/org/org-a/"
SERVICE_EDIT = "/en/directory/manage/org/org-a/service/pag-asa-victim-support/"
LISTING_EDIT = "/en/directory/manage/org/org-a/listing/pag-asa/"
VIEWS = [DASHBOARD, SERVICE_EDIT, LISTING_EDIT, "/en/directory/manage/org/org-a/stale/"]


def service_form(service: Service, **changes) -> dict:
    data = {
        "name_nl": service.name.get("nl", ""),
        "name_fr": service.name.get("fr", ""),
        "name_en": service.name.get("en", ""),
        "description_nl": service.description.get("nl", ""),
        "description_fr": service.description.get("fr", ""),
        "description_en": service.description.get("en", ""),
        "how_to_reach_nl": service.how_to_reach.get("nl", ""),
        "how_to_reach_fr": service.how_to_reach.get("fr", ""),
        "how_to_reach_en": service.how_to_reach.get("en", ""),
        "status": service.status,
        "domains": list(service.domains.values_list("slug", flat=True)),
        "attributes": list(service.attributes.values_list("slug", flat=True)),
        "languages": "",
        "last_verified": "",
        "phones-TOTAL_FORMS": "1",
        "phones-INITIAL_FORMS": "0",
        "phones-0-number": "+32 2 511 64 64",
        "schedules-TOTAL_FORMS": "1",
        "schedules-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_owner_sees_and_edits_its_listings(client: Client, owned, trio):
    sign_in(client, trio.alice)
    for path in VIEWS:
        assert client.get(path).status_code == 200, path
    html = client.get(DASHBOARD).content.decode()
    assert "Support for victims of human trafficking" in html
    assert "Shelter for victims of human trafficking" in html


@pytest.mark.django_db
def test_an_editor_of_the_owner_may_edit_too(client: Client, owned, trio):
    editor = UserFactory()
    Membership.objects.create(user=editor, organisation=trio.org_a, role=Role.EDITOR)
    sign_in(client, editor)
    assert client.get(SERVICE_EDIT).status_code == 200


@pytest.mark.django_db
def test_a_caseworker_colleague_may_not_edit(client: Client, owned, trio):
    sign_in(client, trio.bob)
    for path in VIEWS:
        assert client.get(path).status_code == 403, path
    assert client.post(SERVICE_EDIT, {}).status_code == 403
    assert client.post("/en/directory/manage/org/org-a/verify/service/pag-asa-victim-support/").status_code == 403


@pytest.mark.django_db
def test_an_outsider_finds_nothing(client: Client, owned, trio):
    sign_in(client, trio.charlie)
    for path in VIEWS:
        assert client.get(path).status_code == 404, path
    # Through their own organisation, another organisation's listing does not exist either.
    assert client.get("/en/directory/manage/org/org-b/service/pag-asa-victim-support/").status_code == 404
    assert client.get("/en/directory/manage/org/org-b/listing/pag-asa/").status_code == 404
    assert client.post("/en/directory/manage/org/org-b/verify/service/pag-asa-victim-support/").status_code == 404
    before = Service.objects.get(slug="pag-asa-victim-support").name
    client.post("/en/directory/manage/org/org-b/service/pag-asa-victim-support/", {"name_en": "Hijacked"})
    assert Service.objects.get(slug="pag-asa-victim-support").name == before


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_sign_in(client: Client, owned):
    response = client.get(SERVICE_EDIT)
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


@pytest.mark.django_db
def test_the_owner_can_only_edit_listings_it_keeps(client: Client, owned, trio):
    sign_in(client, trio.alice)
    assert client.get("/en/directory/manage/org/org-a/service/surya-victim-support/").status_code == 404
    assert client.get("/en/directory/manage/org/org-a/listing/surya/").status_code == 404


@pytest.mark.django_db
def test_saving_a_service_updates_the_page_the_search_and_the_audit_log(client: Client, owned, trio):
    sign_in(client, trio.alice)
    service = Service.objects.get(slug="pag-asa-victim-support")
    data = service_form(
        service,
        name_en="Help after human trafficking in Wombatville",
        cost_en="Free of charge.",
        documents_en="Nothing.",
        attributes=["free", "anonymous"],
        languages="fr, nl, en, ro",
        last_verified="2026-11-01",
        **{
            "phones-0-description_en": "Weekdays.",
            "schedules-0-days": ["MO", "WE"],
            "schedules-0-opens_at": "10:00",
            "schedules-0-closes_at": "16:00",
        },
    )
    response = client.post(SERVICE_EDIT, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    service.refresh_from_db()
    assert service.name["en"] == "Help after human trafficking in Wombatville"
    assert service.edited_in_app
    assert set(service.languages.values_list("code", flat=True)) == {"fr", "nl", "en", "ro"}
    assert service.cost_options.get().amount == 0  # marked free: an HSDS cost option of 0 EUR
    html = client.get("/en/directory/service/pag-asa-victim-support/").content.decode()
    assert "Help after human trafficking" in html and "Free of charge." in html and "Nothing." in html
    assert "Monday, Wednesday" in html and "10:00\u201316:00" in html and "Română" in html
    assert next((r.type, r.key) for r in search("wombatville", lang="en")) == ("service", "pag-asa-victim-support")
    with scope(organisation=trio.org_a):
        entry = AuditEntry.objects.filter(target_id=str(service.pk)).latest("seq")
    assert (entry.actor_id, entry.organisation_id, entry.action) == (trio.alice.pk, trio.org_a.pk, "update")


@pytest.mark.django_db
def test_a_form_with_errors_keeps_what_was_typed(client: Client, owned, trio):
    sign_in(client, trio.alice)
    service = Service.objects.get(slug="pag-asa-victim-support")
    data = service_form(
        service,
        name_nl="",
        name_fr="",
        name_en="",
        description_en="A new description that was typed",
        languages="xx",
        **{"phones-0-number": "call me", "schedules-0-days": ["MO"]},
    )
    response = client.post(SERVICE_EDIT, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "A new description that was typed" in html
    assert "Fill this in in at least one language." in html
    assert "Unknown language code: xx" in html
    assert 'value="call me"' in html
    assert "Give the days, the opening time and the closing time." in html
    assert Service.objects.get(pk=service.pk).description == service.description


@pytest.mark.django_db
def test_editing_the_organisation_listing(client: Client, owned, trio):
    sign_in(client, trio.alice)
    listing = Organization.objects.get(slug="pag-asa")
    data = {
        "name_en": "PAG-ASA",
        "description_en": "New words about PAG-ASA.",
        "description_nl": listing.description["nl"],
        "description_fr": listing.description["fr"],
        "website": "pag-asa.be",
        "email": "info@pag-asa.be",
        "last_verified": "",
        "phones-TOTAL_FORMS": "2",
        "phones-INITIAL_FORMS": "1",
        "phones-0-id": str(listing.phones.get().pk),
        "phones-0-number": "+32 2 511 64 64",
        "phones-0-DELETE": "on",
        "phones-1-number": "02 511 64 65",
    }
    assert client.post(LISTING_EDIT, data).status_code == 302
    listing.refresh_from_db()
    assert listing.description["en"] == "New words about PAG-ASA."
    assert listing.website == "https://pag-asa.be"
    assert list(listing.phones.values_list("number", flat=True)) == ["+3225116465"]  # stored in E.164
    assert "New words about PAG-ASA." in client.get("/en/directory/organisation/pag-asa/").content.decode()


@pytest.mark.django_db
def test_marking_a_listing_as_checked_today(client: Client, owned, trio):
    from django.utils import timezone

    Service.objects.filter(slug="pag-asa-victim-support").update(last_verified="2020-01-01")
    sign_in(client, trio.alice)
    assert "Listings to check again" in client.get("/en/directory/manage/org/org-a/stale/").content.decode()
    response = client.post("/en/directory/manage/org/org-a/verify/service/pag-asa-victim-support/")
    assert response.status_code == 302
    assert Service.objects.get(slug="pag-asa-victim-support").last_verified == timezone.localdate()
    assert client.post("/en/directory/manage/org/org-a/verify/planet/pag-asa/").status_code == 404


@pytest.mark.django_db
def test_the_staff_entry_page_leads_to_the_organisation(client: Client, owned, trio):
    sign_in(client, trio.alice)
    response = client.get("/en/directory/manage/")
    assert response.status_code == 302 and response["Location"] == DASHBOARD
    other = Client()
    sign_in(other, trio.bob)
    assert "Ask a platform admin" in other.get("/en/directory/manage/").content.decode()


@pytest.fixture
def platform_admin(db):
    return UserFactory(email="root@example.org", is_platform_admin=True)


@pytest.mark.django_db
def test_platform_admins_link_listings_to_organisations(client: Client, trio, platform_admin):
    sign_in(client, trio.alice)
    assert client.get("/en/directory/manage/platform/").status_code == 403
    sign_in(client, platform_admin)
    assert client.get("/en/directory/manage/platform/").status_code == 200
    response = client.post("/en/directory/manage/platform/", {"listing": "surya", "owner": "org-a"})
    assert response.status_code == 302
    assert Organization.objects.get(slug="surya").owner == trio.org_a
    client.post("/en/directory/manage/platform/", {"listing": "surya", "owner": ""})
    assert Organization.objects.get(slug="surya").owner is None
    assert client.post("/en/directory/manage/platform/", {"listing": "nope", "owner": ""}).status_code == 404


@pytest.mark.django_db
def test_platform_admins_edit_only_listings_without_an_owner(client: Client, owned, platform_admin):
    sign_in(client, platform_admin)
    assert client.get("/en/directory/manage/platform/service/surya-victim-support/").status_code == 200
    assert client.get("/en/directory/manage/platform/listing/surya/").status_code == 200
    assert client.get("/en/directory/manage/platform/service/pag-asa-victim-support/").status_code == 404
    assert client.get("/en/directory/manage/platform/listing/pag-asa/").status_code == 404
