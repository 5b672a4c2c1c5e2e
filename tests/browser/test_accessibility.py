"""axe-core (WCAG 2.2 AA) on every page the browser tests visit, signed out and signed in."""

import pytest

from accounts.models import Membership, Role
from accounts.testing import all_memberships, make_trio, sign_in
from conftest import load_all_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC = [
    "/en/",
    "/nl/",
    "/fr/",
    "/en/safety/browse-safely/",
    "/nl/safety/browse-safely/",
    "/fr/accounts/sign-in/",
    "/en/no-such-page/",
    "/fr/knowledge/",
    "/nl/knowledge/topic/health/",
    "/en/knowledge/sexual-assault-care-centres/",
    "/fr/knowledge/abortion-in-belgium/",
    "/nl/knowledge/emergency-numbers/",
    "/en/search/?q=abortion",
    "/fr/search/?q=zzyzx",
]
STAFF = [
    "/en/accounts/",
    "/en/accounts/sessions/",
    "/en/accounts/security/",
    "/en/accounts/org/org-a/members/",
    "/en/accounts/org/org-a/members/invite/",
    "/nl/accounts/security/password/",
    "/en/knowledge/edit/",
    "/fr/knowledge/edit/sti-testing/nl/",
    "/en/knowledge/edit/sti-testing/en/history/",
    "/en/knowledge/edit/sti-testing/",
]


def test_public_pages_have_no_violations(axe):
    load_all_content()
    for path in PUBLIC:
        axe(path, status=404 if "no-such-page" in path else None)


def test_public_pages_have_no_violations_on_a_small_phone(axe):
    axe("/fr/", viewport={"width": 320, "height": 568})


def _staff_cookies(live_server):
    from django.conf import settings
    from django.test import Client

    trio = make_trio()
    Membership.objects.create(user=trio.alice, organisation=trio.org_a, role=Role.EDITOR)
    client = Client()
    sign_in(client, trio.alice)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": live_server.url}]


def test_staff_pages_have_no_violations(axe, live_server):
    load_all_content()
    cookies = _staff_cookies(live_server)
    for path in STAFF:
        axe(path, cookies=cookies)


def test_staff_account_pages_have_no_violations_at_360_px(axe, live_server):
    load_all_content()
    cookies = _staff_cookies(live_server)
    bob = all_memberships().get(organisation__slug="org-a", role=Role.CASEWORKER).user_id
    phone = {"width": 360, "height": 740}
    for path in [
        "/en/accounts/",
        "/nl/accounts/org/org-a/members/",
        f"/fr/accounts/org/org-a/members/{bob}/second-step/",
        "/fr/accounts/security/recovery-codes/",
        "/nl/accounts/sessions/",
        "/en/knowledge/edit/",
    ]:
        axe(path, cookies=cookies, viewport=phone)
