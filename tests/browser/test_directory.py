"""The directory in a real browser: accessible (axe-core, WCAG 2.2 AA), usable without JavaScript, and
making no request to another origin (the context factory fails the test if it does)."""

import pytest

from accounts.testing import make_trio, sign_in
from conftest import load_all_content

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


def test_filtering_works_without_javascript(context_factory):
    load_all_content()
    page = context_factory(java_script_enabled=False).new_page()
    page.goto("/en/directory/")
    page.select_option("#id_need", "trafficking")
    page.check("input[name=attr][value=undocumented-welcome]")
    page.click("button:has-text('Show services')")
    assert "need=trafficking" in page.url
    assert page.is_checked("input[name=attr][value=undocumented-welcome]")
    page.click("text=Support for victims of human trafficking >> nth=0")
    assert "/en/directory/service/" in page.url
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
