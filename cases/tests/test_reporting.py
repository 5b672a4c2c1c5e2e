"""The funder report's figures, and an attacker who tries to recover hidden figures from the published ones."""

from __future__ import annotations

import datetime

import pytest

from cases.models import SubBranch
from cases.reporting import QUARTERS, TOTAL, funder_report
from cases.tests.report_data import YEAR, add_cases, standard
from lib.suppression import _lines
from outreach.testing import make_tally

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_data(trio):
    standard(trio.org_a, trio.bob)
    add_cases(trio.org_b, trio.charlie, 20)  # another organisation's cases never count
    return trio


def _table(report, slug):
    return next(table for table in report.tables if table.slug == slug)


def _shown_or_hidden(table, key, truth):
    value = table.suppressed.get(key)
    assert value in (truth, None), (key, value, truth)
    return value


def test_counts_by_sub_branch_region_and_quarter(report_data):
    report = funder_report([report_data.org_a], year=YEAR)
    table = _table(report, "sub-branch")
    truth = {
        (SubBranch.WINDOW, "brussels", "Q1"): 40,
        (SubBranch.STREET, "brussels", "Q1"): 3,
        (SubBranch.ESCORT_INDEPENDENT, "flanders", "Q2"): 6,
        (SubBranch.ONLINE, "flanders", "Q2"): 2,
        (SubBranch.WINDOW, TOTAL, TOTAL): 40,
        (TOTAL, "brussels", TOTAL): 43,
        (TOTAL, "flanders", TOTAL): 8,
        (TOTAL, TOTAL, "Q1"): 43,
        (TOTAL, TOTAL, "Q2"): 8,
        (TOTAL, TOTAL, TOTAL): 51,
        (SubBranch.MASSAGE, TOTAL, TOTAL): 0,
    }
    for key, count in truth.items():
        value = _shown_or_hidden(table, key, count)
        if 0 < count < 5:
            assert value is None, key
    assert table.get(SubBranch.WINDOW, "Q3") == 0  # nobody names nobody: zeros are shown
    assert len(table.suppressed.primary) >= 2 and table.suppressed.complementary  # both kinds happened


def test_a_region_shows_a_slice_of_the_same_table(report_data):
    everywhere = funder_report([report_data.org_a], year=YEAR)
    flanders = funder_report([report_data.org_a], year=YEAR, region="flanders")
    for slug in ("sub-branch", "contact-route", "outcome", "needs"):
        whole, part = _table(everywhere, slug), _table(flanders, slug)
        assert whole.suppressed.published() == part.suppressed.published()
    assert _table(flanders, "sub-branch").get(SubBranch.ESCORT_INDEPENDENT, "Q2") in (6, None)
    assert _table(flanders, "sub-branch").get(SubBranch.ONLINE, "Q2") is None
    assert _table(flanders, "sub-branch").get(SubBranch.WINDOW, "Q1") == 0
    by_region = _table(flanders, "region")
    assert [row.label for row in by_region.view()] == ["Flanders"]


def test_outcomes_and_needs_progress(report_data):
    report = funder_report([report_data.org_a], year=YEAR)
    outcomes = _table(report, "outcome")
    assert outcomes.get("exited", "Q2") in (5, None)
    assert outcomes.get("moved-away", "Q2") is None
    assert outcomes.get(TOTAL, TOTAL) in (7, None)
    needs = _table(report, "needs")
    assert needs.get("housing", "improved") in (6, None)  # urgent -> mostly settled
    assert needs.get("housing", "worsened") is None  # 2
    assert needs.get("housing", TOTAL) in (8, None)
    assert needs.get("health", TOTAL) == 0


def test_other_years_and_other_organisations_do_not_count(report_data):
    assert _table(funder_report([report_data.org_a], year=YEAR - 1), "sub-branch").get(TOTAL, TOTAL) == 0
    assert _table(funder_report([report_data.org_b], year=YEAR), "sub-branch").get(TOTAL, TOTAL) == 20


def test_outreach_tallies_appear_in_the_report(trio):
    for _ in range(3):
        make_tally(trio.org_a, date=datetime.date(YEAR, 2, 1), contacts=4, topics=[])
    make_tally(trio.org_a, date=datetime.date(YEAR, 7, 1), contacts=2, setting="online", platform="dating-app")
    report = funder_report([trio.org_a], year=YEAR)
    people = _table(report, "outreach-people")
    assert people.get("region:brussels", "Q1") in (12, None)
    assert people.get("region:brussels", TOTAL) in (12, None)
    assert people.get("online:dating-app", TOTAL) is None
    assert people.get("online:dating-app", "Q3") is None
    assert _table(report, "outreach-items").get("condoms", "Q1") is None  # 3 tallies


def attack(table) -> dict:
    """An analyst with the published table: in any line (row, column, region or quarter, with its total) that
    has one unknown, subtract; repeat until nothing changes. Returns the hidden entries recovered."""
    known = {key: value for key, value in table.suppressed.published().items() if value is not None}
    lines = _lines(table.suppressed.axes)
    changed = True
    while changed:
        changed = False
        for members, total in lines:
            unknown = [key for key in [*members, total] if key not in known]
            if len(unknown) != 1:
                continue
            (key,) = unknown
            if key == total:
                known[key] = sum(known[m] for m in members)
            else:
                known[key] = known[total] - sum(known[m] for m in members if m != key)
            changed = True
    return {key: known[key] for key in table.suppressed.hidden if key in known}


def test_no_hidden_figure_can_be_recovered_by_subtracting_totals(report_data):
    make_tally(report_data.org_a, date=datetime.date(YEAR, 2, 1), contacts=3)
    report = funder_report([report_data.org_a], year=YEAR)
    hidden = 0
    for table in report.tables:
        hidden += len(table.suppressed.hidden)
        assert attack(table) == {}, table.slug
        # Every line that hides something hides at least two entries.
        for members, total in _lines(table.suppressed.axes):
            line = [*members, total]
            assert sum(1 for key in line if key in table.suppressed.hidden) != 1, (table.slug, line)
    assert hidden > 0  # the data has small cells, so the attack had something to try


def test_every_published_figure_is_zero_or_at_least_the_threshold(report_data):
    report = funder_report([report_data.org_a], year=YEAR)
    for table in report.tables:
        for value in table.suppressed.published().values():
            assert value is None or value == 0 or value >= 5


def test_the_quarters_and_the_year_agree(report_data):
    table = _table(funder_report([report_data.org_a], year=YEAR), "sub-branch")
    for row in [*table.view(), table.totals()]:
        if row.total is not None and None not in row.cells:
            assert sum(row.cells) == row.total
    for quarter, truth in zip(QUARTERS, [43, 8, 0, 0], strict=True):
        assert table.get(TOTAL, quarter) in (truth, None)
