"""A confidential location (the PAG-ASA and Sürya shelters) appears nowhere: not on any page, in any API
response, in the datapackage or in the search index; not its id, not its name, not its address."""

import re
from pathlib import Path

import pytest
from django.test import Client

from directory.datapackage import export_datapackage
from directory.models import Location, Organization, Service, ServiceAtLocation, stable_id
from directory.services import directory_reindex
from directory.tests.conftest import SHELTERS
from search.models import Document
from vocabulary.models import City

LANGS = ("nl", "fr", "en")


@pytest.fixture
def secrets(db) -> list[str]:
    """Give the shelters an address, as staff might record one for themselves, and list what must not leak."""
    needles = []
    for number, slug in enumerate(SHELTERS, start=1):
        location = Location.including_confidential.get(slug=slug)
        assert location.confidential
        location.address = f"Geheimstraat {number}7"
        location.postal_code = f"98{number}7"
        location.city = City.objects.get(slug="brussels" if number == 1 else "liege")
        location.transport = {
            "en": f"Secret tram {number}7",
            "nl": f"Geheime tram {number}7",
            "fr": f"Tram secret {number}7",
        }
        location.save()
        needles += [
            location.address,
            location.postal_code,
            str(location.pk),
            location.slug,
            str(stable_id("address", str(location.pk))),
        ]
        needles += list(location.name.values()) + list(location.transport.values())
        needles += [str(place.pk) for place in ServiceAtLocation.objects.filter(location=location)]
    directory_reindex()
    return needles


def collect_pages(client: Client) -> dict[str, str]:
    pages: dict[str, str] = {}

    def visit(path: str) -> str:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
        return pages[path]

    for lang in LANGS:
        pages_of_services = -(-Service.objects.count() // 20)
        for number in range(1, pages_of_services + 1):
            visit(f"/{lang}/directory/?page={number}")
        for query in (
            "city=brussels",
            "city=liege",
            "need=housing",
            "attr=confidential-address",
            "region=wallonia&open=on",
        ):
            visit(f"/{lang}/directory/?{query}")
        for slug in Service.objects.values_list("slug", flat=True):
            visit(f"/{lang}/directory/service/{slug}/")
        for slug in Organization.objects.values_list("slug", flat=True):
            visit(f"/{lang}/directory/organisation/{slug}/")
        for slug in ("pag-asa-shelter-accommodation", "surya-shelter-accommodation"):
            visit(f"/{lang}/directory/service/{slug}/suggest/")
    return pages


def collect_api(client: Client) -> dict[str, str]:
    responses: dict[str, str] = {}

    def visit(path: str) -> dict:
        response = client.get(path)
        assert response.status_code == 200, path
        responses[path] = response.content.decode()
        return response.json()

    visit("/api/hsds/")
    for lang in LANGS:
        for listing in ("services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"):
            for query in ("&full=true&full_service=true", "&minimal=true"):
                visit(f"/api/hsds/{listing}?per_page=100&lang={lang}{query}")
            body = visit(f"/api/hsds/{listing}?per_page=100&lang={lang}")
            assert body["last_page"]
            for item in body["contents"]:
                visit(f"/api/hsds/{listing}/{item['id']}?lang={lang}&full_service=true")
        visit(f"/api/hsds/services?search=shelter&lang={lang}")
        visit(f"/api/v1/search?q=shelter+opvang+hebergement&lang={lang}")
    return responses


def collect_export(folder: Path) -> dict[str, str]:
    export_datapackage(folder)
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())}


def collect_search() -> dict[str, str]:
    return {
        f"search document {d.kind}:{d.key}:{d.lang}": " | ".join([d.title, d.summary, d.body, d.keywords, d.url])
        for d in Document.objects.all()
    }


@pytest.mark.django_db
def test_confidential_locations_appear_in_no_output(client: Client, secrets, tmp_path):
    outputs = {**collect_pages(client), **collect_api(client), **collect_export(tmp_path), **collect_search()}
    assert len(outputs) > 400
    patterns = [(needle, re.compile(rf"(?<![\w-]){re.escape(needle)}(?![\w-])")) for needle in secrets]
    leaks = [
        f"{needle!r} in {where}" for where, text in outputs.items() for needle, found in patterns if found.search(text)
    ]
    assert leaks == []


@pytest.mark.django_db
def test_the_same_search_finds_public_addresses(client: Client, secrets, tmp_path):
    """The check above would notice a leak: a public address and location id are found the same way."""
    office = Location.objects.get(slug="pag-asa-brussels")
    outputs = {
        **collect_export(tmp_path),
        "page": client.get("/en/directory/service/pag-asa-victim-support/").content.decode(),
    }
    outputs["api"] = client.get("/api/hsds/service_at_locations?full=true&per_page=100").content.decode()
    for text in outputs.values():
        if "Rue des Alexiens 16B" in text:
            break
    else:
        pytest.fail("the public address is missing from every output")
    assert str(office.pk) in outputs["api"] and str(office.pk) in outputs["locations.csv"]


@pytest.mark.django_db
def test_the_shelter_service_is_listed_with_its_contact_route_only(client: Client, secrets):
    html = client.get("/en/directory/service/pag-asa-shelter-accommodation/").content.decode()
    assert "confidential address" in html
    assert "geo:" not in html
    assert 'href="tel:+3225116464"' in html  # reach the office instead
