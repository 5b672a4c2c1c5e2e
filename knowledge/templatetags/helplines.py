"""`{% helpline_box %}`: the helpline box, the chosen country's numbers first (the choice comes from the URL)."""

from __future__ import annotations

from typing import Any

from django import template

from knowledge.selectors import helplines
from vocabulary.selectors import DEFAULT_COUNTRY as DEFAULT
from vocabulary.selectors import chosen_country, country_choices, known_countries

register = template.Library()


@register.inclusion_tag("knowledge/_helplines.html", takes_context=True)
def helpline_box(context: template.Context, default: str = "") -> dict[str, Any]:
    """`default` is the page's own country (a Dutch-context item passes "nl"); `?country=` overrides it."""
    request = context.get("request")
    known = known_countries()
    country = chosen_country(request, default=default or DEFAULT, known=known)
    names = {code.upper(): found.name for code, found in known.items()}
    return {
        "request": request,
        "helplines": helplines(country=country, names=names),
        "choices": country_choices(country, known=known),
        "anchor": "helplines",
    }
