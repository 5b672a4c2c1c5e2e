import pytest
from django.test import Client


@pytest.mark.django_db
def test_discreet_mode_gives_a_neutral_title_and_icon(client: Client):
    response = client.get("/en/discreet/", {"on": "1", "next": "/en/safety/browse-safely/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/safety/browse-safely/"
    cookie = response.cookies["haven_discreet"]
    assert cookie.value == "1"  # remembers only "on": nothing that identifies anyone
    assert cookie["httponly"]
    html = client.get("/en/safety/browse-safely/").content.decode()
    assert "<title>Notes</title>" in html
    assert "icon-neutral.svg" in html
    assert "Haven</title>" not in html


@pytest.mark.django_db
def test_discreet_mode_can_be_turned_off(client: Client):
    client.get("/en/discreet/", {"on": "1"})
    client.get("/en/discreet/", {"on": "0"})
    assert "<title>Notes</title>" not in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_discreet_mode_never_redirects_to_another_site(client: Client):
    response = client.get("/en/discreet/", {"on": "1", "next": "https://evil.example/"})
    assert response["Location"] == "/en/"


@pytest.mark.django_db
def test_the_discreet_cookie_ends_with_the_visit(client: Client):
    cookie = client.get("/en/discreet/", {"on": "1"}).cookies["haven_discreet"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


@pytest.mark.django_db
@pytest.mark.parametrize("next_", ["foo", "core:home", "//evil.example/", "javascript:alert(1)", "", "/en/\n\x00"])
def test_a_strange_next_goes_home_without_an_error(client: Client, next_: str):
    response = client.get("/en/discreet/", {"on": "1", "next": next_})
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith("//") and ":" not in location
    assert "\n" not in location and "\x00" not in location
