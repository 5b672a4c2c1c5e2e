"""Outreach tallies at 360 px in Dutch, French and English (adding a tally), once without JavaScript, and axe."""

import pytest
from django.conf import settings
from django.test import Client

from accounts.testing import make_trio, sign_in
from core.scopes import scope
from outreach.models import Tally
from tests.browser.languages import LANGS, assert_fits, shot, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture(autouse=True)
def _vocabulary():
    from vocabulary.services import vocabulary_load

    vocabulary_load()


def _bob(live_server):
    trio = make_trio()
    client = Client()
    sign_in(client, trio.bob)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return trio, [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": live_server.url}]


def _fill(page, lang: str, contacts: str) -> None:
    page.fill("input[name=date]", "2026-02-03")
    page.get_by_label(t(lang, "Out in the field")).check()
    page.locator("select[name=region]").select_option(index=1)
    page.fill("input[name=contacts]", contacts)
    page.get_by_label(t(lang, "Condoms")).check()
    page.get_by_role("button", name=t(lang, "Save the tally")).click()


@pytest.mark.parametrize("lang", LANGS)
def test_a_caseworker_adds_a_tally_on_a_phone(context_factory, live_server, lang):
    trio, cookies = _bob(live_server)
    context = context_factory(viewport=PHONE)
    context.add_cookies(cookies)
    page = context.new_page()
    page.goto(f"/{lang}/outreach/org/org-a/")
    page.get_by_role("link", name=t(lang, "Add a tally")).first.click()
    assert_fits(page)
    shot(page, f"outreach-form-{lang}")
    _fill(page, lang, "14")
    assert t(lang, "Tally saved. Thank you.") in page.content()
    assert t(lang, "%(counter)s person reached", "%(counter)s people reached", 14) % {"counter": 14} in page.content()
    assert_fits(page)
    shot(page, f"outreach-list-{lang}")
    with scope(organisation=trio.org_a):
        assert Tally.objects.get().contacts == 14


def test_without_javascript_a_bad_tally_keeps_what_was_typed(context_factory, live_server):
    trio, cookies = _bob(live_server)
    context = context_factory(viewport=PHONE, java_script_enabled=False)
    context.add_cookies(cookies)
    page = context.new_page()
    page.goto("/nl/outreach/org/org-a/new/")
    page.fill("input[name=date]", "2026-02-03")
    page.get_by_label(t("nl", "Online", may_equal=True), exact=True).check()
    page.fill("input[name=contacts]", "8")
    page.get_by_role("button", name=t("nl", "Save the tally")).click()
    assert t("nl", "Choose the kind of online place.") in page.content()
    assert page.input_value("input[name=contacts]") == "8"
    page.select_option("select[name=platform]", "social-media")
    page.get_by_role("button", name=t("nl", "Save the tally")).click()
    assert t("nl", "Tally saved. Thank you.") in page.content()
    with scope(organisation=trio.org_a):
        assert Tally.objects.get().platform == "social-media"


def test_the_outreach_pages_have_no_violations(axe, live_server):
    from outreach.testing import make_tally

    trio, cookies = _bob(live_server)
    tally = make_tally(trio.org_a)
    for lang in LANGS:
        axe(f"/{lang}/outreach/org/org-a/", cookies=cookies, viewport=PHONE)
    axe("/fr/outreach/org/org-a/new/", cookies=cookies, viewport=PHONE)
    axe(f"/nl/outreach/org/org-a/{tally.pk}/", cookies=cookies, viewport=PHONE)
    axe(f"/en/outreach/org/org-a/{tally.pk}/delete/", cookies=cookies, viewport=PHONE)
