"""The progress chart of a case: life domains down, assessments across, each cell the need's status (1-5).

Server-rendered SVG, no script and no inline style: presentation attributes only, which the strict CSP allows.
Every text that reaches the SVG passes through ``escape``. Status is shown by number and by colour (never by
colour alone), and the page beside it has the same figures as a table.
"""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from cases.models import Assessment, NeedStatus

COLUMNS = 6  # the latest assessments shown
LABEL, CELL, ROW, HEAD, FONT = 132, 36, 30, 34, 13
INK, MUTED, LINE = "#1d2330", "#4a5263", "#d9d4ca"
# Urgent (1) to no need (5): dark enough for white text at every step (contrast AA).
FILLS = {1: "#9b1c1c", 2: "#a3520b", 3: "#6b5d00", 4: "#2e6b3a", 5: "#1f5f3f"}


def _short(text: str, limit: int = 19) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def progress_chart(assessments: list[Assessment]) -> SafeString:
    shown = assessments[-COLUMNS:]
    if not shown:
        return mark_safe("")
    domains: dict[str, str] = {}
    for assessment in shown:
        for need in assessment.needs.all():
            domains.setdefault(need.domain.slug, str(need.domain))
    order = sorted(domains, key=lambda slug: domains[slug])
    width = LABEL + CELL * len(shown) + 4
    height = HEAD + ROW * len(order) + 4
    title = _("Needs per life domain over %(count)s assessments: 1 is urgent, 5 is no need.") % {"count": len(shown)}
    parts = [
        f'<svg class="progress-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="progress-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="progress-title">{escape(title)}</title>',
    ]
    for column, assessment in enumerate(shown):
        x = LABEL + column * CELL + CELL / 2
        day = date_format(assessment.assessed_on, "j/n")
        parts.append(
            f'<text x="{x:.0f}" y="{HEAD - 12}" font-size="{FONT - 1}" text-anchor="middle" fill="{MUTED}">'
            f"{escape(day)}</text>"
        )
    for row, slug in enumerate(order):
        y = HEAD + row * ROW
        parts.append(f'<line x1="0" y1="{y}" x2="{width}" y2="{y}" stroke="{LINE}"/>')
        parts.append(
            f'<text x="0" y="{y + ROW / 2 + FONT / 3:.0f}" font-size="{FONT}" fill="{INK}">'
            f"<title>{escape(domains[slug])}</title>{escape(_short(domains[slug]))}</text>"
        )
        for column, assessment in enumerate(shown):
            found = [n for n in assessment.needs.all() if n.domain.slug == slug]
            if not found:
                continue
            need = found[0]
            x = LABEL + column * CELL
            label = NeedStatus(need.status).label
            parts.append(
                f'<rect x="{x + 3}" y="{y + 3}" width="{CELL - 6}" height="{ROW - 6}" rx="4" '
                f'fill="{FILLS.get(need.status, MUTED)}"><title>{escape(domains[slug])}: {escape(label)}</title></rect>'
            )
            parts.append(
                f'<text x="{x + CELL / 2:.0f}" y="{y + ROW / 2 + FONT / 3:.0f}" font-size="{FONT}" '
                f'text-anchor="middle" fill="#ffffff" font-weight="700">{need.status}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
