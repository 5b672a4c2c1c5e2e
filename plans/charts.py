"""A server-rendered SVG chart of the emergency fund growing: no script, no library, no inline style.

Only presentation attributes are used (``fill``, ``stroke``), which the strict CSP allows. Every value that
reaches the SVG is either a number we computed or text passed through ``escape``.

Readable on a phone: the drawing is 360 units wide and scales to the width of the page (at most
``plans.css``'s ``max-width``). Measured in Chromium, a unit is 0.82 px on a 360 px wide phone and 0.71 px on
a 320 px one, so ``FONT`` units of text are 13.9 px on the first and just under 12 px (11.99) on the second,
about 21 px on a desktop. Labels never overlap: the left margin is as wide as the longest amount, and the
month labels are thinned out (every 2nd, 3rd... month) until each fits in its space, estimated generously.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plans.amounts import euros

WIDTH, HEIGHT = 360, 250
FONT = 17  # units: 13.9 px on a 360 px wide phone
CHAR = 0.62  # a generous estimate of the width of a character, in ems (digits and lower case are narrower)
GAP = 8  # the least space between two labels
RIGHT, TOP, BOTTOM = 6, 26, 56
STEPS = (1, 2, 3, 4, 6, 12)
INK, MUTED, BAR, TARGET, GRID = "#1d2330", "#4a5263", "#1f5f8b", "#b3261e", "#d9d4ca"


def text_width(text: str) -> float:
    """An upper estimate of the width of ``text`` at ``FONT``, in drawing units."""
    return len(text) * FONT * CHAR


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


def month_labels(count: int, left: float, slot: float) -> list[tuple[int, float, str, str]]:
    """The month labels that fit: (month, x, anchor, text). "now" starts at the left edge of the first bar;
    the numbers are centred under their bars, every ``step`` months, with at least ``GAP`` between two."""
    now = _("now")
    widest = text_width(str(count - 1))
    step = next((s for s in STEPS if slot * s >= widest + GAP), STEPS[-1])
    labels = [(0, left, "start", now)]
    taken = left + text_width(now)  # the right edge of the last label placed
    for month in range(step, count, step):
        x = left + slot * month + slot / 2
        width = text_width(str(month))
        if x - width / 2 >= taken + GAP and x + width / 2 <= WIDTH:
            labels.append((month, x, "middle", str(month)))
            taken = x + width / 2
    return labels


def _description(points: list[Decimal], target: Decimal, fund_months: int | None) -> str:
    last = len(points) - 1
    if points[-1] >= points[0]:
        description = ngettext(
            "It grows from %(start)s now to %(end)s in %(months)d month.",
            "It grows from %(start)s now to %(end)s in %(months)d months.",
            last,
        )
    else:
        description = ngettext(
            "It goes down from %(start)s now to %(end)s in %(months)d month.",
            "It goes down from %(start)s now to %(end)s in %(months)d months.",
            last,
        )
    description %= {"start": euros(points[0]), "end": euros(points[-1]), "months": last}
    if target and fund_months == 0:
        description += " " + _("It has already reached the target of %(target)s.") % {"target": euros(target)}
    elif target and fund_months is not None:
        description += " " + ngettext(
            "It reaches the target of %(target)s after %(months)d month.",
            "It reaches the target of %(target)s after %(months)d months.",
            fund_months,
        ) % {"target": euros(target), "months": fund_months}
    elif target:
        description += " " + _("At this pace it does not reach the target of %(target)s.") % {"target": euros(target)}
    return description


def fund_chart(points: list[Decimal], target: Decimal, *, fund_months: int | None) -> SafeString:
    """Bars for the fund at the start of each month (0 = now), a dashed line for the target."""
    if not points:
        return mark_safe("")
    top = _nice_ceiling(max(max(points), target) * Decimal("1.05"))
    scale = [top * fraction for fraction in (Decimal(0), Decimal("0.5"), Decimal(1))]
    left = max(text_width(euros(value)) for value in scale) + GAP
    plot_w, plot_h = WIDTH - left - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(points)
    bar_w = max(slot * 0.7, 2.0)

    def y(value: Decimal) -> float:
        return TOP + plot_h - float(value / top) * plot_h

    title = _("Your emergency fund, month by month")
    parts = [
        f'<svg class="plan-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="fund-chart-title fund-chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="fund-chart-title">{escape(title)}</title>',
        f'<desc id="fund-chart-desc">{escape(_description(points, target, fund_months))}</desc>',
    ]
    text = f'font-size="{FONT}"'
    for value in scale:
        parts.append(
            f'<line x1="{left:.1f}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="{GRID}" '
            'stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - GAP:.1f}" y="{y(value):.1f}" text-anchor="end" dominant-baseline="middle" {text} '
            f'fill="{MUTED}">{escape(euros(value))}</text>'
        )
    for month, value in enumerate(points):
        x = left + slot * month + (slot - bar_w) / 2
        height = float(value / top) * plot_h
        parts.append(f'<rect x="{x:.1f}" y="{y(value):.1f}" width="{bar_w:.1f}" height="{height:.1f}" fill="{BAR}"/>')
    for _month, x, anchor, label in month_labels(len(points), left, slot):
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + FONT + 6}" text-anchor="{anchor}" {text} '
            f'fill="{MUTED}">{escape(label)}</text>'
        )
    # gettext calls stay outside f-strings, where xgettext cannot see them
    axis, target_word = _("months from now"), _("target")
    parts.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" {text} '
        f'fill="{INK}">{escape(axis)}</text>'
    )
    if target:
        parts.append(
            f'<line x1="{left:.1f}" x2="{WIDTH - RIGHT}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
            f'stroke="{TARGET}" stroke-width="2" stroke-dasharray="8 5"/>'
        )
        # A white outline keeps the label readable where it crosses a bar.
        parts.append(
            f'<text x="{left + 4:.1f}" y="{y(target) - 6:.1f}" text-anchor="start" {text} fill="{TARGET}" '
            f'stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">'
            f"{escape(target_word)} {escape(euros(target))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
