"""The public safety pages: described, light, cookie-free where they only show, quick exit and helplines present."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client

from tests.test_page_budget import BUDGET, transferred_size

pytestmark = pytest.mark.django_db

PAGES = [
    "/{lang}/safety/",
    "/{lang}/safety/report/",
    "/{lang}/safety/reply/",
    "/{lang}/safety/warnings/",
    "/{lang}/safety/check/",
    "/{lang}/safety/self-check/",
    "/{lang}/safety/self-check/someone-else/",
]
READ_ONLY = ["/{lang}/safety/", "/{lang}/safety/warnings/", "/{lang}/safety/self-check/"]
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


@pytest.mark.parametrize("page", PAGES)
def test_each_page_describes_itself_in_each_language(client: Client, page: str):
    seen = {}
    for lang in ("nl", "fr", "en"):
        response = client.get(page.format(lang=lang))
        assert response.status_code == 200
        found = DESCRIPTION.findall(response.content.decode())
        assert len(found) == 1
        seen[lang] = html.unescape(found[0])
        assert 40 <= len(seen[lang]) <= 320
    assert len(set(seen.values())) == 3


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("country", ["", "?country=nl"])
def test_each_page_stays_under_the_budget_with_the_quick_exit_and_the_helplines(page: str, country: str):
    client = Client()
    path = page.format(lang="fr") + country
    total, sizes = transferred_size(client, path)
    assert total <= BUDGET, sizes
    text = client.get(path).content.decode()
    assert 'class="quick-exit"' in text
    assert 'id="helplines"' in text
    assert "tel:112" in text
    if country:
        assert "Ugly Mugs NL" in text and "tel:+31" in text


@pytest.mark.parametrize("page", READ_ONLY)
def test_reading_pages_set_no_cookie(page: str):
    response = Client().get(page.format(lang="nl"))
    assert not response.cookies


def test_the_belgian_helplines_named_by_the_issue_are_there(client: Client):
    text = client.get("/en/safety/").content.decode()
    for number in ("tel:112", "tel:101", "tel:1712", "tel:+3280030030"):
        assert number in text, number
    assert "Sexual Assault Care Centres" in text
