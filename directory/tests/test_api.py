"""The HSDS 3.0 API: every seeded record validates against the spec's compiled schemas, the query parameters
of the HSDS OpenAPI work, bad parameters get a 400 JSON error, and the data is open to any origin."""

import re
import uuid

import pytest
from django.test import Client

from directory.api import DEFAULT_PER_PAGE, MAX_PER_PAGE
from directory.hsds import TAXONOMIES, term_id
from directory.models import Organization, Service, ServiceAtLocation, stable_id
from directory.tests.conftest import BUNDLED_ORGANIZATIONS, BUNDLED_SERVICES, hsds_schema, validator

TENS = -(-BUNDLED_SERVICES // 10)  # pages of ten

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def get(client: Client, path: str, status: int = 200) -> dict:
    response = client.get(path)
    assert response.status_code == status, (path, response.content[:300])
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def valid(schema_validator, record: dict, where: str) -> None:
    errors = sorted(schema_validator.iter_errors(record), key=lambda e: list(e.path))
    assert not errors, f"{where}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def all_pages(client: Client, path: str) -> list[dict]:
    contents, page = [], 1
    while True:
        body = get(client, f"{path}{'&' if '?' in path else '?'}page={page}&per_page=7")
        contents += body["contents"]
        if body["last_page"]:
            return contents
        page += 1


@pytest.mark.django_db
def test_the_root_gives_the_hsds_version_and_profile(client: Client):
    body = get(client, "/api/hsds/")
    assert body["version"] == "3.0"
    assert body["profile"].startswith("https://")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_every_seeded_service_validates_in_the_list_and_on_its_own(client: Client, lang):
    list_item, full = validator("compiled/service_list.json"), validator("compiled/service.json")
    contents = all_pages(client, f"/api/hsds/services?lang={lang}")
    assert len(contents) == Service.objects.count() == BUNDLED_SERVICES
    for item in contents:
        valid(list_item, item, item["id"])
        assert TIMESTAMP.match(item["last_modified"])
        record = get(client, f"/api/hsds/services/{item['id']}?lang={lang}")
        valid(full, record, item["id"])
        assert record["organization"]["id"] == record["organization_id"]


@pytest.mark.django_db
def test_every_seeded_organization_validates(client: Client):
    list_item, full = validator("compiled/organization_list.json"), validator("compiled/organization.json")
    contents = all_pages(client, "/api/hsds/organizations")
    assert len(contents) == Organization.objects.count() == BUNDLED_ORGANIZATIONS
    for item in contents:
        valid(list_item, item, item["id"])
        valid(full, get(client, f"/api/hsds/organizations/{item['id']}"), item["id"])
        valid(full, get(client, f"/api/hsds/organizations/{item['id']}?full_service=true&lang=nl"), item["id"])
    for item in get(client, "/api/hsds/organizations?full=true&full_service=true&per_page=100")["contents"]:
        valid(full, item, item["id"])


@pytest.mark.django_db
def test_every_seeded_service_at_location_validates(client: Client):
    list_item, full = (
        validator("compiled/service_at_location_list.json"),
        validator("compiled/service_at_location.json"),
    )
    contents = all_pages(client, "/api/hsds/service_at_locations")
    public = ServiceAtLocation.objects.filter(location__confidential=False).count()
    assert len(contents) == public == ServiceAtLocation.objects.count() - 2
    for item in contents:
        valid(list_item, item, item["id"])
        valid(full, get(client, f"/api/hsds/service_at_locations/{item['id']}?lang=fr"), item["id"])
    for item in get(client, "/api/hsds/service_at_locations?full=true&per_page=100")["contents"]:
        valid(full, item, item["id"])


@pytest.mark.django_db
def test_taxonomies_and_terms_validate(client: Client):
    taxonomy, term = validator("taxonomy.json"), validator("taxonomy_term.json")
    body = get(client, "/api/hsds/taxonomies")
    assert body["total_items"] == 2
    for item in body["contents"]:
        valid(taxonomy, item, item["id"])
        valid(taxonomy, get(client, f"/api/hsds/taxonomies/{item['id']}"), item["id"])
    terms = all_pages(client, "/api/hsds/taxonomy_terms")
    assert len(terms) == 16 + 12
    for item in terms:
        valid(term, item, item["id"])
        valid(term, get(client, f"/api/hsds/taxonomy_terms/{item['id']}?lang=nl"), item["id"])


@pytest.mark.django_db
def test_the_paginated_envelope(client: Client):
    body = get(client, "/api/hsds/services?page=2&per_page=10")
    assert {key: body[key] for key in ("total_items", "total_pages", "page_number", "size")} == {
        "total_items": BUNDLED_SERVICES,
        "total_pages": -(-BUNDLED_SERVICES // 10),
        "page_number": 2,
        "size": 10,
    }
    assert (body["first_page"], body["last_page"], body["empty"]) == (False, False, False)
    pages = -(-BUNDLED_SERVICES // 10)
    last = get(client, f"/api/hsds/services?page={pages}&per_page=10")
    assert (last["size"], last["last_page"]) == (BUNDLED_SERVICES - 10 * (pages - 1), True)
    beyond = get(client, f"/api/hsds/services?page={pages + 4}&per_page=10")
    assert beyond["contents"] == [] and beyond["last_page"]
    none = get(client, f"/api/hsds/services?organization_id={uuid.uuid4()}")
    assert (none["total_items"], none["empty"], none["contents"]) == (0, True, [])
    page = hsds_schema("openapi.json")["components"]["schemas"]["Page"]
    assert set(page["properties"]) <= set(body)


@pytest.mark.django_db
def test_filters_of_the_hsds_openapi(client: Client):
    pag_asa = stable_id("organization", "pag-asa")
    body = get(client, f"/api/hsds/services?organization_id={pag_asa}")
    assert {item["name"] for item in body["contents"]} == {
        "Support for victims of human trafficking",
        "Shelter for victims of human trafficking",
    }
    trafficking = term_id("haven-life-domains", "trafficking")
    body = get(client, f"/api/hsds/services?taxonomy_term_id={trafficking}&per_page=100")
    assert body["total_items"] == Service.objects.filter(domains__slug="trafficking").count() >= 6
    attributes = TAXONOMIES[1].id
    body = get(client, f"/api/hsds/services?taxonomy_id={attributes}&per_page=100")
    assert body["total_items"] == Service.objects.filter(attributes__isnull=False).distinct().count()
    body = get(client, f"/api/hsds/service_at_locations?organization_id={pag_asa}")
    assert body["total_items"] == 1  # victim support at the office; the shelter is never listed
    terms = get(client, f"/api/hsds/taxonomy_terms?taxonomy_id={TAXONOMIES[0].id}&per_page=100")
    assert terms["total_items"] == 16


@pytest.mark.django_db
def test_search_uses_the_site_search(client: Client):
    body = get(client, "/api/hsds/services?search=trafficking")
    names = [item["name"] for item in body["contents"]]
    assert "Support for victims of human trafficking" in names
    body = get(client, "/api/hsds/organizations?search=Violett")
    assert "Violett" in [item["name"] for item in body["contents"]]
    assert "Payoke" not in [item["name"] for item in body["contents"]]
    assert get(client, "/api/hsds/taxonomy_terms?search=housing")["total_items"] == 1


@pytest.mark.django_db
def test_modified_after(client: Client):
    Service.objects.filter(slug="violett-outreach").update(updated_at="2030-01-02T10:00:00Z")
    body = get(client, "/api/hsds/services?modified_after=2030-01-01T00:00:00Z")
    assert [item["id"] for item in body["contents"]] == [str(stable_id("service", "violett-outreach"))]
    assert get(client, "/api/hsds/services?modified_after=2030-01-01")["total_items"] == 1
    assert get(client, "/api/hsds/services?modified_after=2030-01-03T00:00:00%2B01:00")["total_items"] == 0


@pytest.mark.django_db
def test_text_is_english_unless_another_language_is_asked(client: Client):
    service_id = stable_id("service", "violett-health-care")
    assert get(client, f"/api/hsds/services/{service_id}")["name"] == "Health care and social help"
    assert get(client, f"/api/hsds/services/{service_id}?lang=nl")["name"] == "Zorg en sociale hulp"
    assert get(client, f"/api/hsds/services/{service_id}?lang=fr")["name"] == "Soins et aide sociale"


@pytest.mark.django_db
def test_minimal_lists_every_service_in_one_page_as_valid_service_list_items(client: Client):
    body = get(client, "/api/hsds/services?minimal=true")
    assert body["total_items"] == body["size"] == BUNDLED_SERVICES and body["last_page"]
    schema = validator("compiled/service_list.json")
    for item in body["contents"]:
        assert set(item) == {"id", "name", "status", "last_modified"}  # id and modification, and what is required
        assert TIMESTAMP.match(item["last_modified"])
        valid(schema, item, item["id"])
    assert get(client, "/api/hsds/services?minimal=true&per_page=5&page=2")["size"] == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "page_number", "size", "total_pages"),
    [
        ("page=0", 1, min(BUNDLED_SERVICES, DEFAULT_PER_PAGE), -(-BUNDLED_SERVICES // DEFAULT_PER_PAGE)),
        ("page=-3&per_page=10", 1, 10, TENS),
        ("per_page=0", 1, 1, BUNDLED_SERVICES),
        ("per_page=-1", 1, 1, BUNDLED_SERVICES),
        ("per_page=1000", 1, min(BUNDLED_SERVICES, MAX_PER_PAGE), -(-BUNDLED_SERVICES // MAX_PER_PAGE)),
        ("page=99999999999999999999&per_page=10", 1_000_000_000, 0, TENS),
        ("page=+2&per_page=10", 2, 10, TENS),
    ],
)
def test_paging_accepts_any_integer_as_the_spec_declares_and_says_what_it_served(
    client: Client, query, page_number, size, total_pages
):
    body = get(client, f"/api/hsds/services?{query}")
    assert (body["page_number"], body["size"], body["total_pages"]) == (page_number, size, total_pages)
    assert body["total_items"] == BUNDLED_SERVICES and body["empty"] is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("/api/hsds/services?page=abc", "page"),
        ("/api/hsds/services?page=1.5", "page"),
        ("/api/hsds/services?per_page=%D9%A3", "per_page"),
        ("/api/hsds/services?lang=de", "lang"),
        ("/api/hsds/services?taxonomy_term_id=housing", "taxonomy_term_id"),
        ("/api/hsds/services?taxonomy_id=1", "taxonomy_id"),
        ("/api/hsds/services?organization_id=%27%3B--", "organization_id"),
        ("/api/hsds/services?modified_after=yesterday", "modified_after"),
        ("/api/hsds/services?modified_after=9999-12-31T23:59:59-23:59", "modified_after"),
        ("/api/hsds/service_at_locations?modified_after=0001-01-01T00:00:00%2B23:59", "modified_after"),
        ("/api/hsds/services?minimal=perhaps", "minimal"),
        ("/api/hsds/services?format=ndjson", "format"),
        ("/api/hsds/services?search=" + "x" * 300, "search"),
        ("/api/hsds/organizations?full_service=2", "full_service"),
        ("/api/hsds/taxonomy_terms?parent_id=root", "parent_id"),
        ("/api/hsds/taxonomy_terms?top_only=maybe", "top_only"),
        ("/api/hsds/service_at_locations?proximity=1000", "proximity"),
        ("/api/hsds/service_at_locations?postcode=10%0000", "postcode"),
        ("/api/hsds/services?search=a%00b", "search"),
    ],
)
def test_bad_parameters_get_a_400_json_error(client: Client, query, parameter):
    body = get(client, query, status=400)
    assert body["parameter"] == parameter
    assert body["error"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations"])
def test_unknown_and_malformed_ids_get_a_404_json_error(client: Client, kind):
    for wrong in (uuid.uuid4(), "not-a-uuid", "123", "%00", "%C3%A9t%C3%A9"):
        assert get(client, f"/api/hsds/{kind}/{wrong}", status=404)["error"]


@pytest.mark.django_db
def test_unknown_endpoints_and_methods(client: Client):
    assert get(client, "/api/hsds/programs", status=404)["error"]
    assert get(client, "/api/v2/nothing", status=404)["error"]
    for method in ("post", "put", "patch", "delete", "options"):
        response = getattr(client, method)("/api/hsds/services")
        assert response.status_code == 405 and response["Allow"] == "GET, HEAD", method
        assert response["Content-Type"] == "application/json" and response.json()["error"]
    assert get(client, "/api/hsds/services/")["total_items"] == BUNDLED_SERVICES  # a trailing slash is fine


@pytest.mark.django_db
def test_the_api_sets_no_cookie_and_needs_no_language_prefix(client: Client):
    response = client.get("/api/hsds/services", HTTP_ACCEPT_LANGUAGE="fr")
    assert not response.cookies
    first = Service.objects.order_by("slug").first()
    assert first is not None
    assert response.json()["contents"][0]["name"] == first.name["en"]  # English
    assert client.get("/fr/api/hsds/services").status_code == 404


def test_the_schema_check_would_catch_a_broken_record():
    errors = list(validator("compiled/service.json").iter_errors({"id": "not-a-uuid", "name": "x", "status": "open"}))
    assert {error.validator for error in errors} >= {"format", "enum"}
    errors = list(validator("taxonomy_term.json").iter_errors({"id": str(uuid.uuid4()), "name": "x"}))
    assert [error.validator for error in errors] == ["required"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/hsds/",
        "/api/hsds/services?minimal=true",
        "/api/hsds/organizations",
        "/api/hsds/taxonomies",
        "/api/hsds/taxonomy_terms",
        "/api/hsds/service_at_locations",
        "/api/hsds/services?page=abc",
        "/api/hsds/services/nothing",
        "/api/v1/search?q=housing",
        "/api/v1/openapi.json",
    ],
)
def test_head_answers_wherever_get_does_with_the_same_headers_and_no_body(client: Client, path):
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code
    assert head["Content-Type"] == got["Content-Type"] == "application/json"
    assert head["Access-Control-Allow-Origin"] == "*"
    assert head.content == b""


@pytest.mark.django_db
def test_even_an_unexpected_failure_of_an_api_is_answered_in_json(monkeypatch):
    import search.api

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(search.api, "search", broken)
    response = Client(raise_request_exception=False).get("/api/v1/search?q=housing")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json" and response.json() == {"error": "server error"}


def test_a_record_missing_a_required_text_keeps_the_field_and_stays_valid():
    from directory.hsds import clean

    record = clean(
        {"id": str(uuid.uuid4()), "name": "", "status": "active", "email": ""}, required=("id", "name", "status")
    )
    assert record == {"id": record["id"], "name": "", "status": "active"}
    assert not list(validator("compiled/service_list.json").iter_errors(record))


@pytest.mark.django_db
def test_dutch_organisations_and_services_are_in_the_hsds_api(client: Client):
    comensha = get(client, f"/api/hsds/organizations/{stable_id('organization', 'nl-comensha')}")
    assert comensha["name"].startswith("CoMensha")
    valid(validator("organization.json"), comensha, "nl-comensha")
    services = get(client, f"/api/hsds/services?organization_id={stable_id('organization', 'nl-comensha')}")
    assert {item["name"] for item in services["contents"]} == {
        "Helpdesk on human trafficking",
        "A place in a shelter for victims of trafficking (COSM)",
    }
    csg = get(client, f"/api/hsds/services/{stable_id('service', 'nl-csg-care-after-sexual-violence')}")
    assert "+318000188" in [phone["number"] for phone in csg["phones"]]  # stored and published in E.164
    found = get(client, "/api/hsds/services?search=Ugly%20Mugs")
    assert "Warnings about dangerous clients" in [item["name"] for item in found["contents"]]
