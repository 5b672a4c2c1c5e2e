"""The knowledge pages at scale: the home page loads six items per topic and a count, whatever the number of
items; topic pages come in pages. Generated items (``knowledge.scale``) stand in for a national knowledge base."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from knowledge import scale
from knowledge.models import Item, Topic
from knowledge.selectors import TOPIC_PAGE_SIZE, TOPIC_PREVIEW


def _query_count(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_the_home_page_takes_the_same_queries_with_many_more_items(client: Client):
    before = _query_count(client, "/en/knowledge/")
    scale.generate(items=120, seed=3)
    assert _query_count(client, "/en/knowledge/") == before
    html = client.get("/en/knowledge/").content.decode()
    for topic in Topic.objects.all():
        count = Item.objects.filter(topic=topic).count()
        section = html.split(f'id="topic-{topic.slug}"', 1)[1].split("</section>", 1)[0] if count else ""
        if count:
            assert section.count("<li>") <= TOPIC_PREVIEW
        if count > TOPIC_PREVIEW:
            assert f"See all {count} pages" in section


@pytest.mark.django_db
def test_a_topic_page_is_paginated(client: Client):
    scale.generate(items=200, seed=4)
    topic = max(Topic.objects.all(), key=lambda t: t.items.count())
    count = topic.items.count()
    assert count > TOPIC_PAGE_SIZE
    first = client.get(f"/en/knowledge/topic/{topic.slug}/").content.decode()
    assert first.count('<p class="help"') == TOPIC_PAGE_SIZE
    assert 'rel="next"' in first
    last_page = -(-count // TOPIC_PAGE_SIZE)
    last = client.get(f"/en/knowledge/topic/{topic.slug}/?page={last_page}").content.decode()
    assert last.count('<p class="help"') == count - (last_page - 1) * TOPIC_PAGE_SIZE
    assert 'rel="prev"' in last
    assert client.get(f"/en/knowledge/topic/{topic.slug}/?page=banana").status_code == 200
    assert _query_count(client, f"/en/knowledge/topic/{topic.slug}/?page=2") <= 6


@pytest.mark.django_db
def test_generated_items_are_searchable_and_varied():
    from search.selectors import search

    scale.generate(items=30, seed=5)
    titles = set(Item.objects.filter(slug__startswith=scale.SCALE_PREFIX).values_list("translations__title", flat=True))
    assert len(titles) >= 80  # three languages (most), no copies
    item = Item.objects.filter(slug__startswith=scale.SCALE_PREFIX).first()
    assert item is not None
    title = item.translations.get(language="en").title
    assert any(r.key == item.slug for r in search(title, lang="en", limit=50, count_misses=False))
    scale.clear()
    assert not Item.objects.filter(slug__startswith=scale.SCALE_PREFIX).exists()
