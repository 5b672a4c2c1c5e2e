"""Deleting everything: confirmed, immediate, irreversible; no row of the plan remains, nor the session."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from accounts.testing import sign_in as staff_sign_in
from plans.models import Part, Share, ShareView, Space
from plans.tests.helpers import BASE, code_in, make_plan, sign_in


@pytest.mark.django_db
def test_deleting_needs_a_confirmation(plan):
    response = plan.post("delete/", {})
    assert response.status_code == 200 and b"Tick this box" in response.content
    assert Space.objects.count() == 1


@pytest.mark.django_db
def test_deleting_leaves_no_row_in_any_plan_table_nor_the_session(plan, trio):
    plan.post("motivations/", {"version": 1, "why": "gone soon"})
    plan.post("journal/", {"date": "2027-01-01", "text": "gone too"})
    response = plan.post("share/", {"sections": ["motivations"], "days": "7"})
    code = code_in(plan.client.get(response["Location"]).content.decode())
    staff = Client()
    staff_sign_in(staff, trio.bob)
    staff.post("/en/plan/org/org-a/shared/redeem/", {"code": code})
    other = make_plan(Client(), pseudonym="Other Person", passphrase="another long passphrase")
    assert ShareView.objects.count() == 1
    session_key = plan.client.session.session_key

    response = plan.post("delete/", {"confirm": "on"})
    assert response["Location"] == BASE
    assert not Session.objects.filter(session_key=session_key).exists()
    assert Space.objects.count() == 1 and Space.objects.get() == other.space()  # only the other person's
    assert Part.objects.exclude(space=other.space()).count() == 0
    assert Share.objects.count() == 0 and ShareView.objects.count() == 0
    assert plan.get("goals/")["Location"] == BASE + "sign-in/"
    assert sign_in(Client()).status_code == 200  # the pseudonym and passphrase open nothing any more
    assert b"Nothing of it is left" in plan.client.get(BASE).content


@pytest.mark.django_db
def test_the_last_plan_deleted_leaves_every_plan_table_empty(plan):
    plan.post("delete/", {"confirm": "on"})
    for model in (Space, Part, Share, ShareView):
        assert model.objects.count() == 0
