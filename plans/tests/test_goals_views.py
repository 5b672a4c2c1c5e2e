"""Goals per life domain, small steps with dates, ticking steps off, and the celebration."""

import pytest

from plans.models import PartKind
from plans.tests.helpers import BASE

pytestmark = pytest.mark.usefixtures("vocabulary")


def _goal(version=1, domain="housing", title="A flat of my own", target="", steps=(), initial=0):
    data = {
        "version": version,
        "domain": domain,
        "title": title,
        "target": target,
        "steps-TOTAL_FORMS": len(steps),
        "steps-INITIAL_FORMS": initial,
        "steps-MIN_NUM_FORMS": 0,
        "steps-MAX_NUM_FORMS": 1000,
    }
    for index, step in enumerate(steps):
        for key, value in step.items():
            data[f"steps-{index}-{key}"] = value
    return data


def _add(plan, **kwargs):
    response = plan.post("goals/new/", _goal(**kwargs))
    assert response.status_code == 302, response.content.decode()[:3000]
    return plan.read(PartKind.GOALS).data["goals"][-1]


@pytest.mark.django_db
def test_the_new_goal_form_offers_domains_and_three_empty_steps(plan):
    html = plan.get("goals/new/").content.decode()
    assert 'value="housing"' in html and "Housing" in html
    assert 'name="steps-2-text"' in html and 'name="steps-3-text"' not in html
    assert 'type="date"' in html


@pytest.mark.django_db
def test_a_goal_is_saved_with_its_steps_and_dates(plan):
    goal = _add(
        plan,
        target="2027-06-30",
        steps=[{"text": "Register with a social housing office", "target": "2027-02-01"}, {"text": "Visit flats"}, {}],
    )
    assert goal["domain"] == "housing" and goal["target"] == "2027-06-30"
    assert [s["text"] for s in goal["steps"]] == ["Register with a social housing office", "Visit flats"]
    html = plan.get("goals/").content.decode()
    assert "A flat of my own" in html and "0 of 2 steps done" in html
    assert "Housing" in html


@pytest.mark.django_db
def test_a_goal_needs_a_domain_and_a_title_and_keeps_the_steps_typed(plan):
    response = plan.post(
        "goals/new/", _goal(domain="", title="", steps=[{"text": "A step I typed", "target": "31/12/2027"}])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "A step I typed" in html and "This field is required" in html
    bad_date = plan.post("goals/new/", _goal(steps=[{"text": "Step", "target": "next week"}]))
    assert b"Enter a date" in bad_date.content


@pytest.mark.django_db
def test_ticking_steps_celebrates_and_a_finished_goal_is_reached(plan):
    goal = _add(plan, steps=[{"text": "First"}, {"text": "Second"}])
    first, second = (step["id"] for step in goal["steps"])
    response = plan.post(f"goals/{goal['id']}/steps/{first}/toggle/")
    assert response["Location"] == BASE + "goals/"
    assert "one more step behind you" in plan.get("goals/").content.decode()
    plan.post(f"goals/{goal['id']}/steps/{second}/toggle/")
    html = plan.get("goals/").content.decode()
    assert "You reached a goal!" in html and "Goal reached on" in html
    journal = plan.get("journal/").content.decode()
    assert "goal reached" in journal and "2 of 2 steps done" in journal
    plan.post(f"goals/{goal['id']}/steps/{second}/toggle/")  # untick
    steps = plan.read(PartKind.GOALS).data["goals"][0]["steps"]
    assert steps[0]["done_on"] and not steps[1]["done_on"]


@pytest.mark.django_db
def test_ticking_a_step_that_is_gone_says_so(plan):
    goal = _add(plan, steps=[{"text": "First"}])
    response = plan.client.post(BASE + f"goals/{goal['id']}/steps/nothere/toggle/", follow=True)
    assert b"no longer in your plan" in response.content


@pytest.mark.django_db
def test_editing_a_goal_keeps_ticked_days_and_ids(plan):
    goal = _add(plan, steps=[{"text": "First"}, {"text": "Second"}])
    first = goal["steps"][0]
    plan.post(f"goals/{goal['id']}/steps/{first['id']}/toggle/")
    done_on = plan.read(PartKind.GOALS).data["goals"][0]["steps"][0]["done_on"]
    version = plan.read(PartKind.GOALS).version
    edit = plan.get(f"goals/{goal['id']}/").content.decode()
    assert 'value="First"' in edit and "checked" in edit
    response = plan.post(
        f"goals/{goal['id']}/",
        _goal(
            version=version,
            title="A bigger flat",
            steps=[
                {"id": first["id"], "text": "First, reworded", "done": "on"},
                {"id": goal["steps"][1]["id"], "text": ""},
            ],
            initial=2,
        ),
    )
    assert response.status_code == 302
    saved = plan.read(PartKind.GOALS).data["goals"][0]
    assert saved["title"] == "A bigger flat"
    assert saved["steps"] == [{"id": first["id"], "text": "First, reworded", "target": "", "done_on": done_on}]


@pytest.mark.django_db
def test_editing_an_outdated_goal_is_refused_and_keeps_the_typing(plan):
    goal = _add(plan, steps=[{"text": "First"}])
    version = plan.read(PartKind.GOALS).version
    _add(plan, title="Another goal from another device")
    response = plan.post(
        f"goals/{goal['id']}/", _goal(version=version, title="Typed on the old page", steps=[{"text": "x"}])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "changed on another device" in html and "Typed on the old page" in html
    assert "Another goal from another device" in html  # what is saved now
    assert plan.read(PartKind.GOALS).data["goals"][0]["title"] == "A flat of my own"


@pytest.mark.django_db
def test_adding_a_goal_on_two_devices_keeps_both(plan):
    version = plan.read(PartKind.GOALS).version
    _add(plan, version=version, title="From the phone")
    _add(plan, version=version, title="From the laptop")
    assert [g["title"] for g in plan.read(PartKind.GOALS).data["goals"]] == ["From the phone", "From the laptop"]


@pytest.mark.django_db
def test_a_goal_is_deleted_after_confirmation(plan):
    goal = _add(plan)
    assert b"Delete this goal?" in plan.get(f"goals/{goal['id']}/delete/").content
    plan.post(f"goals/{goal['id']}/delete/")
    assert plan.read(PartKind.GOALS).data["goals"] == []
    assert plan.get(f"goals/{goal['id']}/").status_code == 404
