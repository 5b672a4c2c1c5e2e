"""The access log at 360 px, in three languages, with and without JavaScript."""

import os

import pytest
from django.conf import settings
from django.test import Client

from accounts.testing import all_memberships, make_trio, sign_in
from audit.services import Action, audit_log
from tests.browser.languages import assert_fits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def _alice_with_a_log(live_server):
    trio = make_trio()
    membership = all_memberships().get(user=trio.bob)
    for _ in range(3):
        audit_log(actor=trio.bob, action=Action.READ, target=membership, organisation_id=trio.org_a.pk)
    client = Client()
    sign_in(client, trio.alice)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": live_server.url}]


def test_the_access_log_fits_a_small_phone_and_has_no_violations(axe, context_factory, live_server):
    cookies = _alice_with_a_log(live_server)
    for language in ("nl", "fr", "en"):
        axe(f"/{language}/audit/org/org-a/?action=read", cookies=cookies, viewport=PHONE)
    context = context_factory(viewport=PHONE, java_script_enabled=False)
    context.add_cookies(cookies)
    page = context.new_page()
    page.goto("/nl/audit/org/org-a/")
    assert_fits(page)
    page.locator("summary").click()
    page.select_option("select[name=action]", "read")
    page.fill("input[name=record]", "accounts.membership")
    page.get_by_role("button", name="Deze regels tonen").click()
    assert "action=read" in page.url
    assert page.locator("ol.item-list li").count() == 3  # Bob's three reads, not Alice's reads of the log
    if os.environ.get("HAVEN_SCREENSHOTS"):
        page.screenshot(path=os.environ["HAVEN_SCREENSHOTS"] + "/audit-log-nl-360.png", full_page=True)
