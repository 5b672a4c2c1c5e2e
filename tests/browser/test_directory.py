"""The directory in a real browser: accessible (axe-core, WCAG 2.2 AA), usable without JavaScript, and
making no request to another origin (the context factory fails the test if it does)."""

import re

import pytest
from playwright.sync_api import expect

from accounts.testing import make_trio, sign_in
from conftest import load_all_content
from tests.browser.languages import LANGS, shot, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC = [
    "/en/directory/",
    "/fr/directory/?need=health&region=wallonia&attr=free",
    "/nl/directory/service/pag-asa-victim-support/",
    "/en/directory/service/pag-asa-shelter-accommodation/",
    "/fr/directory/organisation/sexual-assault-care-centres/",
    "/en/directory/service/violett-health-care/suggest/",
]


def test_directory_pages_have_no_violations(axe):
    load_all_content()
    for path in PUBLIC:
        axe(path)
    axe("/fr/directory/", viewport={"width": 320, "height": 568})


@pytest.mark.parametrize("lang", LANGS)
def test_filtering_works_without_javascript(context_factory, lang):
    load_all_content()
    page = context_factory(java_script_enabled=False).new_page()
    page.goto(f"/{lang}/directory/")
    page.select_option("#id_need", "trafficking")
    page.check("input[name=attr][value=undocumented-welcome]")
    page.get_by_role("button", name=t(lang, "Show services")).click()
    expect(page).to_have_url(re.compile("need=trafficking"))
    assert page.is_checked("input[name=attr][value=undocumented-welcome]")
    page.locator("ul.services h3 a").first.click()
    expect(page).to_have_url(re.compile(f"/{lang}/directory/service/"))
    assert page.locator("a[href^='tel:']").count() >= 1


def test_a_visitor_sends_a_correction(context_factory):
    load_all_content()
    page = context_factory().new_page()
    page.goto("/en/directory/service/violett-health-care/")
    page.click("text=Something wrong or missing? Tell us")
    page.fill("textarea[name=text]", "The Ghent consultation moved.")
    page.click("button:has-text('Send the correction')")
    assert page.locator("h1").inner_text() == "Thank you for your correction"


def test_staff_edit_pages_have_no_violations(axe, live_server):
    from django.conf import settings
    from django.test import Client

    from directory.models import Organization

    load_all_content()
    trio = make_trio()
    Organization.objects.filter(slug="pag-asa").update(owner=trio.org_a)
    client = Client()
    sign_in(client, trio.alice)
    cookies = [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url,
        }
    ]
    for path in (
        "/en/directory/manage/org/org-a/",
        "/en/directory/manage/org/org-a/service/pag-asa-victim-support/",
        "/en/directory/manage/org/org-a/listing/pag-asa/",
        "/en/directory/manage/org/org-a/stale/",
    ):
        axe(path, cookies=cookies)


FILTERS = {
    "nl": {"need": "sexual-health", "region": "flanders", "language": "nl"},
    "fr": {"need": "health", "region": "wallonia", "language": "fr"},
    "en": {"need": "sexual-health", "region": "flanders", "language": "en"},
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_visitor_filters_by_need_region_and_language_and_opens_a_service(context_factory, lang):
    load_all_content()
    page = context_factory(viewport={"width": 360, "height": 740}).new_page()
    page.goto(f"/{lang}/directory/")
    expect(page.get_by_role("heading", name=t(lang, "Find a service that can help"), level=1)).to_be_visible()
    chosen = FILTERS[lang]
    page.get_by_label(t(lang, "What do you need help with?")).select_option(chosen["need"])
    page.get_by_label(t(lang, "Region")).select_option(chosen["region"])
    page.get_by_label(t(lang, "Language spoken")).select_option(chosen["language"])
    page.get_by_role("button", name=t(lang, "Show services")).click()
    expect(page).to_have_url(re.compile(f"/{lang}/directory/\\?.*need={chosen['need']}"))
    assert f"region={chosen['region']}" in page.url and f"language={chosen['language']}" in page.url
    assert page.get_by_label(t(lang, "Region")).input_value() == chosen["region"]  # the filters stay chosen
    heading = page.locator("#results-heading").inner_text()
    count = int(heading.split()[0])
    assert count >= 1
    assert heading == t(lang, "%(counter)s service", "%(counter)s services", count, may_equal=True) % {"counter": count}
    shot(page, f"{lang}-directory-filtered")
    first = page.locator("ul.services h3 a").first
    name = first.inner_text()
    first.click()
    expect(page).to_have_url(re.compile(f"/{lang}/directory/service/[a-z0-9-]+/$"))
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    expect(page.get_by_role("link", name=t(lang, "Something wrong or missing? Tell us"))).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, f"{lang}-directory-service")
