"""The funder report at 360 px in Dutch, French and English, its form without JavaScript, and axe."""

import pytest
from django.conf import settings
from django.test import Client

from accounts.testing import make_trio, sign_in
from tests.browser.languages import LANGS, assert_fits, shot, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture(autouse=True)
def _vocabulary():
    from vocabulary.services import vocabulary_load

    vocabulary_load()


def _alice_with_cases(live_server):
    from cases.tests.report_data import standard

    trio = make_trio()
    standard(trio.org_a, trio.bob)
    client = Client()
    sign_in(client, trio.alice)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return trio, [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": live_server.url}]


def test_the_report_in_three_languages_on_a_phone_and_without_javascript(axe, context_factory, live_server):
    from cases.tests.report_data import YEAR

    _trio, cookies = _alice_with_cases(live_server)
    context = context_factory(viewport=PHONE)
    context.add_cookies(cookies)
    page = context.new_page()
    for lang in LANGS:
        page.goto(f"/{lang}/cases/org-a/reports/?year={YEAR}")
        heading = t(lang, "New cases by sub-branch")
        assert page.get_by_role("heading", name=heading).is_visible()
        assert page.locator("svg.report-chart").count() >= 3
        shot(page, f"case-report-{lang}")
        assert_fits(page)
        axe(f"/{lang}/cases/org-a/reports/?year={YEAR}", cookies=cookies, viewport=PHONE)
    quiet = context_factory(viewport=PHONE, java_script_enabled=False)
    quiet.add_cookies(cookies)
    page = quiet.new_page()
    page.goto("/fr/cases/org-a/reports/")
    page.select_option("select[name=year]", str(YEAR))
    page.select_option("select[name=region]", "flanders")
    page.get_by_role("button", name=t("fr", "Show this report")).click()
    assert f"year={YEAR}" in page.url and "region=flanders" in page.url
    assert "Flandre" in page.locator("main").inner_text()
    shot(page, "case-report-fr-flanders-nojs")
