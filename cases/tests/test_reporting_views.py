"""Funder report pages: the access matrix, the export's re-authentication and audit, CSV and XLSX content,
no personal data in any of them, bad input, and a pinned number of queries."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from accounts.testing import all_audit_entries, sign_in
from cases.tests.report_data import YEAR, add_cases, standard
from outreach.testing import make_tally

pytestmark = pytest.mark.django_db

MARKER = "zq-report-marker-93"
PAGE = "/en/cases/org-a/reports/"
CSV = "/en/cases/org-a/reports/export/csv/"
XLSX = "/en/cases/org-a/reports/export/xlsx/"


@pytest.fixture
def data(trio):
    standard(trio.org_a, trio.bob, marker=MARKER)
    return trio


@pytest.mark.parametrize("who,status", [("alice", 200), ("bob", 200), ("charlie", 404)])
def test_the_report_and_its_exports_are_for_the_organisations_staff(client, data, who, status):
    sign_in(client, getattr(data, who))
    for url in (f"{PAGE}?year={YEAR}", f"{CSV}?year={YEAR}", f"{XLSX}?year={YEAR}"):
        assert client.get(url).status_code == status, url


def test_anonymous_visitors_are_sent_to_sign_in(client, data):
    for url in (PAGE, CSV, XLSX):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_an_outsider_is_not_asked_to_reauthenticate_but_refused(client, data):
    sign_in(client, data.charlie, reauthenticated=False)
    assert client.get(CSV).status_code == 404


def test_export_asks_for_reauthentication_and_is_audited(client, data):
    sign_in(client, data.bob, reauthenticated=False)
    response = client.get(f"{CSV}?year={YEAR}")
    assert response.status_code == 302 and "/accounts/confirm/" in response["Location"]
    assert not all_audit_entries().filter(action="export", target_type="cases.report").exists()
    sign_in(client, data.bob)
    assert client.get(f"{CSV}?year={YEAR}&region=flanders").status_code == 200
    entry = all_audit_entries().get(action="export", target_type="cases.report")
    assert (entry.actor_id, entry.organisation_id, entry.target_id) == (
        data.bob.pk,
        data.org_a.pk,
        f"{YEAR}:flanders:csv",
    )


def test_the_page_shows_tables_charts_and_outreach_without_personal_data(client, data):
    make_tally(data.org_a, contacts=9)
    sign_in(client, data.alice)
    page = client.get(f"{PAGE}?year={YEAR}").content.decode()
    assert "New cases by sub-branch" in page and "<svg" in page and "Outreach: people reached" in page
    assert "Window" in page and "Closed cases by outcome" in page and "Needs per life domain" in page
    assert MARKER not in page and "C-0001" not in page


def test_the_csv_holds_every_published_figure_and_no_hidden_one(client, data):
    sign_in(client, data.alice)
    response = client.get(f"{CSV}?year={YEAR}")
    assert response["Content-Type"].startswith("text/csv")
    assert f"haven-report-org-a-{YEAR}.csv" in response["Content-Disposition"]
    text = response.content.decode()
    assert MARKER not in text and "C-0001" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    window = next(
        r
        for r in rows
        if (r["table"], r["row"], r["region"], r["column"]) == ("sub-branch", "window", "total", "total")
    )
    assert window["value"] in ("40", "")
    street = next(
        r
        for r in rows
        if (r["table"], r["row"], r["region"], r["column"]) == ("sub-branch", "street", "brussels", "Q1")
    )
    assert (street["value"], street["note"]) == ("", "hidden")
    assert all(r["value"] == "" or int(r["value"]) == 0 or int(r["value"]) >= 5 for r in rows)


def test_the_xlsx_has_a_sheet_per_table_in_the_readers_language(client, data):
    sign_in(client, data.alice)
    response = client.get(f"/nl/cases/org-a/reports/export/xlsx/?year={YEAR}")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 1 + 6 + 3
    text = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "Raam" in text or "Vitrine" in text or "verborgen" in text
    assert MARKER not in text


@pytest.mark.parametrize("query", ["?year=abc", "?year=1800", "?region=atlantis", "?year=2025&region=%00", "?page=9"])
def test_odd_input_falls_back_to_the_current_year(client, data, query):
    sign_in(client, data.alice)
    assert client.get(PAGE + query).status_code == 200
    assert client.get(CSV + query).status_code == 200


def test_an_unknown_export_format_is_404(client, data):
    sign_in(client, data.alice)
    assert client.get("/en/cases/org-a/reports/export/pdf/").status_code == 404


def test_the_staff_home_links_to_the_report(client, data):
    sign_in(client, data.bob)
    assert 'href="/en/cases/org-a/reports/"' in client.get("/en/accounts/").content.decode()


def test_the_report_needs_a_fixed_number_of_queries(client, trio, django_assert_max_num_queries):
    sign_in(client, trio.alice)
    with django_assert_max_num_queries(30) as small:
        client.get(f"{PAGE}?year={YEAR}")
    add_cases(trio.org_a, trio.bob, 12, marker=MARKER)
    add_cases(trio.org_a, trio.bob, 7, region="flanders", outcome="exited")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(f"{PAGE}?year={YEAR}")
