"""Forms are protected by Django's own CSRF checks, which need no ``Sec-Fetch-Site`` (older iPhones do not
send it): under ``Referrer-Policy: same-origin`` a same-origin post carries its ``Origin`` or ``Referer``."""

import pytest
from django.test import Client

LOGIN = "/en/accounts/sign-in/"
DATA = {"email": "a@example.org", "password": "x"}
SAME_ORIGIN = "https://testserver"


def _client_and_token() -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN)
    return client, client.cookies["haven_csrf"].value


@pytest.mark.django_db
def test_a_same_origin_post_without_sec_fetch_site_is_accepted_by_its_origin():
    client, token = _client_and_token()
    response = client.post(LOGIN, {**DATA, "csrfmiddlewaretoken": token}, secure=True, HTTP_ORIGIN=SAME_ORIGIN)
    assert response.status_code == 200
    assert b"Please send the form again" not in response.content


@pytest.mark.django_db
def test_a_same_origin_post_without_sec_fetch_site_or_origin_is_accepted_by_its_referer():
    client, token = _client_and_token()
    response = client.post(
        LOGIN, {**DATA, "csrfmiddlewaretoken": token}, secure=True, HTTP_REFERER=f"{SAME_ORIGIN}{LOGIN}"
    )
    assert response.status_code == 200
    assert b"Please send the form again" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/form"},
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {},
    ],
    ids=["foreign-origin", "null-origin", "foreign-referer", "forged-sec-fetch-site", "no-origin-no-referer"],
)
def test_a_cross_site_post_is_refused_even_with_a_valid_token(headers):
    client, token = _client_and_token()
    response = client.post(LOGIN, {**DATA, "csrfmiddlewaretoken": token}, secure=True, **headers)
    assert response.status_code == 403
    assert b"Please send the form again" in response.content


@pytest.mark.django_db
def test_the_token_is_still_required():
    client, _token = _client_and_token()
    response = client.post(LOGIN, DATA, secure=True, HTTP_ORIGIN=SAME_ORIGIN)
    assert response.status_code == 403


@pytest.mark.django_db
def test_pages_ask_browsers_for_a_same_origin_referrer_only(client: Client):
    response = client.get(LOGIN)
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="referrer" content="same-origin">' in response.content.decode()


@pytest.mark.django_db
def test_the_csrf_cookie_ends_with_the_visit():
    client, _token = _client_and_token()
    cookie = client.cookies["haven_csrf"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_django_checks_csrf_itself_and_nothing_is_silenced(settings):
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    assert not getattr(settings, "SILENCED_SYSTEM_CHECKS", [])


@pytest.mark.django_db
def test_a_refused_form_gets_a_plain_explanation():
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, DATA)
    assert response.status_code == 403
    assert b"Please send the form again" in response.content
    assert b"data-quick-exit" in response.content


@pytest.mark.django_db
def test_no_cookie_outlives_the_visit_on_public_and_plan_pages():
    from directory.models import Service
    from plans.tests.helpers import make_plan

    client = Client()
    service = Service.objects.filter(status="active").order_by("slug").first()
    responses = [client.get(f"/en/directory/service/{service.slug}/suggest/"), client.get("/en/plan/new/")]
    plan = make_plan(client, pseudonym="Quiet Fox", passphrase="lamp river seven tulips")
    responses += [plan.get(""), plan.get("goals/"), client.get("/en/discreet/", {"on": "1"})]
    assert all(response.status_code in (200, 302) for response in responses)
    jar = {name: morsel for name, morsel in client.cookies.items() if morsel.value}  # everything the browser kept
    assert {"haven_csrf", "haven_session", "haven_discreet"} <= set(jar)
    for name, morsel in jar.items():
        assert morsel["max-age"] == "" and morsel["expires"] == "", f"{name} outlives the visit"
