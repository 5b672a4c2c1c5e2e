"""The private planner in a real browser: made, filled and checked without JavaScript; axe on its pages."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSPHRASE = "quiet harbour lamp seven"
PLAN_PAGES = [
    "/en/plan/",
    "/en/plan/motivations/",
    "/en/plan/goals/",
    "/en/plan/goals/new/",
    "/en/plan/budget/",
    "/en/plan/skills/",
    "/en/plan/network/",
    "/en/plan/safety/",
    "/en/plan/journal/",
    "/en/plan/suggestions/",
    "/en/plan/share/",
    "/en/plan/export/",
    "/en/plan/passphrase/",
    "/en/plan/delete/",
    "/nl/plan/budget/",
    "/fr/plan/goals/",
]
PUBLIC_PAGES = ["/en/plan/", "/nl/plan/new/", "/fr/plan/sign-in/", "/en/plan/recover/"]


@pytest.fixture(autouse=True)
def _vocabulary():
    from vocabulary.services import vocabulary_load

    vocabulary_load()


def _make_plan(page) -> str:
    page.goto("/en/plan/")
    page.get_by_role("link", name="Make my private plan").click()
    page.get_by_label("Pseudonym").fill("Quiet Harbour")
    page.locator("#id_passphrase").fill(PASSPHRASE)
    page.get_by_label("Passphrase again").fill(PASSPHRASE)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Make my plan").click()
    code = page.locator(".code-box code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){5}", code)
    page.get_by_role("button", name="I have kept my recovery code").click()
    assert page.url.endswith("/en/plan/")
    return code


def test_a_plan_is_made_and_filled_without_javascript(context_factory):
    context = context_factory(java_script_enabled=False)
    page = context.new_page()
    _make_plan(page)
    assert page.get_by_text("Your plan is ready").is_visible()

    page.get_by_role("link", name="Goals and steps").click()
    page.get_by_role("link", name="Add a goal").first.click()
    page.get_by_label("Life domain").select_option("housing")
    page.get_by_label("Your goal").fill("A flat of my own")
    page.locator("#id_steps-0-text").fill("Register at the social housing office")
    page.locator("#id_steps-1-text").fill("Visit three flats")
    page.get_by_role("button", name="Save goal").click()
    assert page.get_by_role("heading", name="A flat of my own").is_visible()
    page.get_by_role("button", name="Mark as done: Register at the social housing office").click()
    assert page.get_by_text("one more step behind you").is_visible()
    assert page.get_by_text("1 of 2 steps done").is_visible()

    page.goto("/en/plan/budget/")
    page.get_by_label("Rent or mortgage").fill("850")
    page.get_by_label("Food and household").fill("1.234,56")
    page.get_by_label("Savings you have now").fill("twelve hundred")
    page.get_by_role("button", name="Save and calculate").click()
    assert page.get_by_text("Enter an amount in euros").is_visible()
    assert page.get_by_label("Food and household").input_value() == "1.234,56"  # kept as typed
    page.get_by_label("Savings you have now").fill("2.500")
    page.get_by_label("How much do you want in your emergency fund?").fill("3000")
    page.get_by_label("How much can you put aside?").fill("50")
    page.get_by_label("Every week").check()
    page.get_by_role("button", name="Save and calculate").click()
    assert page.get_by_text("Saved. Only you can read it.").is_visible()
    assert page.locator("svg.plan-chart rect").count() >= 12
    assert page.get_by_label("Food and household").input_value() == "1234.56"

    page.get_by_role("button", name="Lock my plan").click()
    page.goto("/en/plan/budget/")
    assert page.url.endswith("/en/plan/sign-in/")
    page.get_by_label("Pseudonym").fill("quiet harbour")
    page.locator("#id_passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Open my plan").click()
    page.goto("/en/plan/goals/")
    assert page.get_by_role("heading", name="A flat of my own").is_visible()


def test_the_quick_exit_locks_the_plan(context_factory):
    context = context_factory()
    page = context.new_page()
    _make_plan(page)
    with page.expect_request("**/exit/"):
        page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("https://www.meteo.be/**")
    page.goto("/en/plan/goals/")
    assert page.url.endswith("/en/plan/sign-in/")


def test_plan_pages_have_no_accessibility_violations(context_factory, axe):
    context = context_factory(java_script_enabled=False)
    page = context.new_page()
    _make_plan(page)
    page.goto("/en/plan/budget/")
    page.get_by_label("Rent or mortgage").fill("850")
    page.get_by_label("Savings you have now").fill("900")
    page.get_by_label("How much can you put aside?").fill("100")
    page.get_by_role("button", name="Save and calculate").click()
    page.goto("/en/plan/journal/")
    page.get_by_label("What happened, how you feel").fill("A good day")
    page.get_by_label("This is a milestone").check()
    page.get_by_role("button", name="Add to my journal").click()
    cookies = context.cookies()
    for path in PLAN_PAGES:
        axe(path, cookies=cookies)
    axe("/en/plan/goals/", cookies=cookies, viewport={"width": 320, "height": 568})


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_planner_pages_have_no_accessibility_violations(axe, path):
    axe(path)


def test_staff_share_pages_have_no_accessibility_violations(axe, live_server):
    from django.conf import settings
    from django.test import Client

    from accounts.testing import make_trio, sign_in

    trio = make_trio()
    client = Client()
    sign_in(client, trio.bob)
    cookies = [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url,
        }
    ]
    for path in ("/en/plan/org/org-a/shared/redeem/", "/en/plan/org/org-a/shared/"):
        axe(path, cookies=cookies)
