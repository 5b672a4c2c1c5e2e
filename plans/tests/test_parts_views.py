"""Motivations, budget, skills, network, safety, journal: saving, validation and version conflicts."""

import re

import pytest

from plans.models import PartKind
from plans.tests.helpers import BASE


def _budget(version, **changes):
    data = {"version": version, "fund_period": "month"}
    data.update(changes)
    return data


@pytest.mark.django_db
def test_motivations_are_saved_and_shown_again(plan):
    response = plan.post("motivations/", {"version": 1, "why": "My own reasons", "dreams": "A bakery", "region": ""})
    assert response.status_code == 302
    assert plan.read(PartKind.MOTIVATIONS).data["dreams"] == "A bakery"
    assert "A bakery" in plan.get("motivations/").content.decode()


@pytest.mark.django_db
def test_an_unknown_region_is_refused_and_the_text_kept(plan):
    response = plan.post("motivations/", {"version": 1, "why": "Typed text", "region": "atlantis"})
    assert response.status_code == 200
    assert "Typed text" in response.content.decode()


@pytest.mark.django_db
def test_the_budget_accepts_belgian_and_dutch_amounts_and_calculates(plan):
    response = plan.post(
        "budget/",
        _budget(
            1,
            cost_rent="850",
            cost_food="1.234,56",
            income_benefits="1000.50",
            savings="€ 2.500",
            fund_target="3000",
            fund_amount="100",
            fund_period="week",
        ),
    )
    assert response.status_code == 302
    doc = plan.read(PartKind.BUDGET).data
    assert doc["costs"] == {"rent": "850.00", "food": "1234.56"}
    assert doc["income"] == {"benefits": "1000.50"}
    html = plan.get("budget/").content.decode()
    assert "about 2.3 months" in html  # 2500 / (2084.56 - 1000.50)
    assert "<svg" in html and 'role="img"' in html
    # 433.33 a month put aside, but the costs are 1084.06 a month more than the other income: the fund shrinks
    assert "not reached at this pace" in html and "reached in" not in html


@pytest.mark.django_db
def test_the_budget_page_says_already_reached_and_the_real_monthly_gain(plan):
    data = _budget(1, cost_rent="1000", income_work="800", savings="1500", fund_target="1000", fund_amount="300")
    assert plan.post("budget/", data).status_code == 302
    html = plan.get("budget/").content.decode()
    assert "already reached" in html and "reached in 0" not in html
    gain = re.search(r"after the shortfall</dt>\s*<dd>([^<]*)</dd>", html)
    assert gain and gain.group(1) == "€\u00a0100"  # 300 put aside less the 200 the other income does not cover
    assert "It has already reached the target" in html


