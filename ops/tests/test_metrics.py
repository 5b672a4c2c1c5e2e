"""/metrics: a bearer token compared in constant time, counts by route name and status, no personal data."""

import pytest
from django.db import connection
from django.test import override_settings

from ops import metrics

TOKEN = "metrics-token-for-the-tests-0123456789"


@pytest.fixture(autouse=True)
def _fresh_counters():
    metrics.reset()
    yield
    metrics.reset()


@pytest.mark.django_db
def test_without_a_token_setting_the_endpoint_does_not_exist(client):
    with override_settings(HAVEN_METRICS_TOKEN=""):
        assert client.get("/metrics").status_code == 404
        assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["", "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x", TOKEN])
def test_a_wrong_or_missing_token_gets_404(client, header):
    with override_settings(HAVEN_METRICS_TOKEN=TOKEN):
        extra = {"HTTP_AUTHORIZATION": header} if header else {}
        assert client.get("/metrics", **extra).status_code == 404


@pytest.mark.django_db
def test_counts_by_route_name_and_status_without_paths_or_queries(client):
    client.get("/en/search/?q=secretsearchword")
    client.get("/en/no-such-page-markerpath/")
    client.get("/livez")
    with override_settings(HAVEN_METRICS_TOKEN=TOKEN):
        response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    text = response.content.decode()
    assert 'haven_requests_total{route="search",status="200"} 1' in text
    assert 'haven_requests_total{route="livez",status="200"} 1' in text
    assert 'status="404"' in text
    assert 'haven_jobs{status="READY"} 0' in text
    assert "haven_process_resident_bytes" in text
    assert "secretsearchword" not in text and "markerpath" not in text and "127.0.0.1" not in text
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_queue_depth_counts_waiting_jobs(client):
    from core.email import email_enqueue

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        email_enqueue(
            to="x@example.org",
            template="accounts/email/added",
            context={"name": "N", "role": "admin", "organisation": "O", "link": "https://x/"},
            language="en",
        )
    with override_settings(HAVEN_METRICS_TOKEN=TOKEN):
        text = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").content.decode()
    assert 'haven_jobs{status="READY"} 1' in text
    assert connection.vendor in ("sqlite", "postgresql")


def test_livez_is_the_bare_view(client):
    response = client.get("/livez")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert client.post("/livez").status_code == 405
