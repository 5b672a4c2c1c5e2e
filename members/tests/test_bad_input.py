"""A signed-in member's pages answer odd input with a clear page, never a server error."""

from __future__ import annotations

import pytest
from django.test import Client

from members.tests.helpers import make_member, member_sign_in

pytestmark = pytest.mark.django_db

PAGES = ["me/", "me/details/", "me/passphrase/", "me/tasks/", "me/propose/", "me/export/", "me/leave/"]
ODD = {
    "pseudonym": "\x00",
    "email": "not an email",
    "language": "xx",
    "tasks": ["nope"],
    "title": "x" * 500,
    "description": "",
    "current": "",
    "passphrase": "a",
    "passphrase2": "b",
    "confirm": "maybe",
}


def test_member_pages_answer_odd_input_without_a_server_error(trio):
    _member, code = make_member(trio.org_a)
    client = Client(raise_request_exception=False)
    member_sign_in(client, trio.org_a, code)
    for page in PAGES:
        url = f"/en/members/{trio.org_a.slug}/{page}"
        assert client.get(url + "?page=%00&next=//evil").status_code < 500, url
        assert client.post(url, ODD).status_code < 500, url
    assert client.get(f"/en/members/{trio.org_a.slug}/me/").status_code == 200  # still signed in, still a member
