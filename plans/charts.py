"""A server-rendered SVG chart of the emergency fund growing: no script, no library, no inline style.

Only presentation attributes are used (``fill``, ``stroke``), which the strict CSP allows. Every value that
reaches the SVG is either a number we computed or text passed through ``escape``.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plans.amounts import euros

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 118, 16, 30, 64
INK, MUTED, BAR, TARGET, GRID = "#1d2330", "#4a5263", "#1f5f8b", "#b3261e", "#d9d4ca"


def _nice_ceiling(value: Decimal) -> Decimal:
    """A round number at or above ``value`` for the top of the scale (100, 250, 500, 1000, 2500...)."""
    if value <= 0:
        return Decimal(100)
    step = Decimal(1)
    while True:
        for factor in (1, 2, Decimal("2.5"), 5):
            candidate = step * factor
            if candidate >= value:
                return candidate
        step *= 10


def fund_chart(points: list[Decimal], target: Decimal, *, fund_months: int | None) -> SafeString:
    """Bars for the fund at the start of each month (0 = now), a dashed line for the target."""
    if not points:
        return mark_safe("")
    top = _nice_ceiling(max(max(points), target) * Decimal("1.05"))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = Decimal(plot_w) / len(points)
    bar_w = max(slot * Decimal("0.7"), Decimal(2))

    def y(value: Decimal) -> str:
        return f"{TOP + plot_h - (value / top) * plot_h:.1f}"

    title = _("Your emergency fund, month by month")
    last = len(points) - 1
    description = ngettext(
        "It grows from %(start)s now to %(end)s in %(months)d month.",
        "It grows from %(start)s now to %(end)s in %(months)d months.",
        last,
    ) % {"start": euros(points[0]), "end": euros(points[-1]), "months": last}
    if target and fund_months is not None:
        description += " " + ngettext(
            "It reaches the target of %(target)s after %(months)d month.",
            "It reaches the target of %(target)s after %(months)d months.",
            fund_months,
        ) % {"target": euros(target), "months": fund_months}
    parts = [
        f'<svg class="plan-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="fund-chart-title fund-chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="fund-chart-title">{escape(title)}</title>',
        f'<desc id="fund-chart-desc">{escape(description)}</desc>',
    ]
    for fraction in (Decimal(0), Decimal("0.5"), Decimal(1)):
        value = top * fraction
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value)}" y2="{y(value)}" stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 8}" y="{y(value)}" text-anchor="end" dominant-baseline="middle" font-size="19" '
            f'fill="{MUTED}">{escape(euros(value))}</text>'
        )
    for month, value in enumerate(points):
        x = LEFT + slot * month + (slot - bar_w) / 2
        height = (value / top) * plot_h
        parts.append(f'<rect x="{x:.1f}" y="{y(value)}" width="{bar_w:.1f}" height="{height:.1f}" fill="{BAR}"/>')
    step = 1 if len(points) <= 13 else 3 if len(points) <= 25 else 6
    for month in range(0, len(points), step):
        x = LEFT + slot * month + slot / 2
        label = _("now") if month == 0 else str(month)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 24}" text-anchor="middle" font-size="19" '
            f'fill="{MUTED}">{escape(label)}</text>'
        )
    parts.append(
        f'<text x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="19" '
        f'fill="{INK}">{escape(_("months from now"))}</text>'
    )
    if target:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(target)}" y2="{y(target)}" stroke="{TARGET}" '
            'stroke-width="2" stroke-dasharray="8 5"/>'
        )
        parts.append(
            f'<text x="{LEFT + 6}" y="{float(y(target)) - 7:.1f}" text-anchor="start" font-size="19" '
            f'fill="{TARGET}">{escape(_("target"))} {escape(euros(target))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
