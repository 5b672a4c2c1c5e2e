"""Members, events and the mailing list in a real browser: NL, FR and EN at 360 px, and once without JavaScript.

Apply → an admin approves → the member signs in with their code and updates their details; registering for a
full event, the waiting list and a place given back; leaving the mailing list from the email's link without
signing in. Axe checks the pages.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from accounts.testing import make_trio, sign_in
from core.scopes import scope
from events.models import Event
from mailing.tokens import unsubscribe_token
from members.models import Member
from members.tests.helpers import PASSPHRASE, make_member
from tests.browser.languages import LANGS, assert_fits, shot, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
RUNS = [(lang, True) for lang in LANGS] + [("nl", False)]
IDS = [f"{lang}-{'js' if js else 'nojs'}" for lang, js in RUNS]


@pytest.fixture(autouse=True)
def _fresh_throttles():
    from django.core.cache import cache

    cache.clear()


def _staff_cookies(user, live_server):  # type: ignore[no-untyped-def]
    client = Client()
    sign_in(client, user)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": live_server.url}]


def _fits(page) -> None:  # type: ignore[no-untyped-def]
    assert_fits(page)


@pytest.mark.parametrize(("lang", "js"), RUNS, ids=IDS)
def test_apply_approve_sign_in_and_update(lang, js, context_factory, live_server):
    trio = make_trio()
    page = context_factory(viewport=PHONE, java_script_enabled=js).new_page()
    page.goto(f"/{lang}/members/{trio.org_a.slug}/apply/")
    expect(page.locator("h1")).to_contain_text(t(lang, "Become a member of %(name)s") % {"name": trio.org_a.name})
    _fits(page)
    page.check("input[name=kind][value=active]")
    page.check("input[name=states_experience]")
    page.fill("input[name=pseudonym]", "Nova")
    page.fill("input[name=passphrase]", PASSPHRASE)
    page.fill("input[name=passphrase2]", PASSPHRASE)
    page.check("input[name=supports_mission]")
    page.get_by_role("button", name=t(lang, "Send my application")).click()
    expect(page.locator("h1")).to_have_text(t(lang, "Your application is sent"))
    code = page.locator("[data-member-code]").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", code)
    shot(page, f"members-applied-{lang}")

    staff = context_factory(viewport=PHONE, java_script_enabled=js)
    staff.add_cookies(_staff_cookies(trio.alice, live_server))
    admin = staff.new_page()
    admin.goto(f"/{lang}/members/manage/org/{trio.org_a.slug}/")
    _fits(admin)
    admin.get_by_role("link", name="Nova").click()
    admin.get_by_role("button", name=t(lang, "Approve")).click()
    expect(admin.locator(".messages")).to_contain_text(t(lang, "The application is approved."))

    page.goto(f"/{lang}/members/{trio.org_a.slug}/sign-in/")
    page.fill("input[name=code]", code.lower())
    page.fill("input[name=passphrase]", PASSPHRASE)
    page.get_by_role("button", name=t(lang, "Sign in"), exact=True).click()
    expect(page.locator("h1")).to_have_text(t(lang, "Hello %(name)s") % {"name": "Nova"})
    _fits(page)
    page.get_by_role("link", name=t(lang, "See and change my details")).click()
    page.fill("input[name=pseudonym]", "Nova B")
    page.get_by_role("button", name=t(lang, "Save")).click()
    expect(page.locator(".messages")).to_contain_text(t(lang, "Your details are saved."))
    shot(page, f"members-home-{lang}")
    with scope(organisation=trio.org_a):
        assert Member.objects.get().pseudonym == "Nova B"


def _event(trio, capacity=1):  # type: ignore[no-untyped-def]
    start = timezone.now() + timedelta(days=5)
    with scope(organisation=trio.org_a):
        event = Event(
            organisation=trio.org_a,
            title={"nl": "Ontmoeting", "fr": "Rencontre", "en": "Meetup"},
            city="Gent",
            address="Example street 1",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            capacity=capacity,
        )
        event.save()
    return event


def _register(context, lang, trio, event, name):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto(f"/{lang}/events/{trio.org_a.slug}/{event.pk}/")
    _fits(page)
    page.fill("input[name=pseudonym]", name)
    page.locator("form.stack button[type=submit]").click()
    code = page.locator("[data-ticket-code]").inner_text()
    return page, code


@pytest.mark.parametrize(("lang", "js"), RUNS, ids=IDS)
def test_a_full_event_has_a_waiting_list_and_a_place_given_back_goes_to_the_next(lang, js, context_factory):
    trio = make_trio()
    event = _event(trio, capacity=1)
    first, _first_code = _register(context_factory(viewport=PHONE, java_script_enabled=js), lang, trio, event, "Kim")
    expect(first.locator("[data-status]")).to_have_text(t(lang, "Place confirmed"))
    second, second_code = _register(context_factory(viewport=PHONE, java_script_enabled=js), lang, trio, event, "Lee")
    expect(second.locator("[data-status]")).to_have_text(t(lang, "On the waiting list"))
    shot(second, f"events-waiting-{lang}")
    first.get_by_role("button", name=t(lang, "Give my place back")).click()
    expect(first.locator("[data-status]")).to_have_text(t(lang, "Cancelled"))
    second.goto(f"/{lang}/events/{trio.org_a.slug}/ticket/")
    second.fill("input[name=code]", second_code)
    second.get_by_role("button", name=t(lang, "Show my place")).click()
    expect(second.locator("[data-status]")).to_have_text(t(lang, "Place confirmed"))
    second.get_by_role("button", name=t(lang, "Give my place back")).click()
    expect(second.locator("[data-status]")).to_have_text(t(lang, "Cancelled"))


@pytest.mark.parametrize(("lang", "js"), RUNS, ids=IDS)
def test_leaving_the_mailing_list_without_signing_in(lang, js, context_factory):
    trio = make_trio()
    member, _ = make_member(trio.org_a, email="nova@example.org", language=lang)
    token = unsubscribe_token(organisation_id=trio.org_a.pk, member_id=str(member.pk))
    context = context_factory(viewport=PHONE, java_script_enabled=js)
    page = context.new_page()
    page.goto(f"/{lang}/mailing/unsubscribe/{token}/")
    _fits(page)
    page.get_by_role("button", name=t(lang, "Leave the mailing list")).click()
    expect(page.locator("h1")).to_have_text(t(lang, "You have left the mailing list"))
    assert context.cookies() == []
    with scope(organisation=trio.org_a):
        assert Member.objects.get().email == ""


def test_member_event_and_mailing_pages_have_no_accessibility_violations(axe, live_server):
    trio = make_trio()
    member, code = make_member(trio.org_a, pseudonym="Robin")
    event = _event(trio)
    client = Client()
    client.post(f"/en/members/{trio.org_a.slug}/sign-in/", {"code": code, "passphrase": PASSPHRASE})
    member_cookies = [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url,
        }
    ]
    token = unsubscribe_token(organisation_id=trio.org_a.pk, member_id=str(member.pk))
    org = trio.org_a.slug
    for path in (
        f"/nl/members/{org}/apply/",
        f"/fr/members/{org}/sign-in/",
        f"/en/events/{org}/",
        f"/nl/events/{org}/{event.pk}/",
        f"/fr/events/{org}/ticket/",
        f"/en/mailing/unsubscribe/{token}/",
    ):
        axe(path, viewport=PHONE)
    for path in (f"/nl/members/{org}/me/", f"/fr/members/{org}/me/details/", f"/en/members/{org}/me/tasks/"):
        axe(path, cookies=member_cookies, viewport=PHONE)
    staff = _staff_cookies(trio.alice, live_server)
    for path in (
        f"/nl/members/manage/org/{org}/",
        f"/fr/members/manage/org/{org}/member/{member.pk}/",
        f"/en/events/manage/org/{org}/new/",
        f"/nl/mailing/manage/org/{org}/new/",
    ):
        axe(path, cookies=staff, viewport=PHONE)
