import pytest
from django.conf import settings
from django.test import Client


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/nl/safety/browse-safely/", "/fr/accounts/sign-in/", "/en/no-such-page/"])
def test_every_page_has_the_quick_exit(client: Client, path: str):
    html = client.get(path).content.decode()
    assert "data-quick-exit" in html
    assert 'href="/exit/"' in html
    assert f'data-exit-url="{settings.HAVEN_QUICK_EXIT_URL}"' in html


@pytest.mark.django_db
def test_the_exit_url_works_without_javascript_and_clears_the_session(client: Client):
    session = client.session
    session["something"] = "private"
    session.save()
    old_key = session.session_key
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == settings.HAVEN_QUICK_EXIT_URL
    assert response["Clear-Site-Data"] == '"cache"'
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=old_key).exists()


@pytest.mark.django_db
def test_the_exit_also_accepts_the_beacon_post_without_csrf():
    client = Client(enforce_csrf_checks=True)
    assert client.post("/exit/").status_code == 302


@pytest.mark.django_db
def test_the_exit_destination_is_configurable(client: Client, settings):
    settings.HAVEN_QUICK_EXIT_URL = "https://weather.example/"
    assert client.get("/exit/")["Location"] == "https://weather.example/"
    assert 'data-exit-url="https://weather.example/"' in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_the_browse_safely_page_says_what_the_button_does_not_do(client: Client):
    html = client.get("/en/safety/browse-safely/").content.decode()
    assert "does not erase your browsing history" in html
    assert "private window" in html
