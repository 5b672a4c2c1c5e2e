"""Pages and JSON are compressed as a browser receives them, except where a secret shares the page with what a
visitor can make it reflect (BREACH): forms with a CSRF token, anything asked with a session, staff, plan or CSRF
cookie, responses that set a cookie, and the private plan pages. Static files: WhiteNoise's precompressed copies."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from accounts.testing import sign_in

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def _compressed(response) -> bool:  # type: ignore[no-untyped-def]
    return response.get("Content-Encoding") == "gzip"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/nl/knowledge/",
        "/fr/directory/",
        "/en/search/?q=abortion",
        "/api/v1/search?q=abortion",
        "/api/hsds/services",
    ],
)
def test_public_pages_and_json_are_compressed(client: Client, url: str):
    response = client.get(url, **GZIP)
    assert response.status_code == 200
    assert _compressed(response)
    assert "Accept-Encoding" in response["Vary"]
    assert len(gzip.decompress(response.content)) > len(response.content)
    # The discreet-mode preference is not a secret.
    client.cookies["haven_discreet"] = "1"
    assert _compressed(client.get(url, **GZIP))


@pytest.mark.django_db
def test_nothing_is_compressed_for_a_client_that_does_not_ask(client: Client):
    assert not _compressed(client.get("/en/"))


@pytest.mark.django_db
def test_a_form_with_a_csrf_token_is_not_compressed(client: Client):
    response = client.get("/en/accounts/sign-in/", **GZIP)
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert not _compressed(response)


@pytest.mark.django_db
def test_plan_pages_are_never_compressed(client: Client):
    for url in ("/en/plan/", "/nl/plan/", "/fr/plan/"):
        response = client.get(url, **GZIP)
        assert response.status_code in (200, 302), url
        assert not _compressed(response), url


@pytest.mark.django_db
def test_nothing_is_compressed_for_a_signed_in_member_of_staff(client: Client, trio):
    sign_in(client, trio.alice)
    for url in ("/en/", "/en/knowledge/", "/api/v1/search?q=abortion"):
        assert not _compressed(client.get(url, **GZIP)), url


@pytest.mark.django_db
def test_any_cookie_but_the_discreet_preference_stops_compression(client: Client):
    client.cookies["haven_csrf"] = "x" * 32
    assert not _compressed(client.get("/en/", **GZIP))


def test_static_files_are_precompressed_with_gzip_and_brotli(tmp_path: Path):
    pytest.importorskip("brotli")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    css = [path.name for path in tmp_path.rglob("haven*.css*")]
    assert any(name.endswith(".css.gz") for name in css), css
    assert any(name.endswith(".css.br") for name in css), css


def test_the_client_key_costs_one_cache_read_per_process_and_day(monkeypatch: pytest.MonkeyPatch):
    from django.core.cache import cache

    from core import clients

    clients._local_key.clear()
    reads: list[object] = []
    real_get = cache.get

    def counted_get(*args: object, **kwargs: object) -> object:
        reads.append(args)
        return real_get(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "get", counted_get)
    first = clients.client_fingerprint("192.0.2.1")
    count = len(reads)
    assert count >= 1
    for _ in range(50):
        assert clients.client_fingerprint("192.0.2.1") == first
    assert len(reads) == count
    assert clients.client_fingerprint("192.0.2.2") != first
