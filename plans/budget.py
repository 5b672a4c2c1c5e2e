"""The budget part: categories, and the sums a person wants answered.

How long can I manage without sex-work income? How long until my emergency fund reaches its target?
The fund grows by what is put aside each month less the monthly shortfall (essential costs beyond other
income), so the two answers never contradict each other; it never goes below zero.
All arithmetic is in Decimal euros; nothing here stores anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from plans.amounts import CENT, to_decimal

COSTS: list[tuple[str, Promise]] = [
    ("rent", _("Rent or mortgage")),
    ("energy", _("Energy (gas and electricity)")),
    ("water", _("Water")),
    ("food", _("Food and household")),
    ("transport", _("Transport")),
    ("insurance", _("Insurance and health fund")),
    ("medical", _("Medical care and medicines")),
    ("debts", _("Debt repayments")),
    ("phone", _("Phone and internet")),
    ("children", _("Children and childcare")),
    ("other", _("Other essential costs")),
]
INCOME: list[tuple[str, Promise]] = [
    ("work", _("Part-time or other work")),
    ("training", _("Paid training")),
    ("benefits", _("Benefits and allowances")),
    ("other", _("Other income")),
]
PERIODS: list[tuple[str, Promise]] = [("month", _("Every month")), ("week", _("Every week"))]
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)
CHART_MAX_MONTHS = 36
CHART_MIN_MONTHS = 12


@dataclass
class Summary:
    costs: Decimal
    income: Decimal
    gap: Decimal  # what the month costs beyond other income; 0 when income covers the costs
    savings: Decimal
    months: Decimal | None  # months the savings last without sex-work income; None when income covers the costs
    fund_target: Decimal
    fund_monthly: Decimal  # the emergency-fund amount per month (a weekly amount converted)
    fund_months: int | None  # months until the target (0: already reached); None when it is not reached
    points: list[Decimal] = field(default_factory=list)  # the fund at the start of each month, from now

    @property
    def fund_growth(self) -> Decimal:
        """What the fund really gains each month: the amount put aside less the monthly shortfall (the part
        of the essential costs that other income does not cover). Negative when the shortfall is larger."""
        return self.fund_monthly - self.gap

    @property
    def has_figures(self) -> bool:
        return bool(self.costs or self.income or self.savings or self.fund_target or self.fund_monthly)


def summarise(doc: dict[str, Any]) -> Summary:
    costs = sum((to_decimal(doc["costs"].get(key)) for key, _label in COSTS), Decimal("0.00"))
    income = sum((to_decimal(doc["income"].get(key)) for key, _label in INCOME), Decimal("0.00"))
    savings = to_decimal(doc.get("savings"))
    gap = max(costs - income, Decimal("0.00"))
    months = (savings / gap).quantize(Decimal("0.1"), rounding=ROUND_FLOOR) if gap else None
    fund = doc["fund"]
    amount = to_decimal(fund.get("amount"))
    monthly = (amount * WEEKS_PER_MONTH).quantize(CENT) if fund.get("period") == "week" else amount
    target = to_decimal(fund.get("target"))
    growth = monthly - gap  # the shortfall shown above the fund comes out of what is put aside
    fund_months: int | None = None
    if target and target <= savings:
        fund_months = 0
    elif target and growth > 0:
        fund_months = int(((target - savings) / growth).to_integral_value(rounding=ROUND_CEILING))
    horizon = min(max(CHART_MIN_MONTHS, (fund_months or 0) + 1), CHART_MAX_MONTHS)
    zero = Decimal("0.00")
    points = [max(savings + growth * month, zero) for month in range(horizon + 1)] if monthly or savings else []
    return Summary(
        costs=costs,
        income=income,
        gap=gap,
        savings=savings,
        months=months,
        fund_target=target,
        fund_monthly=monthly,
        fund_months=fund_months,
        points=points,
    )
