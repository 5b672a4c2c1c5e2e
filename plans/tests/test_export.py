"""Taking the plan away: JSON with everything, and a PDF that any reader opens."""

import io
import json

import pytest
from pypdf import PdfReader

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


def _text(body: bytes) -> str:
    """What a reader extracts from the PDF: the text layer, as copy and search see it."""
    reader = PdfReader(io.BytesIO(body))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.django_db
def test_the_pdf_export_is_a_well_formed_pdf_with_the_plan_in_it(filled):
    response = filled.get("export/my-plan.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="my-plan.pdf"'
    body = response.content
    assert body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF")
    text = _text(body)
    assert "Être libre (ça compte)" in text
    assert "First day of training \\ new" in text
    assert "€" in text


@pytest.mark.django_db
def test_the_pdf_export_keeps_romanian_bulgarian_thai_and_chinese_as_written(plan):
    written = {
        "why": "Vreau să-mi deschid o afacere în țară, lângă Brașov: șansă, știință, ȘȚ.",
        "dreams": "Мечтая да уча в София и да работя като фризьорка.",
        "obstacles": "ฉันอยากเรียนภาษาดัตช์และหางานใหม่",
        "helps": "我想学荷兰语。Grüße, Ελλάδα, ✓ ○",
    }
    plan.post("motivations/", {"version": 1, **written})
    text = _text(plan.get("export/my-plan.pdf").content)
    for value in written.values():
        assert value in text.replace("\n", ""), value


def test_the_pdf_says_only_the_day_it_was_made():
    reader = PdfReader(io.BytesIO(pdf.render("My plan", [], [])))
    assert reader.metadata is not None
    assert str(reader.metadata["/CreationDate"]).endswith("000000Z")  # midnight: the day, not the moment
    assert "/ModDate" not in reader.metadata


def test_long_plans_flow_onto_more_pages():
    sections = [Section("journal", "Journal", [Entry(f"Day {i}", "word " * 60) for i in range(80)])]
    reader = PdfReader(io.BytesIO(pdf.render("My plan", [], sections)))
    total = len(reader.pages)
    assert total > 3
    assert f"1/{total}" in reader.pages[0].extract_text() and f"{total}/{total}" in reader.pages[-1].extract_text()


def test_a_character_that_no_font_has_is_left_out_not_fatal():
    text = _text(pdf.render("Plan ✓ 한국어 kept", ["○ open"], []))
    assert "Plan ✓" in text and "kept" in text and "○ open" in text


def test_the_fonts_are_installed_and_checked_at_start(monkeypatch, tmp_path):
    from plans import checks

    assert pdf.missing_fonts() == []
    assert checks.pdf_fonts_are_installed() == []
    monkeypatch.setitem(pdf.FONTS, ("Haven", ""), tmp_path / "gone.ttf")
    errors = checks.pdf_fonts_are_installed()
    assert [error.id for error in errors] == ["plans.E001"] and "fonts-dejavu-core" in (errors[0].hint or "")
