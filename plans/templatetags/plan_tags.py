from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from plans import amounts

register = template.Library()


@register.filter
def euros(value: Decimal | str | None) -> str:
    """An amount in the page's language: ``€ 1.234,56`` in Dutch, ``€ 1,234.56`` in English."""
    return amounts.euros(value)


@register.filter
def code_groups(code: str) -> SafeString:
    """A recovery or share code as groups that never break inside: ``ABCD-EFGH`` becomes
    ``<span class="code-group">ABCD-</span><wbr><span class="code-group">EFGH</span>``. The text is
    unchanged for copying; a line may only break after a hyphen."""
    groups = str(code).split("-")
    last = len(groups) - 1
    return format_html_join(
        mark_safe("<wbr>"),
        '<span class="code-group">{}{}</span>',
        ((g, "-" if i < last else "") for i, g in enumerate(groups)),
    )
