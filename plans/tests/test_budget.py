import itertools
import re
from decimal import Decimal

import pytest
from django.utils import translation

from plans import parts
from plans.budget import summarise
from plans.charts import BOTTOM, FONT, GAP, HEIGHT, WIDTH, fund_chart, text_width


def _doc(**changes):
    doc = parts.empty("budget")
    doc.update(changes)
    return doc


def test_months_without_sex_work_income_come_from_savings_and_the_monthly_gap():
    summary = summarise(_doc(costs={"rent": "800.00", "food": "400.00"}, income={"work": "600.00"}, savings="1500.00"))
    assert summary.costs == Decimal("1200.00") and summary.gap == Decimal("600.00")
    assert summary.months == Decimal("2.5")


def test_when_income_covers_the_costs_there_is_no_limit():
    summary = summarise(_doc(costs={"rent": "500.00"}, income={"benefits": "900.00"}, savings="0"))
    assert summary.months is None


def test_a_weekly_amount_is_converted_to_months_and_the_target_date_follows():
    summary = summarise(_doc(savings="100.00", fund={"target": "1000.00", "amount": "50.00", "period": "week"}))
    assert summary.fund_monthly == Decimal("216.67")
    assert summary.fund_months == 5
    assert summary.points[0] == Decimal("100.00") and len(summary.points) == 13


def test_the_chart_is_accessible_svg_without_inline_style_or_script():
    summary = summarise(_doc(savings="0", fund={"target": "600.00", "amount": "100.00", "period": "month"}))
    svg = str(fund_chart(summary.points, summary.fund_target, fund_months=summary.fund_months))
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "style=" not in svg and "<script" not in svg
    assert svg.count("<rect") == 13
    assert "after 6 months" in svg
    assert fund_chart([], Decimal(0), fund_months=None) == ""


def test_a_long_horizon_is_capped():
    summary = summarise(_doc(fund={"target": "100000.00", "amount": "10.00", "period": "month"}))
    assert len(summary.points) == 37


def test_a_monthly_shortfall_comes_out_of_what_the_fund_gains():
    summary = summarise(
        _doc(
            costs={"rent": "1200.00"},
            income={"work": "1000.00"},
            savings="1000.00",
            fund={"target": "3000.00", "amount": "700.00", "period": "month"},
        )
    )
    assert summary.gap == Decimal("200.00") and summary.fund_growth == Decimal("500.00")
    assert summary.points[:3] == [Decimal("1000.00"), Decimal("1500.00"), Decimal("2000.00")]
    assert summary.fund_months == 4  # 2000 still to save at 500 a month, not 700


def test_a_shortfall_larger_than_the_amount_put_aside_never_reaches_the_target():
    summary = summarise(
        _doc(
            costs={"rent": "900.00"},
            savings="400.00",
            fund={"target": "2000.00", "amount": "100.00", "period": "month"},
        )
    )
    assert summary.fund_growth == Decimal("-800.00")
    assert summary.fund_months is None
    assert summary.points[:3] == [Decimal("400.00"), Decimal("0.00"), Decimal("0.00")]  # never below zero
    svg = str(fund_chart(summary.points, summary.fund_target, fund_months=summary.fund_months))
    assert "goes down from" in svg and "does not reach the target" in svg


def test_savings_alone_run_down_by_the_shortfall():
    summary = summarise(_doc(costs={"rent": "500.00"}, income={"work": "250.00"}, savings="1000.00"))
    assert summary.months == Decimal("4.0")
    assert summary.points[4] == Decimal("0.00") and summary.points[3] == Decimal("250.00")  # as "4 months" says


def test_a_target_already_covered_by_savings_is_already_reached():
    summary = summarise(_doc(savings="1500.00", fund={"target": "1000.00", "amount": "50.00", "period": "month"}))
    assert summary.fund_months == 0
    svg = str(fund_chart(summary.points, summary.fund_target, fund_months=summary.fund_months))
    assert "already reached" in svg and "after 0 months" not in svg


def _labels(svg: str) -> list[tuple[float, str, str]]:
    """The month labels of a chart: (x, anchor, text)."""
    row = f'y="{HEIGHT - BOTTOM + FONT + 6}"'
    return [
        (float(x), anchor, label)
        for x, anchor, label in re.findall(rf'<text x="([\d.]+)" {row} text-anchor="(\w+)"[^>]*>([^<]+)</text>', svg)
    ]


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
@pytest.mark.parametrize("months", [1, 5, 12, 20, 36])
def test_month_labels_never_overlap_and_stay_inside(lang, months):
    with translation.override(lang):
        target = Decimal(100 * months)
        summary = summarise(_doc(savings="0", fund={"target": str(target), "amount": "100.00", "period": "month"}))
        svg = str(fund_chart(summary.points, summary.fund_target, fund_months=summary.fund_months))
    labels = _labels(svg)
    assert labels[0][2] == {"nl": "nu", "fr": "maintenant", "en": "now"}[lang]
    assert len(labels) >= 3
    edges = []
    for x, anchor, label in labels:
        start = x if anchor == "start" else x - text_width(label) / 2
        edges.append((start, start + text_width(label)))
    for (_start, end), (next_start, _end) in itertools.pairwise(edges):
        assert next_start >= end + GAP
    assert edges[-1][1] <= WIDTH


def test_text_is_at_least_12_px_on_a_360_px_phone():
    # the chart is at least 0.8 px per unit there (checked in the browser, tests/browser/test_plans.py)
    assert FONT * 0.8 >= 12
    summary = summarise(_doc(savings="100000", fund={"target": "250000", "amount": "5000", "period": "month"}))
    svg = str(fund_chart(summary.points, summary.fund_target, fund_months=summary.fund_months))
    sizes = {int(size) for size in re.findall(r'font-size="(\d+)"', svg)}
    assert sizes == {FONT}
    amounts = re.findall(r'text-anchor="end"[^>]*>([^<]+)</text>', svg)
    assert amounts and all(text_width(amount) <= float(re.search(r'x1="([\d.]+)"', svg).group(1)) for amount in amounts)
