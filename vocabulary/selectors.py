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
