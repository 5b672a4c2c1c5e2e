"""axe-core (WCAG 2.2 AA) on every page the browser tests visit, signed out and signed in."""

import pytest

from accounts.testing import make_trio, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC = [
    "/en/",
    "/nl/",
    "/fr/",
    "/en/safety/browse-safely/",
    "/nl/safety/browse-safely/",
    "/fr/accounts/sign-in/",
    "/en/no-such-page/",
]
STAFF = [
    "/en/accounts/",
    "/en/accounts/sessions/",
    "/en/accounts/security/",
    "/en/accounts/org/org-a/members/",
    "/en/accounts/org/org-a/members/invite/",
    "/nl/accounts/security/password/",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_have_no_violations(axe, path):
    axe(path)


def test_public_pages_have_no_violations_on_a_small_phone(axe):
    axe("/fr/", viewport={"width": 320, "height": 568})


def _staff_cookies(live_server):
    from django.conf import settings
    from django.test import Client

    trio = make_trio()
    client = Client()
    sign_in(client, trio.alice)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": live_server.url}]


def test_staff_pages_have_no_violations(axe, live_server):
    cookies = _staff_cookies(live_server)
    for path in STAFF:
        axe(path, cookies=cookies)
