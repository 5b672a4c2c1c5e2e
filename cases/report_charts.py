"""Server-rendered SVG charts for the funder report: horizontal bars of each row's year total.

No script, no external font or file; the chart is an image with a title and a description, and the same
figures are in the table next to it. A hidden figure is drawn as an outlined stub marked "hidden", never as
a length that would give its size away.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from cases.reporting import Table

WIDTH = 320
LABEL_WIDTH = 124
BAR_HEIGHT = 18
GAP = 8
COLOURS = ("#1f5f8b",)


def bar_chart(table: Table) -> SafeString:
    rows = [row for row in table.view() if row.total != 0]
    if not rows:
        return mark_safe("")
    largest = max([row.total for row in rows if row.total] or [1])
    room = WIDTH - LABEL_WIDTH - 40
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    title = escape(str(table.title))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="chart-{table.slug}-title" class="report-chart">',
        f'<title id="chart-{table.slug}-title">{title}</title>',
    ]
    for n, row in enumerate(rows):
        y = GAP + n * (BAR_HEIGHT + GAP)
        label = escape(row.label if len(row.label) <= 18 else row.label[:17] + "…")
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 5}" text-anchor="end" font-size="11" '
            f'fill="#1b1b1b">{label}</text>'
        )
        if row.total is None:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="24" height="{BAR_HEIGHT}" fill="none" '
                f'stroke="#555" stroke-dasharray="3 2"/>'
                f'<text x="{LABEL_WIDTH + 30}" y="{y + BAR_HEIGHT - 5}" font-size="11" fill="#1b1b1b">'
                f"{escape(_('hidden'))}</text>"
            )
            continue
        width = max(1, round(room * row.total / largest)) if row.total else 0
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR_HEIGHT}" fill="{COLOURS[0]}"/>'
            f'<text x="{LABEL_WIDTH + width + 4}" y="{y + BAR_HEIGHT - 5}" font-size="11" fill="#1b1b1b">'
            f"{row.total}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
