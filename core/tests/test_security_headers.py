import pytest
from django.test import Client

PUBLIC_PAGES = ["/en/", "/nl/", "/fr/", "/en/safety/browse-safely/", "/en/accounts/sign-in/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_page_sends_strict_headers(client: Client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in response["Permissions-Policy"]
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/fr/safety/browse-safely/"])
def test_reading_public_pages_sets_no_cookie(client: Client, path: str):
    response = client.get(path)
    assert not response.cookies


@pytest.mark.django_db
def test_pages_hold_no_inline_script_or_style(client: Client):
    html = client.get("/en/").content.decode()
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    assert "onclick=" not in html


@pytest.mark.django_db
def test_health_reports_the_database(client: Client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_health_reports_an_unavailable_database(client: Client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
