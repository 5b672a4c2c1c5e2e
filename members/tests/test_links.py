"""The staff home lists the members' registry, events and mailing list to the organisation's admins only."""

from __future__ import annotations

import pytest

from core.registry import staff_links

pytestmark = pytest.mark.django_db


def test_admins_get_links_to_their_own_organisation_only(trio):
    urls = [link.url for link in staff_links(trio.alice)]
    for part in ("/members/manage/org/", "/events/manage/org/", "/mailing/manage/org/"):
        assert f"{part}{trio.org_a.slug}/" in "".join(urls)
        assert f"{part}{trio.org_b.slug}/" not in "".join(urls)
    assert not [
        url
        for url in (link.url for link in staff_links(trio.bob))
        if "/manage/org/" in url and ("/members/" in url or "/events/" in url or "/mailing/" in url)
    ]
