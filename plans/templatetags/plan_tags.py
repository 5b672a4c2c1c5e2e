from __future__ import annotations

from decimal import Decimal

from django import template

from plans import amounts

register = template.Library()


@register.filter
def euros(value: Decimal | str | None) -> str:
    """An amount in the page's language: ``€ 1.234,56`` in Dutch, ``€ 1,234.56`` in English."""
    return amounts.euros(value)
