"""What a copy of the database shows of a plan: nothing. Checked on the raw SQLite files or `pg_dump` output."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from accounts.testing import make_trio
from accounts.testing import sign_in as staff_sign_in
from core.testing import raw_database_dump
from crypto.primitives import b64e
from plans import services
from plans.tests.helpers import code_in, make_plan

MARKER = "zq-marker-7f3e"
PSEUDONYM = "Pseudo zqpseudo41"
PASSPHRASE = "zqpassphrase marker words"


def _fill_every_part(plan) -> None:
    steps = {"steps-TOTAL_FORMS": 1, "steps-INITIAL_FORMS": 0, "steps-MIN_NUM_FORMS": 0, "steps-MAX_NUM_FORMS": 1000}
    posts = [
        (
            "motivations/",
            {"version": 1, **{name: f"{MARKER} {name}" for name in ("why", "dreams", "obstacles", "helps")}},
        ),
        (
            "goals/new/",
            {"version": 1, "domain": "housing", "title": f"{MARKER} goal", "steps-0-text": f"{MARKER} step", **steps},
        ),
        ("budget/", {"version": 1, "cost_rent": "987654,32", "notes": f"{MARKER} budget", "fund_period": "week"}),
        ("skills/", {"version": 1, "skills": ["listening"], "other": f"{MARKER} skills", "ideas": f"{MARKER} ideas"}),
        (
            "network/",
            {
                "version": 1,
                "contacts-TOTAL_FORMS": 1,
                "contacts-INITIAL_FORMS": 0,
                "contacts-MIN_NUM_FORMS": 0,
                "contacts-MAX_NUM_FORMS": 1000,
                "contacts-0-name": f"{MARKER} contact",
                "contacts-0-reach": f"{MARKER} phone",
                "contacts-0-when": f"{MARKER} when",
            },
        ),
        ("safety/", {"version": 1, "done": ["passphrase"], "notes": f"{MARKER} safety"}),
        ("journal/", {"date": "2027-01-02", "text": f"{MARKER} journal", "milestone": "on"}),
    ]
    for path, data in posts:
        response = plan.post(path, data)
        assert response.status_code == 302, (path, response.content.decode()[:1500])


@pytest.mark.django_db(transaction=True)
def test_no_plan_text_reaches_the_database_or_the_session_store(vocabulary):
    plan = make_plan(Client(), pseudonym=PSEUDONYM, passphrase=PASSPHRASE)
    _fill_every_part(plan)
    goals = plan.read("goals").data["goals"]
    assert goals and goals[0]["title"] == f"{MARKER} goal"
    response = plan.post(
        "share/",
        {"sections": ["motivations", "goals", "budget", "skills", "network", "safety", "journal"], "days": "7"},
    )
    share_code = code_in(plan.client.get(response["Location"]).content.decode())
    trio = make_trio()
    staff = Client()
    staff_sign_in(staff, trio.bob)
    assert MARKER in staff.post("/en/plan/org/org-a/shared/redeem/", {"code": share_code}).content.decode()
    assert plan.get("journal/").status_code == 200  # the session is in use and saved

    unlocked = services.space_unlock(pseudonym=PSEUDONYM, passphrase=PASSPHRASE)
    assert unlocked is not None
    dump = raw_database_dump()
    for secret in (MARKER, "zqpseudo41", "zqpassphrase", plan.recovery_code, share_code, "987654"):
        assert secret.encode() not in dump, secret
        assert secret.encode("utf-16-le") not in dump, secret
    assert b64e(unlocked.key).encode() not in dump
    assert unlocked.key not in dump
    session = Session.objects.get(session_key=plan.client.session.session_key)
    assert session.session_data.encode() in dump  # the session row is in the dump: it holds only a sealed token


@pytest.mark.django_db(transaction=True)
def test_the_dump_does_not_contain_the_marker_after_a_passphrase_change_and_recovery(vocabulary):
    plan = make_plan(Client(), pseudonym=PSEUDONYM, passphrase=PASSPHRASE)
    plan.post("motivations/", {"version": 1, "why": MARKER})
    plan.post(
        "passphrase/",
        {"current": PASSPHRASE, "passphrase": "zqnewpass words here", "passphrase2": "zqnewpass words here"},
    )
    services.space_recover(recovery_code=plan.recovery_code, pseudonym=PSEUDONYM, passphrase="zqthird pass words")
    dump = raw_database_dump()
    for secret in (MARKER, "zqnewpass", "zqthird"):
        assert secret.encode() not in dump, secret
