import re
from pathlib import Path

import pytest

from core.i18n import missing_languages
from core.testing import shared_file
from vocabulary.models import Attribute, City, Domain, Region
from vocabulary.services import vocabulary_load

TAXONOMY = Path(__file__).resolve().parents[3] / "shared" / "taxonomy.md"


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    first = vocabulary_load()
    second = vocabulary_load()
    assert second.created == 0 and second.updated == 0
    assert second.unchanged == first.created + first.updated + first.unchanged > 0
    assert Domain.objects.count() == 16
    assert Attribute.objects.count() == 12


@pytest.mark.django_db
def test_every_term_has_all_three_languages():
    vocabulary_load()
    for model in (Domain, Attribute, Region, City):
        for term in model.objects.all():
            assert missing_languages(term.name) == [], term.slug


@pytest.mark.django_db
def test_places_form_a_tree():
    vocabulary_load()
    assert City.objects.get(slug="liege").region.slug == "wallonia"
    assert Region.objects.get(slug="flanders").country.code == "BE"


@pytest.mark.django_db
def test_the_netherlands_has_its_twelve_provinces_and_the_confirmed_duup_centre_municipalities():
    vocabulary_load()
    assert Region.objects.filter(country__code="NL").count() == 12
    assert City.objects.get(slug="the-hague").region.slug == "zuid-holland"
    assert City.objects.get(slug="apeldoorn").region.country.code == "NL"
    assert City.objects.get(slug="utrecht").region.slug == "utrecht"


@pytest.mark.django_db
def test_the_vocabulary_matches_the_shared_taxonomy():
    shared_file(TAXONOMY)
    vocabulary_load()
    text = TAXONOMY.read_text(encoding="utf-8")
    domains = set(re.findall(r"^\| ([a-z-]+) \|", text, flags=re.MULTILINE)) - {"slug"}
    assert domains == set(Domain.objects.values_list("slug", flat=True))
    section = text.split("## Service attributes", 1)[1].split("\n## ")[0].split("\n", 1)[1].strip()
    attributes = {part.split(" (")[0].strip().rstrip(".") for part in " ".join(section.splitlines()).split("·")}
    assert attributes == set(Attribute.objects.values_list("slug", flat=True))