@pytest.mark.django_db
def test_wrong_amounts_are_explained_and_everything_typed_is_kept(plan):
    response = plan.post(
        "budget/", _budget(1, cost_rent="eight hundred", cost_food="1.234,56", savings="-5", notes="my notes")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "for example 1.234,56 or 1234.56" in html
    assert "cannot be negative" in html
    assert 'value="eight hundred"' in html and 'value="1.234,56"' in html and "my notes" in html
    assert 'aria-invalid="true"' in html
    assert plan.read(PartKind.BUDGET).version == 1  # nothing saved


@pytest.mark.django_db
def test_an_old_version_is_not_overwritten_and_the_typing_is_kept(plan):
    assert plan.post("budget/", _budget(1, cost_rent="700", notes="first device")).status_code == 302
    response = plan.post("budget/", _budget(1, cost_rent="900", notes="second device"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "changed on another device" in html
    assert 'value="900"' in html and "second device" in html  # what the second device typed
    assert "first device" in html  # what is saved now, to compare
    assert plan.read(PartKind.BUDGET).data["notes"] == "first device"
    assert 'name="version" value="2"' in html  # saving again is a deliberate overwrite
    assert plan.post("budget/", _budget(2, cost_rent="900", notes="second device")).status_code == 302
    assert plan.read(PartKind.BUDGET).data["notes"] == "second device"


@pytest.mark.django_db
def test_motivations_conflict_too(plan):
    plan.post("motivations/", {"version": 1, "why": "one"})
    response = plan.post("motivations/", {"version": 1, "why": "two"})
    assert b"changed on another device" in response.content
    assert plan.read(PartKind.MOTIVATIONS).data["why"] == "one"


@pytest.mark.django_db
def test_a_tampered_version_is_an_error_not_a_crash(plan):
    response = plan.post("motivations/", {"version": "abc", "why": "text"})
    assert response.status_code == 200
    assert b"text" in response.content


@pytest.mark.django_db
def test_skills_show_the_sectors_that_value_them(plan):
    plan.post("skills/", {"version": 1, "skills": ["negotiation", "marketing"], "ideas": "sales"})
    html = plan.get("skills/").content.decode()
    assert "Sectors that value your skills" in html
    assert html.index("Sales") < html.index("Logistics")  # two matches before one
    assert plan.read(PartKind.SKILLS).data["skills"] == ["marketing", "negotiation"]


@pytest.mark.django_db
def test_unknown_skills_are_refused(plan):
    response = plan.post("skills/", {"version": 1, "skills": ["flying"]})
    assert response.status_code == 200 and plan.read(PartKind.SKILLS).version == 1


def _contacts(version, rows, initial=0):
    data = {
        "version": version,
        "contacts-TOTAL_FORMS": len(rows),
        "contacts-INITIAL_FORMS": initial,
        "contacts-MIN_NUM_FORMS": 0,
        "contacts-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"contacts-{index}-{key}"] = value
    return data


@pytest.mark.django_db
def test_the_support_network_adds_changes_and_removes_people(plan):
    plan.post("network/", _contacts(1, [{"name": "Sam", "reach": "via Signal", "when": "when I doubt"}, {"name": ""}]))
    contacts = plan.read(PartKind.NETWORK).data["contacts"]
    assert [c["name"] for c in contacts] == ["Sam"]
    sam = contacts[0]["id"]
    html = plan.get("network/").content.decode()
    assert "via Signal" in html and html.count("contacts-") > 8  # Sam and two empty rows
    plan.post(
        "network/",
        _contacts(
            2,
            [{"id": sam, "name": "Sam", "reach": "by phone", "DELETE": ""}, {"name": "Espace P", "when": "papers"}],
            1,
        ),
    )
    contacts = plan.read(PartKind.NETWORK).data["contacts"]
    assert [(c["name"], c["reach"]) for c in contacts] == [("Sam", "by phone"), ("Espace P", "")]
    assert contacts[0]["id"] == sam
    espace = contacts[1]["id"]
    plan.post(
        "network/", _contacts(3, [{"id": sam, "name": "Sam", "DELETE": "on"}, {"id": espace, "name": "Espace P"}], 2)
    )
    assert [c["name"] for c in plan.read(PartKind.NETWORK).data["contacts"]] == ["Espace P"]


@pytest.mark.django_db
def test_a_broken_network_form_is_not_a_crash(plan):
    assert plan.post("network/", {"version": 1}).status_code == 200


@pytest.mark.django_db
def test_the_safety_checklist_links_to_the_knowledge_base(plan):
    html = plan.get("safety/").content.decode()
    assert 'href="/en/knowledge/emergency-numbers/"' in html
    assert 'href="/en/safety/browse-safely/"' in html
    plan.post("safety/", {"version": 1, "done": ["emergency-numbers", "passphrase"], "notes": "ok"})
    assert plan.read(PartKind.SAFETY).data["done"] == ["emergency-numbers", "passphrase"]


@pytest.mark.django_db
def test_the_journal_keeps_dated_entries_and_celebrates_milestones(plan):
    response = plan.post("journal/", {"date": "2027-01-15", "text": "Finished my CV", "milestone": "on"})
    assert response["Location"] == BASE + "journal/"
    page = plan.get("journal/").content.decode()
    assert "A milestone! Well done." in page
    assert "Finished my CV" in page and "January 2027" in page
    plan.post("journal/", {"date": "15/02/2027", "text": "A calm day"})
    entries = plan.read(PartKind.JOURNAL).data["entries"]
    assert [e["date"] for e in entries] == ["2027-02-15", "2027-01-15"]
    plan.post(f"journal/{entries[0]['id']}/delete/")
    assert [e["text"] for e in plan.read(PartKind.JOURNAL).data["entries"]] == ["Finished my CV"]


@pytest.mark.django_db
def test_a_journal_entry_needs_a_valid_date_and_keeps_the_text(plan):
    response = plan.post("journal/", {"date": "someday", "text": "Keep me"})
    assert response.status_code == 200
    assert b"Enter a date" in response.content and b"Keep me" in response.content


@pytest.mark.django_db
def test_the_overview_shows_which_parts_are_started(plan):
    plan.post("motivations/", {"version": 1, "why": "x"})
    html = plan.get("").content.decode()
    assert len(re.findall("Not started", html)) == 6
    assert "Started" in html
