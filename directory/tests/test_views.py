"""Public pages: the list with its filters and pages, a service, an organisation. No account, no cookie."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from directory import selectors
from directory.models import Organization, Phone, Service
from directory.selectors import Filters, filtered_services
from directory.tests.conftest import BUNDLED_SERVICES
from tests.test_page_budget import BUDGET, transferred_size
from vocabulary.models import Attribute

BRUSSELS = ZoneInfo("Europe/Brussels")
TUESDAY_EVENING = datetime(2026, 11, 24, 19, 0, tzinfo=BRUSSELS)
WEDNESDAY_MORNING = datetime(2026, 11, 25, 10, 0, tzinfo=BRUSSELS)


def slugs(filters: Filters, moment: datetime | None = None) -> set[str]:
    return set(filtered_services(filters, moment=moment).values_list("slug", flat=True))


def listed(client: Client, query: str) -> str:
    response = client.get(f"/en/directory/{query}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_list_answers_in_each_language(client: Client, lang):
    response = client.get(f"/{lang}/directory/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert html.count(f'href="/{lang}/directory/service/') == 20  # the first page
    assert str(BUNDLED_SERVICES) in html  # the count of results


@pytest.mark.django_db
def test_the_need_filter_keeps_services_for_that_life_domain(client: Client):
    found = slugs(Filters(need="trafficking"))
    assert {"pag-asa-victim-support", "surya-victim-support", "payoke-victim-support"} <= found
    assert "violett-health-care" not in found
    html = listed(client, "?need=trafficking")
    assert 'href="/en/directory/service/surya-victim-support/"' in html
    assert '<option value="trafficking" selected>' in html  # the filter keeps its value


@pytest.mark.django_db
def test_the_region_filter_includes_services_for_the_whole_country():
    found = slugs(Filters(region="wallonia"))
    assert {"surya-victim-support", "emergency-112", "utsopi-membership"} <= found
    assert "pag-asa-victim-support" not in found  # Brussels only


@pytest.mark.django_db
def test_the_country_filter_keeps_each_countrys_services_apart():
    dutch = slugs(Filters(country="nl"))
    belgian = slugs(Filters(country="be"))
    assert {"nl-veilig-thuis-line", "nl-csg-care-after-sexual-violence", "nl-p-en-g292-health-and-social-work"} <= dutch
    assert {"pag-asa-victim-support", "emergency-112"} <= belgian
    assert not dutch & belgian
    assert dutch | belgian == set(Service.objects.values_list("slug", flat=True))


@pytest.mark.django_db
def test_dutch_provinces_and_cities_filter_dutch_services():
    assert {"nl-p-en-g292-health-and-social-work", "nl-veilig-thuis-line"} <= slugs(Filters(region="noord-holland"))
    assert "pag-asa-victim-support" not in slugs(Filters(region="noord-holland"))
    in_the_hague = slugs(Filters(city="the-hague"))
    assert {"nl-de-haven-exit-support", "nl-113-line"} <= in_the_hague  # its province, and the whole country
    assert "nl-p-en-g292-health-and-social-work" not in in_the_hague  # a place in Amsterdam


@pytest.mark.django_db
def test_the_filters_offer_countries_and_regions_grouped_by_country(client: Client):
    html = listed(client, "?country=nl")
    assert '<option value="nl" selected>The Netherlands</option>' in html
    assert (
        '<optgroup label="The Netherlands">' in html and '<option value="zuid-holland">South Holland</option>' in html
    )
    assert '<option value="the-hague">The Hague</option>' in html
    assert 'href="/en/directory/service/nl-veilig-thuis-line/"' in html
    assert 'href="/en/directory/service/pag-asa-victim-support/"' not in html
    assert html.index("Numbers in The Netherlands") < html.index("Numbers in Belgium")  # the box follows the filter


@pytest.mark.django_db
def test_the_city_filter_finds_places_there_and_services_without_a_place_in_its_region():
    found = slugs(Filters(city="liege"))
    assert "sacc-liege-care" in found  # a place in Liège
    assert "surya-victim-support" in found  # its office is in Liège
    assert "espace-p-outreach" in found  # no place: they come to you, in Wallonia
    assert "emergency-112" in found  # a phone number for all of Belgium
    assert "sacc-charleroi-care" not in found  # a place in another city
    assert "surya-shelter-accommodation" in found  # reached by phone: its place is confidential


@pytest.mark.django_db
def test_the_language_and_attribute_filters_combine():
    found = slugs(Filters(language="nl", attributes=("free", "anonymous")))
    assert {"violett-health-care", "violett-outreach"} <= found
    for slug in found:
        service = Service.objects.get(slug=slug)
        assert {"free", "anonymous"} <= set(service.attributes.values_list("slug", flat=True))
        assert service.languages.filter(code="nl").exists()
    assert "espace-p-outreach" not in found  # free and anonymous, but in French and English


@pytest.mark.django_db
def test_open_now_follows_the_schedules_in_brussels_time():
    evening = slugs(Filters(open_now=True), TUESDAY_EVENING)
    morning = slugs(Filters(open_now=True), WEDNESDAY_MORNING)
    assert "alias-sti-clinic" in evening and "alias-sti-clinic" not in morning  # Tuesdays 18:00-21:00
    assert "pag-asa-victim-support" in morning and "pag-asa-victim-support" not in evening  # weekdays 9-17
    assert "sacc-brussels-care" in evening and "sacc-brussels-care" in morning  # day and night
    assert "violett-health-care" not in morning  # no hours known: never claimed to be open


@pytest.mark.django_db
def test_open_now_on_the_page(client: Client, monkeypatch):
    monkeypatch.setattr("directory.selectors.timezone.now", lambda: TUESDAY_EVENING)
    html = listed(client, "?open=on&need=sexual-health")
    assert "alias-sti-clinic" in html
    assert 'name="open" id="id_open" checked' in html


@pytest.mark.django_db
def test_pages_keep_the_filters(client: Client):
    html = listed(client, "?region=brussels")
    assert "?region=brussels&amp;page=2" in html
    second = listed(client, "?region=brussels&page=2")
    assert 'rel="prev"' in second and "Page 2 of" in second


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?city=atlantis", "?attr=nope&need=housing", "?page=999", "?page=x", "?open=maybe"])
def test_odd_filters_never_break_the_page(client: Client, query):
    assert client.get(f"/en/directory/{query}").status_code == 200


@pytest.mark.django_db
def test_an_unknown_filter_value_is_reported_and_left_out(client: Client):
    html = listed(client, "?city=atlantis&need=housing")
    assert "is not known any more" in html
    assert 'href="/en/directory/service/pag-asa-shelter-accommodation/"' in html  # the need filter still applies


@pytest.mark.django_db
def test_the_list_page_needs_a_fixed_number_of_queries(client: Client, django_assert_max_num_queries):
    client.get("/en/directory/")  # warm the caches that are not ours
    # 13 and 14: the country filter's choices and the helpline box (its countries) add one query each.
    with django_assert_max_num_queries(13):
        client.get("/en/directory/")
    with django_assert_max_num_queries(14):
        client.get("/fr/directory/?need=health&region=wallonia&language=fr&attr=free&open=on&page=1")


@pytest.mark.django_db
def test_a_service_page_says_how_to_reach_it_safely(client: Client):
    html = client.get("/en/directory/service/pag-asa-victim-support/").content.decode()
    assert "<h1>Support for victims of human trafficking</h1>" in html
    assert "How to reach it safely" in html
    assert 'href="tel:+3225116464"' in html
    assert "Rue des Alexiens 16B, 1000 Brussels" in html
    assert 'href="geo:0,0?q=Rue%20des%20Alexiens%2016B%2C%201000%20Brussels%2C%20Belgium"' in html
    assert "Monday to Friday" in html and "09:00\u201317:00" in html
    assert "What to bring" in html and "What it costs" in html
    assert "https://pag-asa.be/fr/soutien-aux-victimes" in html
    assert "Last checked against these sources on" in html
    assert "not verified" not in html.lower()


@pytest.mark.django_db
def test_a_service_page_in_french(client: Client):
    html = client.get("/fr/directory/service/violett-health-care/").content.decode()
    assert "Soins et aide sociale" in html
    assert "Gratuit." in html
    assert "Nederlands" in html  # languages are named in their own language


@pytest.mark.django_db
def test_a_listing_not_verified_for_six_months_says_so(client: Client):
    Service.objects.filter(slug="violett-health-care").update(last_verified="2020-01-01")
    html = client.get("/en/directory/service/violett-health-care/").content.decode()
    assert "Not verified for more than six months" in html


@pytest.mark.django_db
def test_hidden_and_unknown_services_are_not_found(client: Client):
    Service.objects.filter(slug="violett-outreach").update(status="defunct")
    assert client.get("/en/directory/service/violett-outreach/").status_code == 404
    assert client.get("/en/directory/service/no-such-service/").status_code == 404
    assert client.get("/en/directory/organisation/no-such-org/").status_code == 404
    assert "violett-outreach" not in slugs(Filters())


@pytest.mark.django_db
def test_an_organisation_page_lists_what_you_can_get_there(client: Client):
    html = client.get("/nl/directory/organisation/violett/").content.decode()
    assert "Violett" in html
    assert 'href="/nl/directory/service/violett-health-care/"' in html
    phones = list(Organization.objects.get(slug="violett").phones.all())
    assert html.count('href="tel:') == len(phones)
    for phone in phones:
        assert f'href="tel:{phone.tel}"' in html


@pytest.mark.django_db
def test_an_organisation_page_shows_each_of_its_phone_numbers_as_a_link(client: Client):
    phone = Phone.objects.filter(organization__isnull=False).select_related("organization").first()
    assert phone is not None, "the bundled directory has no organisation with a phone number"
    html = client.get(f"/en/directory/organisation/{phone.organization.slug}/").content.decode()
    assert f'<a class="phone" href="tel:{phone.tel}">{phone.display}</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/en/directory/", "/nl/directory/?need=health", "/fr/directory/service/pag-asa-victim-support/"]
)
def test_reading_sets_no_cookie(client: Client, path):
    assert not client.get(path).cookies


@pytest.mark.django_db
def test_every_directory_page_stays_within_the_page_budget(client: Client):
    from directory.models import Organization

    paths = ["/{lang}/directory/", "/{lang}/directory/?page=2", "/{lang}/directory/?page=3"]
    paths += [f"/{{lang}}/directory/service/{slug}/" for slug in Service.objects.values_list("slug", flat=True)]
    paths += [
        f"/{{lang}}/directory/organisation/{slug}/" for slug in Organization.objects.values_list("slug", flat=True)
    ]
    for lang in ("nl", "fr", "en"):
        for path in paths:
            total, sizes = transferred_size(client, path.format(lang=lang))
            assert total <= BUDGET, sizes


@pytest.mark.django_db
def test_every_service_and_organisation_page_renders(client: Client):
    from directory.models import Organization

    for slug in Service.objects.values_list("slug", flat=True):
        assert client.get(f"/en/directory/service/{slug}/").status_code == 200, slug
    for slug in Organization.objects.values_list("slug", flat=True):
        assert client.get(f"/fr/directory/organisation/{slug}/").status_code == 200, slug


@pytest.mark.django_db
def test_after_filtering_the_page_opens_at_the_results_and_says_how_many(client: Client):
    html = listed(client, "?need=sexual-health&region=brussels")
    count = len(slugs(Filters(need="sexual-health", region="brussels")))
    assert 'action="/en/directory/#results"' in html  # the next filter submit lands at the results too
    assert '<h2 id="results" tabindex="-1">' in html
    assert f"{count} services</h2>" in html
    assert f"<title>{count} services · Find a service that can help" in html  # read out first on a new page
    assert '<details class="filters-fold">' in html  # the form folds away once filtered
    assert 'rel="next"' not in html or "#results" in html


@pytest.mark.django_db
def test_without_filters_the_form_is_open(client: Client):
    html = listed(client, "")
    assert '<details class="filters-fold" open>' in html
    assert "<title>Find a service that can help" in html


@pytest.mark.django_db
def test_a_service_tagged_day_and_night_without_hours_is_never_called_open(client: Client):
    service = Service.objects.get(slug="violett-health-care")
    service.attributes.add(Attribute.objects.get(slug="24-7"))
    assert "violett-health-care" not in slugs(Filters(open_now=True), TUESDAY_EVENING)
    html = client.get("/en/directory/service/violett-health-care/").content.decode()
    assert "Open now" not in html
    assert "Our sources do not give opening hours" in html
    assert "violett-health-care" not in selectors.open_among(selectors.with_card_data(Service.objects.all()))


@pytest.mark.django_db
def test_a_care_centre_page_gives_hours_phone_and_map_links(client: Client, monkeypatch):
    monkeypatch.setattr("directory.selectors.timezone.now", lambda: TUESDAY_EVENING)
    html = client.get("/en/directory/service/sacc-brussels-care/").content.decode()
    assert "Open now" in html and "Day and night" in html
    assert "Our sources do not give opening hours" not in html
    assert 'href="tel:+32' in html
    assert 'href="geo:0,0?q=' in html
    assert 'href="https://maps.apple.com/?q=' in html
    assert "<iframe" not in html


@pytest.mark.django_db
def test_every_service_tagged_day_and_night_has_hours_that_say_so():
    for service in Service.objects.filter(attributes__slug="24-7"):
        assert any(s.opens_at == s.closes_at and len(s.days) == 7 for s in service.schedules.all()), (
            f"{service.slug} is tagged 24-7 without a day-and-night schedule"
        )
