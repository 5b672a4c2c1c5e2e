"""Template filters of the directory: opening days, plain addresses and links that open the phone's map app."""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.utils.translation import gettext as _

from core.i18n import pick
from directory.models import DAY_CODES, Location

register = template.Library()


def _day_names() -> dict[str, str]:
    from directory.forms import DAY_NAMES

    return {code: str(name) for code, name in DAY_NAMES.items()}


@register.filter
def days_label(byday: str) -> str:
    """ "MO,TU,WE,TH,FR" as "Monday to Friday"; days that do not follow each other as a list."""
    names = _day_names()
    days = [day for day in DAY_CODES if day in byday.split(",")]
    if len(days) == 7:
        return _("Every day")
    indexes = [DAY_CODES.index(day) for day in days]
    if len(days) >= 3 and indexes == list(range(indexes[0], indexes[0] + len(days))):
        return _("%(first)s to %(last)s") % {"first": names[days[0]], "last": names[days[-1]]}
    return ", ".join(names[day] for day in days)


def _address_parts(location: Location) -> list[str]:
    if location.confidential:
        return []
    city = pick(location.city.name).text if location.city else ""
    town = " ".join(part for part in (location.postal_code, city) if part)
    return [part for part in (location.address, town) if part]


@register.filter
def address_text(location: Location) -> str:
    """A public location's address on one line; nothing for a confidential one."""
    return ", ".join(_address_parts(location))


def _map_query(location: Location) -> str:
    """The address as a map search, for a public location with a street address; empty otherwise."""
    if location.confidential or not location.address:
        return ""
    country = pick(location.city.region.country.name, "en").text if location.city else ""
    return quote(", ".join(part for part in [*_address_parts(location), country] if part))


@register.filter
def geo_link(location: Location) -> str:
    """A ``geo:`` link that opens the address in the phone's own map app (Android and most others).
    No third-party map is embedded on our pages."""
    query = _map_query(location)
    return "geo:0,0?q=" + query if query else ""


@register.filter
def apple_maps_link(location: Location) -> str:
    """An Apple Maps link for iPhone, which does not open ``geo:`` links. On an iPhone it opens the Maps app;
    elsewhere it opens Apple's web page, and only when the person taps it (docs/directory.md)."""
    query = _map_query(location)
    return "https://maps.apple.com/?q=" + query if query else ""
