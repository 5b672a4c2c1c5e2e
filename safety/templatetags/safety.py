"""Labels for the safety pages: a region's or incident kind's name from its slug."""

from __future__ import annotations

from django import template

from core.i18n import pick
from safety.models import IncidentKind, Status
from vocabulary.selectors import region_by_slug

register = template.Library()


@register.filter
def region_name(slug: str) -> str:
    region = region_by_slug(slug) if slug else None
    return (pick(region.name).text or slug) if region else slug


@register.filter
def kind_name(value: str) -> str:
    return str(IncidentKind(value).label) if value in IncidentKind.values else value


@register.filter
def status_name(value: str) -> str:
    return str(Status(value).label) if value in Status.values else value
