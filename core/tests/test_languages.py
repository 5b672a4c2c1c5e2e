import re

import pytest
from django.test import Client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("nl-BE,nl;q=0.9,en;q=0.5", "/nl/"),
        ("fr-BE,fr;q=0.9", "/fr/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_the_root_picks_a_language_from_the_browser_without_a_cookie(client: Client, accept: str, expected: str):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_html_lang_matches_the_url(client: Client, lang: str):
    html = client.get(f"/{lang}/").content.decode()
    assert f'<html lang="{lang}">' in html


@pytest.mark.django_db
def test_the_language_switcher_keeps_you_on_the_same_page(client: Client):
    html = client.get("/fr/safety/browse-safely/").content.decode()
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w\w)"', html))
    assert set(links.values()) == {"nl", "fr", "en"}
    assert "/nl/safety/browse-safely/" in links
    assert "/en/safety/browse-safely/" in links


@pytest.mark.django_db
def test_pages_are_translated(client: Client):
    nl = client.get("/nl/safety/browse-safely/").content.decode()
    fr = client.get("/fr/safety/browse-safely/").content.decode()
    en = client.get("/en/safety/browse-safely/").content.decode()
    assert "Veilig surfen" in nl
    assert "Naviguer en sécurité" in fr
    assert "Browse safely" in en
