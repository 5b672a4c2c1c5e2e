import pytest
from django.test import Client

LOGIN = "/en/accounts/sign-in/"


def _token(client: Client) -> str:
    client.get(LOGIN)
    return client.cookies["haven_csrf"].value


@pytest.mark.django_db
def test_a_same_origin_post_with_a_null_origin_is_accepted_when_the_browser_vouches_for_it():
    client = Client(enforce_csrf_checks=True)
    token = _token(client)
    response = client.post(
        LOGIN,
        {"email": "a@example.org", "password": "x", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_cross_site_post_is_refused():
    client = Client(enforce_csrf_checks=True)
    token = _token(client)
    response = client.post(
        LOGIN,
        {"email": "a@example.org", "password": "x", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 403
    response = client.post(
        LOGIN,
        {"email": "a@example.org", "password": "x", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_token_is_still_required():
    client = Client(enforce_csrf_checks=True)
    _token(client)
    response = client.post(
        LOGIN, {"email": "a@example.org", "password": "x"}, HTTP_ORIGIN="null", HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_https_posts_without_a_referer_pass_only_when_same_origin():
    client = Client(enforce_csrf_checks=True)
    token = _token(client)
    data = {"email": "a@example.org", "password": "x", "csrfmiddlewaretoken": token}
    assert client.post(LOGIN, data, secure=True, HTTP_SEC_FETCH_SITE="same-origin").status_code == 200
    assert client.post(LOGIN, data, secure=True).status_code == 403


@pytest.mark.django_db
def test_a_refused_form_gets_a_plain_explanation():
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, {"email": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert b"Please send the form again" in response.content
    assert b"data-quick-exit" in response.content
