"""Every public page describes itself (for search engines and link previews) in the page's own language."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django.utils import translation

from directory.models import Organization, Service
from knowledge.models import Item, Topic

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
LANGUAGES = ("nl", "fr", "en")


def _description(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    found = DESCRIPTION.findall(response.content.decode())
    assert len(found) == 1, f"{path}: {len(found)} meta descriptions"
    return html.unescape(found[0]).strip()


def _default(language: str) -> str:
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        rendered = render_to_string("base.html", request=request)
    return html.unescape(DESCRIPTION.findall(rendered)[0])


def _specific_pages() -> list[str]:
    item = Item.objects.filter(translations__summary__gt="").order_by("slug").first()
    topic = Topic.objects.filter(items__isnull=False).order_by("slug").first()
    service = Service.objects.filter(status="active").order_by("slug").first()
    organisation = Organization.objects.order_by("slug").first()
    assert item and topic and service and organisation
    return [
        "/{lang}/",
        "/{lang}/safety/browse-safely/",
        "/{lang}/knowledge/",
        f"/{{lang}}/knowledge/topic/{topic.slug}/",
        f"/{{lang}}/knowledge/{item.slug}/",
        "/{lang}/search/",
        "/{lang}/search/?q=police",
        "/{lang}/directory/",
        f"/{{lang}}/directory/service/{service.slug}/",
        f"/{{lang}}/directory/organisation/{organisation.slug}/",
        "/{lang}/plan/",
    ]


OTHER_PUBLIC_PAGES = [
    "/{lang}/plan/new/",
    "/{lang}/plan/sign-in/",
    "/{lang}/plan/recover/",
    "/{lang}/accounts/sign-in/",
]


@pytest.mark.django_db
def test_every_public_page_has_a_description_in_its_language(client: Client):
    for template in _specific_pages() + OTHER_PUBLIC_PAGES:
        seen = {lang: _description(client, template.format(lang=lang)) for lang in LANGUAGES}
        for lang, text in seen.items():
            assert len(text) >= 40, f"{template} ({lang}): {text!r}"
            assert len(text) <= 320, f"{template} ({lang}) is too long for a description"
        assert seen["nl"] != seen["en"] and seen["fr"] != seen["en"] and seen["nl"] != seen["fr"], template


@pytest.mark.django_db
def test_each_main_public_page_describes_itself_rather_than_the_site(client: Client):
    for template in _specific_pages():
        for lang in LANGUAGES:
            assert _description(client, template.format(lang=lang)) != _default(lang), template.format(lang=lang)


@pytest.mark.django_db
def test_a_knowledge_item_is_described_by_its_summary(client: Client):
    from django.utils.text import Truncator

    item = Item.objects.filter(translations__language="fr", translations__summary__gt="").order_by("slug").first()
    summary = item.translations.get(language="fr").summary
    assert _description(client, f"/fr/knowledge/{item.slug}/") == Truncator(summary).chars(300).strip()
