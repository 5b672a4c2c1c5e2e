"""The data key rests only sealed under a key the browser alone holds; the plan locks when it should."""

import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from crypto.primitives import b64e
from plans import services
from plans import session as plan_session
from plans.tests.helpers import BASE, PASSPHRASE, PSEUDONYM, make_plan

EN_COOKIE = plan_session.COOKIE_PREFIX + "en"


def _cookie(client: Client):
    return client.cookies[EN_COOKIE]


@pytest.mark.django_db
def test_the_plan_cookie_is_httponly_strict_and_limited_to_the_planner(plan):
    cookie = _cookie(plan.client)
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"].endswith("/plan/")
    assert not cookie["expires"] and not cookie["max-age"]  # gone when the browser closes


@pytest.mark.django_db
def test_the_plan_cookie_is_secure_in_production(settings, client):
    settings.SESSION_COOKIE_SECURE = True
    plan = make_plan(client)
    assert _cookie(plan.client)["secure"] is True


@pytest.mark.django_db
def test_the_session_row_does_not_hold_the_data_key(plan):
    unlocked = services.space_unlock(pseudonym=PSEUDONYM, passphrase=PASSPHRASE)
    session = Session.objects.get(session_key=plan.client.session.session_key)
    stored = session.session_data
    assert b64e(unlocked.key) not in stored
    decoded = str(session.get_decoded())
    assert b64e(unlocked.key) not in decoded and PSEUDONYM not in decoded and PASSPHRASE not in decoded


@pytest.mark.django_db
def test_the_session_without_the_cookie_opens_nothing(plan):
    session_cookie = plan.client.cookies[settings.SESSION_COOKIE_NAME].value
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = session_cookie
    assert thief.get(BASE + "goals/")["Location"] == BASE + "sign-in/"


@pytest.mark.django_db
def test_the_cookie_without_the_session_opens_nothing(plan):
    thief = Client()
    thief.cookies[EN_COOKIE] = _cookie(plan.client).value
    thief.cookies[EN_COOKIE]["path"] = "/en/plan/"
    assert thief.get(BASE + "goals/")["Location"] == BASE + "sign-in/"


@pytest.mark.django_db
def test_the_plan_locks_after_inactivity(plan):
    session = plan.client.session
    session[plan_session.SESSION_SEEN] = int(time.time()) - plan_session.IDLE_TIMEOUT - 1
    session.save()
    response = plan.get("goals/")
    assert response["Location"] == BASE + "sign-in/"
    assert all(plan.client.cookies[name].value == "" for name in plan_session.cookie_paths())  # cookies cleared
    page = plan.client.get(BASE + "sign-in/").content.decode()
    assert "locked after 15 minutes" in page
    assert plan_session.SESSION_TOKEN not in plan.client.session


@pytest.mark.django_db
def test_activity_keeps_the_plan_open(plan):
    session = plan.client.session
    session[plan_session.SESSION_SEEN] = int(time.time()) - plan_session.IDLE_TIMEOUT + 60
    session.save()
    assert plan.get("goals/").status_code == 200
    assert plan.client.session[plan_session.SESSION_SEEN] >= int(time.time()) - 5


@pytest.mark.django_db
def test_the_idle_timeout_is_a_module_setting(plan, monkeypatch):
    monkeypatch.setattr(plan_session, "IDLE_TIMEOUT", 0)
    session = plan.client.session
    session[plan_session.SESSION_SEEN] = int(time.time()) - 1
    session.save()
    assert plan.get("goals/")["Location"] == BASE + "sign-in/"


@pytest.mark.django_db
def test_the_quick_exit_signs_the_plan_out(plan):
    old_key = plan.client.session.session_key
    response = plan.client.get("/exit/")
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=old_key).exists()
    assert plan.get("goals/")["Location"] == BASE + "sign-in/"


@pytest.mark.django_db
def test_the_quick_exit_beacon_also_signs_out(plan):
    plan.client.post("/exit/")
    assert plan.get("")["Content-Type"].startswith("text/html")
    assert b"Make my private plan" in plan.get("").content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["", "motivations/", "goals/", "budget/", "journal/", "share/", "export/my-plan.json", "export/my-plan.pdf"],
)
def test_plan_pages_are_never_stored_by_browsers(plan, path):
    assert plan.get(path)["Cache-Control"] == "no-store"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["", "new/", "sign-in/", "recover/"])
def test_public_planner_pages_are_never_stored_either(client, path):
    assert client.get(BASE + path)["Cache-Control"] == "no-store"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_plan_stays_open_in_every_language(plan, lang):
    assert plan.client.get(f"/{lang}/plan/budget/").status_code == 200


def _browser(client: Client, path: str) -> Client:
    """A client that sends only the cookies whose path covers ``path``, as a browser does (Django's test
    client ignores cookie paths)."""
    browser = Client()
    for name, morsel in client.cookies.items():
        if morsel.value and path.startswith(morsel["path"] or "/"):
            browser.cookies[name] = morsel.value
    return browser


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_plan_made_in_any_language_opens_in_every_language(client, lang):
    response = client.post(
        f"/{lang}/plan/new/",
        {"pseudonym": PSEUDONYM, "passphrase": PASSPHRASE, "passphrase2": PASSPHRASE, "understood": "on"},
    )
    assert response["Location"] == f"/{lang}/plan/new/recovery-code/"
    paths = {morsel["path"] for morsel in response.cookies.values() if morsel.key.startswith("haven_plan_")}
    assert paths == {"/nl/plan/", "/fr/plan/", "/en/plan/"}  # one Set-Cookie per language, none lost
    for other in ("nl", "fr", "en"):
        path = f"/{other}/plan/new/recovery-code/"
        assert _browser(client, path).get(path).status_code == 200, other


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_signing_in_in_any_language_opens_the_plan(client, lang):
    make_plan(Client())
    response = client.post(f"/{lang}/plan/sign-in/", {"pseudonym": PSEUDONYM, "passphrase": PASSPHRASE})
    assert response["Location"] == f"/{lang}/plan/"
    for other in ("nl", "fr", "en"):
        path = f"/{other}/plan/goals/"
        assert _browser(client, path).get(path).status_code == 200, other


@pytest.mark.django_db
def test_locking_clears_the_cookie_of_every_language(plan):
    response = plan.post("sign-out/")
    cleared = {morsel["path"] for morsel in response.cookies.values() if morsel.key.startswith("haven_plan_")}
    assert cleared == {"/nl/plan/", "/fr/plan/", "/en/plan/"}
    assert all(not morsel.value for morsel in response.cookies.values() if morsel.key.startswith("haven_plan_"))


@pytest.mark.django_db
def test_signing_in_gives_a_new_session_key(client):
    make_plan(Client())
    client.get(BASE + "sign-in/")
    session = client.session
    session["something"] = "x"
    session.save()
    before = client.session.session_key
    client.post(BASE + "sign-in/", {"pseudonym": PSEUDONYM, "passphrase": PASSPHRASE})
    assert client.session.session_key != before
