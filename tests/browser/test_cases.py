"""A caseworker takes a client from first contact to closure at 360 px, in NL, FR and EN, and once without
JavaScript; the dashboard and case page have no WCAG 2.2 AA violations."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from accounts.testing import make_trio, sign_in
from cases.models import Case
from conftest import load_all_content
from core.i18n import pick
from core.scopes import scope
from tests.browser.languages import assert_fits, shot, t
from vocabulary.models import Domain

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def _bob(live_server):
    load_all_content()
    trio = make_trio()
    client = Client()
    sign_in(client, trio.bob)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return trio, [{"name": settings.SESSION_COOKIE_NAME, "value": value, "url": live_server.url}]


def _fits(page) -> None:
    assert_fits(page)


def _submit(page, lang: str, label: str) -> None:
    page.get_by_role("button", name=t(lang, label), exact=True).click()


def _journey(page, lang: str, name: str) -> None:
    base = f"/{lang}/cases/org-a"
    page.goto(f"{base}/new/")
    _fits(page)
    page.fill("input[name=working_name]", name)
    page.select_option("select[name=contact_route]", "fieldwork-offline")
    page.select_option("select[name=sub_branch]", "window")
    page.check("input[name=languages][value=ro]")
    _submit(page, lang, "Open the case")
    assert page.get_by_role("heading", level=1).inner_text().startswith(name)
    assert t(lang, "The case is opened.") in page.content()
    case_url = page.url.split("#")[0]
    _fits(page)
    shot(page, f"cases-new-case-{lang}")

    page.get_by_role("link", name=t(lang, "Assess needs")).click()
    page.select_option("select[name=status_housing]", "1")
    page.fill("textarea[name=notes_housing]", "sofa")
    page.select_option("select[name=status_debt]", "2")
    _submit(page, lang, "Save the assessment")
    page.goto(case_url)
    page.get_by_role("link", name=t(lang, "Assess again")).click()
    page.select_option("select[name=status_housing]", "3")
    page.select_option("select[name=status_debt]", "3")
    _submit(page, lang, "Save the assessment")
    assert page.locator("svg.progress-chart rect").count() == 4

    page.goto(case_url)
    page.get_by_role("link", name=t(lang, "Add a goal")).click()
    page.select_option("select[name=domain]", "housing")
    page.fill("input[name=title]", "Room of my own")
    _submit(page, lang, "Add")
    page.get_by_role("link", name=t(lang, "Add an action")).click()
    page.fill("input[name=description]", "Visit the housing office")
    page.fill("input[name=due_on]", (date.today() + timedelta(days=7)).isoformat())
    _submit(page, lang, "Add")
    assert "Visit the housing office" in page.content()

    # The dashboard lists the case (reference, translated sub-branch, one open action) and the action due this week
    # under its life domain's name in the page's language; nothing from the case's encrypted text.
    page.goto(f"{base}/")
    case_path = urlparse(case_url).path
    row = page.locator("section[aria-labelledby=mine] tbody tr").filter(has=page.locator(f'a[href="{case_path}"]'))
    expect(row).to_contain_text(t(lang, "Window"))
    expect(row.locator("td").last).to_have_text("1")
    housing = pick(Domain.objects.get(slug="housing").name, lang).text
    upcoming = page.locator("section[aria-labelledby=upcoming] li").filter(
        has=page.locator(f'a[href="{case_path}#plan"]')
    )
    expect(upcoming).to_contain_text(housing)
    assert name not in page.content()  # lists show references only
    _fits(page)
    shot(page, f"cases-dashboard-{lang}")

    page.goto(case_url)
    page.get_by_role("link", name=t(lang, "Log a contact")).click()
    page.select_option("select[name=kind]", "in-person")
    page.fill("input[name=minutes]", "45")
    page.fill("textarea[name=notes]", "Talked about the room")
    _submit(page, lang, "Log")
    assert "Talked about the room" in page.content()

    page.goto(case_url)
    page.get_by_role("link", name=t(lang, "Refer to a service")).click()
    page.select_option("select[name=service]", index=1)
    page.check("input[name=items][value=working-name]")
    _submit(page, lang, "Send the referral")
    assert (
        t(lang, "No valid consent covers this. Record the person's consent first (what, with whom, until when).")
        in page.content()
    )
    page.goto(case_url)
    page.get_by_role("link", name=t(lang, "Record consent")).first.click()
    page.check("input[name=purposes][value=casework]")
    page.check("input[name=purposes][value=referral]")
    page.check("input[name=shared_items][value=working-name]")
    page.check("input[name=any_service]")
    _submit(page, lang, "Record")
    page.get_by_role("link", name=t(lang, "Refer to a service")).click()
    page.select_option("select[name=service]", index=1)
    page.check("input[name=items][value=working-name]")
    _submit(page, lang, "Send the referral")
    assert t(lang, "The referral is sent.") in page.content()
    _fits(page)
    shot(page, f"cases-case-page-{lang}")

    page.goto(case_url)
    page.get_by_role("link", name=t(lang, "Close the case")).click()
    page.select_option("select[name=outcome]", "exited")
    _submit(page, lang, "Close the case")
    assert t(lang, "The case is closed.") in page.content()
    assert page.locator("#follow-up li").count() == 2
    _fits(page)
    shot(page, f"cases-closed-{lang}")


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_caseworker_takes_a_client_from_first_contact_to_closure(lang, context_factory, live_server):
    trio, cookies = _bob(live_server)
    context = context_factory(viewport=PHONE)
    context.add_cookies(cookies)
    _journey(context.new_page(), lang, "Mira")
    with scope(organisation=trio.org_a):
        assert Case.objects.get().status == "closed"


def test_the_journey_works_without_javascript(context_factory, live_server):
    _trio, cookies = _bob(live_server)
    context = context_factory(viewport=PHONE, java_script_enabled=False)
    context.add_cookies(cookies)
    _journey(context.new_page(), "nl", "Noor")


def test_the_case_pages_have_no_accessibility_violations(axe, context_factory, live_server):
    trio, cookies = _bob(live_server)
    context = context_factory(viewport=PHONE)
    context.add_cookies(cookies)
    page = context.new_page()
    _journey(page, "en", "Ada")
    with scope(organisation=trio.org_a):
        case = Case.objects.get()
    for lang in ("nl", "fr", "en"):
        for path in ("", "all/", "new/", "referrals/", f"{case.pk}/", f"{case.pk}/assessment/", f"{case.pk}/consent/"):
            axe(f"/{lang}/cases/org-a/{path}", cookies=cookies, viewport=PHONE)
    page.goto("/en/cases/org-a/")
    shot(page, "cases-dashboard-en")
