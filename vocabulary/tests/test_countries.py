"""The visitor's country comes only from `?country=` in the URL; anything unknown falls back to the default."""

import pytest
from django.test import RequestFactory

from vocabulary.countries import chosen_country, country_choices, known_countries


@pytest.mark.django_db
def test_a_known_country_in_the_url_is_chosen_whatever_its_case():
    factory = RequestFactory()
    assert chosen_country(factory.get("/", {"country": "nl"})) == "nl"
    assert chosen_country(factory.get("/", {"country": " NL "})) == "nl"
    assert chosen_country(factory.get("/", {"country": "be"}), default="nl") == "be"


@pytest.mark.django_db
def test_anything_else_falls_back_to_the_default():
    factory = RequestFactory()
    assert chosen_country(factory.get("/")) == "be"
    assert chosen_country(factory.get("/"), default="nl") == "nl"
    assert chosen_country(factory.get("/", {"country": "fr"}), default="") == ""
    assert chosen_country(factory.get("/", {"country": "<script>"})) == "be"
    assert chosen_country(None, default="nl") == "nl"


@pytest.mark.django_db
def test_the_choices_follow_the_vocabulary_and_mark_the_chosen_country():
    assert list(known_countries()) == ["be", "nl"]
    choices = country_choices("nl")
    assert [(c["code"], c["current"]) for c in choices] == [("be", False), ("nl", True)]
    assert choices[1]["name"] == {"en": "The Netherlands", "nl": "Nederland", "fr": "Pays-Bas"}
