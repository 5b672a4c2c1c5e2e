"""`{% chosen_country %}` and `{% country_chooser %}`: the country choice, read from the URL only."""

from __future__ import annotations

from typing import Any

from django import template

from vocabulary.countries import DEFAULT, country_choices, known_countries
from vocabulary.countries import chosen_country as _chosen

register = template.Library()


@register.simple_tag(takes_context=True)
def chosen_country(context: template.Context, default: str = DEFAULT) -> str:
    return _chosen(context.get("request"), default=default)


@register.inclusion_tag("vocabulary/_country_chooser.html", takes_context=True)
def country_chooser(context: template.Context, default: str = DEFAULT, anchor: str = "") -> dict[str, Any]:
    """Links that reload this page with `?country=xx` (other parameters kept, the page number dropped)."""
    request = context.get("request")
    known = known_countries()
    chosen = _chosen(request, default=default, known=known)
    return {"request": request, "choices": country_choices(chosen, known=known), "anchor": anchor}
