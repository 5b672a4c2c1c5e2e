from decimal import Decimal

from plans import parts
from plans.budget import summarise
from plans.charts import fund_chart


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
