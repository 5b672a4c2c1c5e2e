from __future__ import annotations

from django.db.models import QuerySet

from vocabulary.models import Attribute, City, Country, Domain, Region

# Life domains whose services and articles are for one group of people only (victims of trafficking): they are
# suggested for a goal in another domain only after everything else, never first.
SPECIALIST_DOMAINS = ("trafficking",)


def domain_list() -> QuerySet[Domain]:
    return Domain.objects.all()


def attribute_list() -> QuerySet[Attribute]:
    return Attribute.objects.all()


def country_list() -> QuerySet[Country]:
    return Country.objects.all()


def region_list(*, country: str | None = None) -> QuerySet[Region]:
    regions = Region.objects.select_related("country")
    return regions.filter(country__code=country.upper()) if country else regions


def city_list(*, region: str | None = None) -> QuerySet[City]:
    cities = City.objects.select_related("region")
    return cities.filter(region__slug=region) if region else cities


def region_by_slug(slug: str) -> Region | None:
    return Region.objects.select_related("country").filter(slug=slug).first()


def city_by_slug(slug: str) -> City | None:
    return City.objects.select_related("region").filter(slug=slug).first()


def country_by_code(code: str) -> Country | None:
    return Country.objects.filter(code=code.upper()).first()


def domains_with_slugs(slugs: list[str]) -> QuerySet[Domain]:
    return Domain.objects.filter(slug__in=slugs)


# The visitor's country choice (read from the URL only, `vocabulary/countries.py`): other apps reach it here.
from vocabulary.countries import DEFAULT as DEFAULT  # noqa: E402
from vocabulary.countries import chosen_country as chosen_country  # noqa: E402
from vocabulary.countries import country_choices as country_choices  # noqa: E402
from vocabulary.countries import known_countries as known_countries  # noqa: E402

DEFAULT_COUNTRY = DEFAULT
