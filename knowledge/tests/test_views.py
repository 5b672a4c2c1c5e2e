import pytest
from django.test import Client

from knowledge.models import Translation
from knowledge.services import translation_unpublish


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_knowledge_home_lists_topics_in_each_language(client: Client, lang):
    response = client.get(f"/{lang}/knowledge/")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()
    assert response.content.count(b'href="/' + lang.encode() + b"/knowledge/") > 10


@pytest.mark.django_db
def test_an_item_shows_its_sources_and_last_verified_date(client: Client):
    html = client.get("/en/knowledge/abortion-in-belgium/").content.decode()
    assert "Where this information comes from" in html
    assert "https://" in html
    assert "Last checked against these sources on" in html


@pytest.mark.django_db
def test_safety_items_show_the_helpline_box(client: Client):
    html = client.get("/fr/knowledge/sexual-assault-care-centres/").content.decode()
    assert 'href="tel:112"' in html
    html = client.get("/fr/knowledge/abortion-in-belgium/").content.decode()
    assert 'href="tel:112"' not in html


@pytest.mark.django_db
def test_a_missing_translation_falls_back_with_a_label(client: Client):
    translation_unpublish(translation=Translation.objects.get(item__slug="abortion-in-belgium", language="nl"))
    html = client.get("/nl/knowledge/abortion-in-belgium/").content.decode()
    assert '<article lang="en">' in html
    assert 'class="message" lang="nl"' in html


@pytest.mark.django_db
def test_an_unknown_item_is_a_404(client: Client):
    assert client.get("/en/knowledge/no-such-thing/").status_code == 404


@pytest.mark.django_db
def test_internal_links_carry_the_language(client: Client):
    html = client.get("/fr/knowledge/sti-testing/").content.decode()
    assert 'href="/fr/directory/?need=sexual-health"' in html


@pytest.mark.django_db
def test_content_cannot_inject_html(client: Client):
    from knowledge.services import revision_save

    translation = Translation.objects.get(item__slug="sti-testing", language="en")
    revision_save(
        translation=translation,
        author=None,
        title="T",
        summary="S",
        body="<script>alert(1)</script> [x](javascript:alert(1))",
        state="published",
    )
    html = client.get("/en/knowledge/sti-testing/").content.decode()
    assert "<script>alert" not in html and "javascript:" not in html


def test_search_and_the_vocabulary_agree_on_the_default_country():
    """search may not import vocabulary, so it keeps its own copy of the default; this keeps the two equal."""
    from search.rules import DEFAULT_COUNTRY as SEARCH_DEFAULT
    from vocabulary.selectors import DEFAULT_COUNTRY

    assert SEARCH_DEFAULT == DEFAULT_COUNTRY


@pytest.mark.django_db
def test_knowledge_items_about_the_netherlands_are_dutch_documents_and_the_others_have_no_country():
    from knowledge.models import Item
    from search.models import Document

    countries = dict(Document.objects.filter(kind__in=["article", "faq"], lang="en").values_list("key", "country"))
    assert countries["exit-programmes-netherlands"] == "nl"
    assert countries["emergency-numbers-netherlands"] == "nl"
    assert countries["emergency-numbers"] == ""
    assert set(countries.values()) == {"", "nl"}
    dutch = set(Item.objects.filter(topic__slug="netherlands").values_list("slug", flat=True))
    assert {key for key, country in countries.items() if country == "nl"} == dutch
