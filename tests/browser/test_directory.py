"""The directory in a real browser: accessible (axe-core, WCAG 2.2 AA), usable without JavaScript, and
making no request to another origin (the context factory fails the test if it does)."""

import re

import pytest
from playwright.sync_api import expect

from accounts.testing import make_trio, sign_in
from conftest import load_all_content
from tests.browser.languages import LANGS, assert_fits, shot, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC = [
    "/en/directory/",
    "/fr/directory/?need=health&region=wallonia&attr=free",
    "/nl/directory/service/pag-asa-victim-support/",
    "/en/directory/service/pag-asa-shelter-accommodation/",
    "/fr/directory/organisation/sexual-assault-care-centres/",
    "/nl/directory/service/sacc-brussels-care/",
    "/en/directory/?need=safety&region=brussels",
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


SHOTS = __import__("pathlib").Path(__import__("tempfile").gettempdir()) / "haven-directory-shots"
PHONE = {"width": 360, "height": 740}
RESULTS_WORD = {"en": "services", "nl": "diensten", "fr": "services"}


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_on_a_phone_filtering_lands_at_the_counted_results_and_a_care_centre_can_be_called(context_factory, lang):
    load_all_content()
    SHOTS.mkdir(exist_ok=True)
    page = context_factory(viewport=PHONE).new_page()
    page.goto(f"/{lang}/directory/")
    page.select_option("#id_need", "safety")
    page.select_option("#id_region", "brussels")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith("#results")
    heading = page.locator("#results")
    assert RESULTS_WORD[lang] in heading.inner_text()
    assert heading.inner_text().split()[0].isdigit()  # the count comes first
    assert page.evaluate("document.activeElement.id") == "results"  # read out by a screen reader
    assert page.locator("details.filters-fold").get_attribute("open") is None  # the form folded away
    bar = page.locator(".exit-bar").bounding_box()
    assert bar["y"] + bar["height"] <= heading.bounding_box()["y"] < PHONE["height"]  # on screen, below the bar
    page.screenshot(path=str(SHOTS / f"results-{lang}.png"))
    page.click("a[href$='/directory/service/sacc-brussels-care/']")
    assert page.locator("a.phone").first.get_attribute("href") == "tel:+3225354542"
    assert "+32 2 535 45 42" in page.locator("a.phone").first.inner_text()
    assert page.locator("a[href^='geo:0,0?q=']").count() == 1
    assert page.locator("a[href^='https://maps.apple.com/?q=']").count() == 1
    assert page.locator("iframe").count() == 0
    page.screenshot(path=str(SHOTS / f"care-centre-{lang}.png"), full_page=True)


def test_on_a_phone_without_javascript_the_results_still_come_first(context_factory):
    load_all_content()
    page = context_factory(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto("/en/directory/?need=safety&region=brussels#results")
    bar = page.locator(".exit-bar").bounding_box()
    assert bar["y"] + bar["height"] <= page.locator("#results").bounding_box()["y"] < PHONE["height"]
    page.screenshot(path=str(SHOTS / "results-en-nojs.png"))


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
    heading = page.locator("#results").inner_text()
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
    assert_fits(page)
    shot(page, f"{lang}-directory-service")
