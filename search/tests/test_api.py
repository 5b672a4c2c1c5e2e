import pytest
from django.test import Client


@pytest.mark.django_db
def test_the_api_returns_results_in_the_contract(client: Client):
    response = client.get("/api/v1/search", {"q": "abortus kosten", "lang": "nl", "limit": "3"})
    assert response.status_code == 200
    data = response.json()
    assert data["query"] == "abortus kosten" and data["lang"] == "nl"
    assert 1 <= len(data["results"]) <= 3
    first = data["results"][0]
    assert set(first) == {"title", "url", "snippet", "type"}
    assert first["type"] in {"article", "faq", "service", "organisation"}
    assert first["url"].startswith("/nl/")
    assert client.get(first["url"]).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "x", "lang": "de"},
        {"q": "x", "limit": "ten"},
        {"q": "x", "limit": "0"},
        {"q": "x", "limit": "1000"},
        {"q": "x" * 500},
        {"q": "x", "country": "NL"},
        {"q": "x", "country": "netherlands"},
    ],
)
def test_bad_parameters_get_a_400_with_a_json_error(client: Client, params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400
    assert "error" in response.json()


@pytest.mark.django_db
def test_the_openapi_document_describes_the_endpoint(client: Client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    operation = document["paths"]["/api/v1/search"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"q", "lang", "limit", "country"}
    assert set(operation["responses"]) == {"200", "400", "429"}


@pytest.mark.django_db
def test_the_api_ranks_for_the_callers_country_belgium_unless_told():
    from search.services import document_upsert

    for country in ("nl", "be"):
        document_upsert(
            kind="service",
            key=f"quokka-{country}",
            lang="en",
            title="Quokka care",
            url=f"/en/q/{country}/",
            country=country,
        )

    def first(**params: str) -> str:
        return client.get("/api/v1/search", {"q": "quokka", "lang": "en", **params}).json()["results"][0]["url"]

    client = Client()
    titles = [r["title"] for r in client.get("/api/v1/search", {"q": "quokka", "lang": "en"}).json()["results"]]
    assert titles == ["Quokka care", "Quokka care"]  # the other country's service is still there
    assert first() == first(country="be") == "/en/q/be/"
    assert first(country="nl") == "/en/q/nl/"


@pytest.mark.django_db
def test_the_api_limits_searches_per_client_and_stores_nothing_about_it(client: Client):
    from search.api import RATE_LIMIT
    from search.models import MissedQuery

    for _ in range(RATE_LIMIT):
        assert client.get("/api/v1/search", {"q": "abortus", "lang": "nl"}).status_code == 200
    response = client.get("/api/v1/search", {"q": "abortus", "lang": "nl"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "error" in response.json()
    assert not MissedQuery.objects.exists()
    # Another client is not affected.
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert other.get("/api/v1/search", {"q": "abortus", "lang": "nl"}).status_code == 200
