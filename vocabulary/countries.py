"""The visitor's country (Belgium or the Netherlands), so that the right helplines come first.

The choice lives only in the URL (`?country=nl`): links that should keep it carry it. It is never stored in a
cookie or the session, so nothing on the device or the server remembers where a visitor is.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from vocabulary.models import Country

PARAM = "country"
DEFAULT = "be"


def known_countries() -> dict[str, Country]:
    """The countries in the vocabulary, by lowercase code."""
    return {country.code.lower(): country for country in Country.objects.all()}


def chosen_country(
    request: HttpRequest | None, *, default: str = DEFAULT, known: dict[str, Country] | None = None
) -> str:
    """The lowercase code from `?country=`, when it names a known country; otherwise `default`."""
    raw = request.GET.get(PARAM, "") if request is not None else ""
    value = raw.strip().lower() if isinstance(raw, str) else ""
    if value and value in (known if known is not None else known_countries()):
        return value
    return default


def country_choices(chosen: str, *, known: dict[str, Country] | None = None) -> list[dict[str, Any]]:
    """One entry per country for the chooser, in vocabulary order, marking the chosen one."""
    countries = known if known is not None else known_countries()
    return [{"code": code, "name": country.name, "current": code == chosen} for code, country in countries.items()]
