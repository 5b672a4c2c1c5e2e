"""Every public page, with its CSS, JS and images, transfers in at most 50 KB (gzip-compressed)."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

BUDGET = 50 * 1024
PUBLIC_PAGES = [
    "/en/",
    "/nl/",
    "/fr/",
    "/en/safety/browse-safely/",
    "/fr/safety/browse-safely/",
    "/nl/accounts/sign-in/",
    "/en/no-such-page/",
    "/fr/knowledge/",
    "/nl/knowledge/topic/rights/",
    "/en/knowledge/employment-contract-rights/",
    "/fr/knowledge/sexual-assault-care-centres/",
    "/nl/search/?q=abortus",
    "/en/search/?q=zzyzx",
    "/nl/?country=nl",
    "/en/knowledge/why-stopping-is-hard-netherlands/",
    "/fr/knowledge/emergency-numbers-netherlands/",
    "/en/directory/?country=nl",
]
RESOURCE = re.compile(r'<(?:link|script|img)\b[^>]*?(?:href|src)="(/static/[^"]+)"')


def transferred_size(client: Client, path: str) -> tuple[int, dict[str, int]]:
    response = client.get(path)
    html = response.content
    sizes = {path: len(gzip.compress(html, 9))}
    for url in set(RESOURCE.findall(html.decode())):
        found = finders.find(url.removeprefix("/static/"))
        assert found, f"{url} is linked from {path} but does not exist"
        with open(found, "rb") as handle:
            sizes[url] = len(gzip.compress(handle.read(), 9))
    return sum(sizes.values()), sizes


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_stay_within_the_budget(client: Client, path: str):
    total, sizes = transferred_size(client, path)
    assert total <= BUDGET, f"{path}: {total} bytes > {BUDGET}: {sizes}"
