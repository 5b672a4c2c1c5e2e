"""Safety in a real browser, at 360 px, in Dutch, French and English: report, reply code, a moderator's answer,
reading and replying; checking a number; the self-check; the report once without JavaScript; axe on the pages."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from accounts.testing import MembershipFactory, UserFactory, make_trio, sign_in
from safety.models import Desk
from safety.services import alert_publish
from tests.browser.languages import LANGS, assert_fits, shot, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
WORDS = {
    "nl": "Hij duwde me en nam mijn telefoon mee.",
    "fr": "Il m'a poussée et a pris mon téléphone.",
    "en": "He pushed me and took my phone.",
}
ANSWER = "We can help: come by on Tuesday, or reply here."


@pytest.fixture(autouse=True)
def _content():
    from django.core.cache import cache

    from vocabulary.services import vocabulary_load

    vocabulary_load()
    cache.clear()


@pytest.fixture
def moderator(live_server):  # type: ignore[no-untyped-def]
    trio = make_trio()
    mona = UserFactory(email="mona@example.org", name="Mona")
    MembershipFactory(user=mona, organisation=trio.org_a, role=Role.MODERATOR)
    Desk.objects.create(organisation=trio.org_a, country="BE", regions=["brussels"])
    client = Client()
    sign_in(client, mona)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return trio, mona, [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": live_server.url}]


def _no_sideways_scroll(page) -> None:  # type: ignore[no-untyped-def]
    assert_fits(page)


def _report(page, lang: str) -> str:  # type: ignore[no-untyped-def]
    page.goto(f"/{lang}/safety/")
    page.get_by_role("link", name=t(lang, "Report something that happened")).first.click()
    expect(page.get_by_role("heading", name=t(lang, "Report what happened"))).to_be_visible()
    page.get_by_label(t(lang, "Violence", may_equal=True), exact=True).check()
    page.locator("#id_region").select_option("brussels")
    page.locator("#id_what_happened").fill(WORDS[lang])
    page.locator("#id_phone").fill("0470 12 34 99")
    _no_sideways_scroll(page)
    shot(page, f"safety-{lang}-01-report")
    page.get_by_role("button", name=t(lang, "Send the report")).click()
    expect(page.get_by_role("heading", name=t(lang, "Your report was sent"))).to_be_visible()
    code = page.locator("[data-reply-code]").inner_text()
    assert re.fullmatch(r"[2-9A-Z]{4}(-[2-9A-Z]{4}){6}", code), code
    _no_sideways_scroll(page)
    shot(page, f"safety-{lang}-02-code")
    return code


def _answer(context_factory, cookies, lang: str) -> None:  # type: ignore[no-untyped-def]
    context = context_factory(viewport=PHONE)
    context.add_cookies(cookies)
    page = context.new_page()
    page.goto(f"/{lang}/safety/org/org-a/")
    page.locator("table a").first.click()
    expect(page.get_by_text(WORDS[lang])).to_be_visible()
    page.locator("form:has(input[value=message]) textarea").fill(ANSWER)
    page.locator("form:has(input[value=message]) button").click()
    expect(page.get_by_text(ANSWER)).to_be_visible()
    shot(page, f"safety-{lang}-03-moderator")


def _read_and_reply(page, lang: str, code: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/{lang}/safety/")
    page.get_by_role("link", name=t(lang, "Read answers with your reply code")).first.click()
    page.locator("#id_code").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name=t(lang, "Open", may_equal=True), exact=True).click()
    expect(page.get_by_role("heading", name=t(lang, "Your report"), exact=True)).to_be_visible()
    expect(page.get_by_text(ANSWER)).to_be_visible()
    page.locator("#id_body").fill("Tuesday is fine.")
    page.get_by_role("button", name=t(lang, "Send"), exact=True).click()
    expect(page.get_by_text(t(lang, "Your message was sent."))).to_be_visible()
    expect(page.get_by_text("Tuesday is fine.")).to_be_visible()
    _no_sideways_scroll(page)
    shot(page, f"safety-{lang}-04-conversation")


@pytest.mark.parametrize("lang", LANGS)
def test_report_code_answer_and_reply_on_a_small_phone(context_factory, moderator, lang: str):
    _trio, _mona, cookies = moderator
    page = context_factory(viewport=PHONE).new_page()
    code = _report(page, lang)
    _answer(context_factory, cookies, lang)
    _read_and_reply(page, lang, code)


@pytest.mark.parametrize("lang", LANGS)
def test_check_a_number_and_the_self_check(context_factory, moderator, lang: str):
    trio, mona, _cookies = moderator
    alert_publish(
        organisation=trio.org_a,
        actor=mona,
        report=None,
        kind="violence",
        country="BE",
        region="brussels",
        description={"nl": "Gewelddadige klant.", "fr": "Client violent.", "en": "Violent client."},
        expires_on=timezone.localdate() + timedelta(days=30),
        phones=["0470 12 34 99"],
    )
    page = context_factory(viewport=PHONE).new_page()
    page.goto(f"/{lang}/safety/check/")
    page.locator("#id_number").fill("+32 470 12 34 99")
    page.get_by_role("button", name=t(lang, "Check"), exact=True).click()
    expect(
        page.get_by_text(
            t(lang, "A current notice mentions this number.", "%(counter)s current notices mention this number.", 1)
        )
    ).to_be_visible()
    _no_sideways_scroll(page)
    shot(page, f"safety-{lang}-05-check")

    page.goto(f"/{lang}/safety/self-check/")
    page.get_by_label(t(lang, "Someone else keeps my passport or identity card.")).check()
    page.get_by_label(t(lang, "I get little or none of the money I earn.")).check()
    page.get_by_role("button", name=t(lang, "See the result")).click()
    result = t(lang, "You ticked %(counter)s sign.", "You ticked %(counter)s signs.", 2) % {"counter": 2}
    expect(page.get_by_text(result)).to_be_visible()
    expect(page.get_by_text("PAG-ASA", exact=True)).to_be_visible()
    _no_sideways_scroll(page)
    shot(page, f"safety-{lang}-06-self-check")
    assert not [c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME]  # no session


def test_the_whole_flow_works_without_javascript(context_factory, moderator):
    _trio, _mona, cookies = moderator
    context = context_factory(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    code = _report(page, "nl")
    staff = context_factory(viewport=PHONE, java_script_enabled=False)
    staff.add_cookies(cookies)
    staff_page = staff.new_page()
    staff_page.goto("/nl/safety/org/org-a/")
    staff_page.locator("table a").first.click()
    staff_page.locator("form:has(input[value=message]) textarea").fill(ANSWER)
    staff_page.locator("form:has(input[value=message]) button").click()
    expect(staff_page.get_by_text(ANSWER)).to_be_visible()
    _read_and_reply(page, "nl", code)
    page.goto("/nl/safety/self-check/someone-else/")
    page.get_by_role("button", name=t("nl", "See the result")).click()
    expect(
        page.get_by_text(
            t("nl", "You ticked no sign. If something still feels wrong, you can talk to one of the centres below.")
        )
    ).to_be_visible()


def test_the_safety_pages_have_no_accessibility_violations(axe, moderator, live_server):
    _trio, _mona, cookies = moderator
    Client().post(
        "/en/safety/report/",
        {
            "receiver": "any",
            "kind": "violence",
            "region": "brussels",
            "what_happened": "x",
        },
    )
    for path in (
        "/nl/safety/",
        "/fr/safety/report/",
        "/en/safety/reply/",
        "/nl/safety/warnings/?country=nl",
        "/fr/safety/check/",
        "/en/safety/self-check/",
        "/nl/safety/self-check/someone-else/",
    ):
        axe(path, viewport=PHONE)
    for path in ("/en/safety/org/org-a/", "/fr/safety/org/org-a/statistics/", "/nl/safety/org/org-a/warnings/"):
        axe(path, cookies=cookies, viewport=PHONE)
