"""Taking the plan away: JSON with everything, and a PDF that any reader opens."""

import json
import re

import pytest

from plans import pdf
from plans.outline import Entry, Section

pytestmark = pytest.mark.usefixtures("vocabulary")


@pytest.fixture
def filled(plan):
    plan.post("motivations/", {"version": 1, "why": "Être libre (ça compte)", "region": "brussels"})
    plan.post("budget/", {"version": 1, "cost_rent": "850", "savings": "1.200", "fund_period": "month"})
    plan.post("journal/", {"date": "2027-03-01", "text": "First day of training \\ new", "milestone": "on"})
    return plan


@pytest.mark.django_db
def test_the_json_export_holds_every_part(filled):
    response = filled.get("export/my-plan.json")
    assert response["Content-Disposition"] == 'attachment; filename="my-plan.json"'
    data = json.loads(response.content)
    assert data["format"] == "haven-plan/1"
    assert set(data["parts"]) == {"motivations", "goals", "budget", "skills", "network", "safety", "journal"}
    assert data["parts"]["motivations"]["why"] == "Être libre (ça compte)"
    assert data["parts"]["budget"]["costs"]["rent"] == "850.00"
    assert data["shares"] == []


@pytest.mark.django_db
def test_the_json_export_lists_shares_and_their_views(filled, trio):
    from django.test import Client

    from accounts.testing import sign_in
    from plans.tests.helpers import code_in

    response = filled.post("share/", {"sections": ["budget"], "days": "1"})
    code = code_in(filled.client.get(response["Location"]).content.decode())
    staff = Client()
    sign_in(staff, trio.bob)
    staff.post("/en/plan/org/org-a/shared/redeem/", {"code": code})
    shares = json.loads(filled.get("export/my-plan.json").content)["shares"]
    assert len(shares) == 1
    assert shares[0]["sections"] == ["budget"] and shares[0]["status"] == "redeemed"
    assert shares[0]["views"][0]["organisation"] == "Organisation A"
    assert code not in json.dumps(shares)


@pytest.mark.django_db
def test_the_pdf_export_is_a_well_formed_pdf_with_the_plan_in_it(filled):
    response = filled.get("export/my-plan.pdf")
    assert response["Content-Type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
    # Every offset in the cross-reference table points at its object.
    xref_at = int(re.search(rb"startxref\n(\d+)", body).group(1))
    assert body[xref_at:].startswith(b"xref")
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n", body)]
    for number, offset in enumerate(offsets, start=1):
        assert body[offset:].startswith(f"{number} 0 obj".encode())
    assert b"(\\312tre libre \\(\\347a compte\\))" in body  # cp1252 octal escapes, parentheses escaped
    assert b"First day of training \\\\ new" in body
    assert b"\\200" in body  # the euro sign


def test_long_plans_flow_onto_more_pages():
    sections = [Section("journal", "Journal", [Entry(f"Day {i}", "word " * 60) for i in range(80)])]
    body = pdf.render("My plan", [], sections)
    assert body.count(b"/Type /Page ") > 3
    assert b"(1/" in body


def test_characters_outside_the_pdf_font_are_replaced_not_fatal():
    body = pdf.render("Plan ✓ 日本", ["○ open"], [])
    assert b"[x]" in body and b"[ ]" in body and b"??" in body
