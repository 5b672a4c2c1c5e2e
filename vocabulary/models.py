"""The shared vocabulary: life domains, service attributes, and places (country > region > city).

Slugs are stable identifiers used in URLs, the API and exports; names are translated data.
"""

from django.db import models

from core.i18n import TranslatedField, pick


class Term(models.Model):
    slug = models.SlugField(max_length=40, unique=True)
    name = TranslatedField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return pick(self.name).text or self.slug


class Domain(Term):
    """A life domain (a need): housing, work, health..."""


class Attribute(Term):
    """A service attribute that matters here: anonymous, free, undocumented welcome..."""


class Country(models.Model):
    code = models.CharField(max_length=2, unique=True)
    name = TranslatedField()

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return pick(self.name).text or self.code


class Region(Term):
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="regions")


class City(Term):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="cities")

    class Meta(Term.Meta):
        verbose_name_plural = "cities"
