"""The knowledge base in a real browser, in Dutch, French and English on a 360 px phone: browse a topic,
open an item, search."""

import re

import pytest
from playwright.sync_api import expect

from conftest import load_all_content
from tests.browser.languages import LANGS, assert_fits, shot, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUERY = {"nl": "abortus", "fr": "avortement", "en": "abortion"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_visitor_browses_a_topic_opens_an_item_and_searches(context_factory, lang):
    load_all_content()
    page = context_factory(viewport={"width": 360, "height": 740}).new_page()
    page.goto(f"/{lang}/knowledge/")
    heading = t(lang, "Find answers about your rights, health, safety and the way out")
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    shot(page, f"{lang}-knowledge-index")

    topic = page.locator("#topic-health a")
    topic_name = topic.inner_text()
    topic.click()
    expect(page).to_have_url(re.compile(f"/{lang}/knowledge/topic/health/$"))
    expect(page.get_by_role("heading", name=topic_name, level=1)).to_be_visible()
    expect(page.get_by_role("link", name=t(lang, "Answers and guides"))).to_be_visible()
    shot(page, f"{lang}-knowledge-topic")

    item = page.locator(".item-list a:not([lang])").first  # an item written in this language
    title = item.inner_text()
    item.click()
    expect(page).to_have_url(re.compile(f"/{lang}/knowledge/[a-z0-9-]+/$"))
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    page.wait_for_load_state()  # measured once the page and its stylesheet have loaded
    assert_fits(page)
    shot(page, f"{lang}-knowledge-item")

    page.get_by_role("link", name=t(lang, "Answers and guides")).click()  # back to the index, which has the search
    page.get_by_label(t(lang, "Search for an answer")).first.fill(QUERY[lang])
    page.get_by_role("button", name=t(lang, "Search"), exact=True).first.click()
    expect(page).to_have_url(re.compile(f"/{lang}/search/\\?q={QUERY[lang]}"))
    status = page.get_by_role("status").inner_text()
    found = int(status.split()[0])
    assert found >= 1
    assert status == t(lang, "%(n)s result", "%(n)s results", found) % {"n": found}
    shot(page, f"{lang}-knowledge-search")
    page.locator("ol.results a").first.click()
    expect(page).to_have_url(re.compile(f"/{lang}/(knowledge|directory)/"))
    expect(page.locator("h1")).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_topic_comes_in_pages_without_javascript(context_factory, axe, lang):
    """At national scale a topic has hundreds of items: the topic page shows 30 and links to the next page."""
    from knowledge import scale
    from knowledge.models import Topic

    load_all_content()
    scale.generate(items=400, seed=7)
    topic = max(Topic.objects.all(), key=lambda found: found.items.count())
    page = context_factory(viewport={"width": 360, "height": 740}, java_script_enabled=False).new_page()
    page.goto(f"/{lang}/knowledge/topic/{topic.slug}/")
    expect(page.locator(".item-list li")).to_have_count(30)
    page.get_by_role("link", name=t(lang, "Next page")).click()
    expect(page).to_have_url(re.compile(f"/{lang}/knowledge/topic/{topic.slug}/\\?page=2$"))
    expect(page.get_by_role("link", name=t(lang, "Previous page"))).to_be_visible()
    assert_fits(page)
    shot(page, f"{lang}-knowledge-topic-page-2")
    axe(f"/{lang}/knowledge/topic/{topic.slug}/?page=2")
