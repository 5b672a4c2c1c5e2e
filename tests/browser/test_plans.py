"""The private planner in a real browser, in Dutch, French and English, on a 360 px phone: every flow from
making a plan to deleting it, the same without JavaScript, and axe on its pages."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.languages import LANGS, assert_fits, other, shot, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
PASSPHRASE = "quiet harbour lamp seven"
CODE = re.compile(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){5}")
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
GOAL = {"nl": "Een eigen flat", "fr": "Un appartement à moi", "en": "A flat of my own"}
STEP = {
    "nl": "Inschrijven voor een sociale woning",
    "fr": "M'inscrire pour un logement social",
    "en": "Register for social housing",
}


@pytest.fixture(autouse=True)
def _vocabulary():
    from vocabulary.services import vocabulary_load

    vocabulary_load()


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """The live server shares this process's memory cache: start every test with no attempts counted."""
    from django.core.cache import cache

    cache.clear()


def _at(page, path: str) -> None:
    """Wait until the browser is at ``path`` (after a click that submits or follows a link)."""
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))


def _no_sideways_scroll(page) -> None:
    assert_fits(page)


def _code_groups_unbroken(page, selector: str) -> str:
    """The code on the page, after checking that no group of four is split over two lines."""
    code = page.locator(f"{selector} code").inner_text()
    assert CODE.fullmatch(code), code
    lines_per_group = page.locator(f"{selector} .code-group").evaluate_all(
        "groups => groups.map(g => g.getClientRects().length)"
    )
    assert lines_per_group == [1] * 6
    _no_sideways_scroll(page)
    return code


def _make_plan(page, lang: str, pseudonym: str = "Quiet Harbour") -> str:
    page.goto(f"/{lang}/plan/")
    page.get_by_role("link", name=t(lang, "Make my private plan")).click()
    expect(page.get_by_role("heading", name=t(lang, "Make your private plan"))).to_be_visible()
    page.locator("#id_pseudonym").fill(pseudonym)
    page.locator("#id_passphrase").fill(PASSPHRASE)
    page.locator("#id_passphrase2").fill(PASSPHRASE)
    page.locator("#id_understood").check()
    shot(page, f"{lang}-01-create")
    page.get_by_role("button", name=t(lang, "Make my plan")).click()
    _at(page, f"/{lang}/plan/new/recovery-code/")
    expect(page.get_by_role("heading", name=t(lang, "Your recovery code"))).to_be_visible()
    code = _code_groups_unbroken(page, ".code-box")
    shot(page, f"{lang}-02-recovery-code")
    page.get_by_role("button", name=t(lang, "I have kept my recovery code")).click()
    _at(page, f"/{lang}/plan/")
    expect(page.get_by_text(t(lang, "Your plan is ready. Everything you write here is encrypted."))).to_be_visible()
    return code


def _sign_out_and_in(page, lang: str, pseudonym: str = "quiet harbour") -> None:
    page.get_by_role("button", name=t(lang, "Lock my plan")).click()
    expect(page.get_by_text(t(lang, "Your plan is locked. Sign in again to open it."))).to_be_visible()
    page.goto(f"/{lang}/plan/goals/")
    _at(page, f"/{lang}/plan/sign-in/")
    expect(page.get_by_role("heading", name=t(lang, "Open your plan"))).to_be_visible()
    page.locator("#id_pseudonym").fill(pseudonym)
    page.locator("#id_passphrase").fill(PASSPHRASE)
    shot(page, f"{lang}-03-sign-in")
    page.get_by_role("button", name=t(lang, "Open my plan")).click()
    _at(page, f"/{lang}/plan/")
    expect(page.get_by_role("heading", name=t(lang, "My plan"), exact=True)).to_be_visible()


def _add_goal(page, lang: str) -> None:
    page.get_by_role("link", name=t(lang, "Goals and steps")).click()
    page.get_by_role("link", name=t(lang, "Add a goal")).first.click()
    page.locator("#id_domain").select_option("housing")
    page.locator("#id_title").fill(GOAL[lang])
    page.locator("#id_steps-0-text").fill(STEP[lang])
    page.locator("#id_steps-1-text").fill("2027")
    page.get_by_role("button", name=t(lang, "Save goal")).click()
    expect(page.get_by_text(t(lang, "Your goal is saved."))).to_be_visible()
    expect(page.get_by_role("heading", name=GOAL[lang])).to_be_visible()


def _chart_is_readable(page) -> None:
    """Every text of the chart at least 12 px on this screen, and no two texts overlapping."""
    boxes = page.locator("svg.plan-chart").evaluate(
        """svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return Array.from(svg.querySelectorAll('text')).map(text => {
                const r = text.getBoundingClientRect();
                return {text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale,
                        left: r.left, right: r.right, top: r.top, bottom: r.bottom};
            });
        }"""
    )
    assert len(boxes) >= 6
    small = [box for box in boxes if box["px"] < 12]
    assert not small, small
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = (
                a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
            )
            assert apart, (a, b)


def _budget(page, lang: str) -> None:
    page.goto(f"/{lang}/plan/budget/")
    page.locator("#id_cost_rent").fill("1.000")
    page.locator("#id_income_work").fill("800")
    page.locator("#id_savings").fill("1500")
    page.locator("#id_fund_target").fill("3000")
    page.locator("#id_fund_amount").fill("300")
    page.get_by_role("button", name=t(lang, "Save and calculate")).click()
    expect(page.get_by_text(t(lang, "Saved. Only you can read it."))).to_be_visible()
    # 300 put aside, 200 short each month: the fund gains 100 a month and needs 15 months for the other 1500
    fifteen = t(lang, "reached in %(months)s month", "reached in %(months)s months", 15) % {"months": 15}
    expect(page.get_by_text(fifteen)).to_be_visible()
    expect(page.get_by_text(t(lang, "What the fund really gains each month, after the shortfall"))).to_be_visible()
    assert page.locator("svg.plan-chart rect").count() == 17
    assert t(lang, "months from now") in page.locator("svg.plan-chart").inner_html()
    _chart_is_readable(page)
    _no_sideways_scroll(page)
    shot(page, f"{lang}-05-budget")


def _skills_network_journal(page, lang: str) -> None:
    page.goto(f"/{lang}/plan/skills/")
    page.locator("input[name=skills]").first.check()
    page.get_by_role("button", name=t(lang, "Save"), exact=True).click()
    expect(page.get_by_role("heading", name=t(lang, "Sectors that value your skills"))).to_be_visible()
    shot(page, f"{lang}-06-skills")

    page.goto(f"/{lang}/plan/network/")
    page.locator("#id_contacts-0-name").fill("Mira")
    page.locator("#id_contacts-0-reach").fill("Signal")
    page.get_by_role("button", name=t(lang, "Save"), exact=True).click()
    expect(page.get_by_text(t(lang, "Saved. Only you can read it."))).to_be_visible()
    expect(page.locator("legend", has_text="Mira")).to_be_visible()
    shot(page, f"{lang}-07-network")

    page.goto(f"/{lang}/plan/journal/")
    page.locator("#id_text").fill("Eerste stap / premier pas / first step")
    page.locator("#id_milestone").check()
    page.get_by_role("button", name=t(lang, "Add to my journal")).click()
    expect(page.get_by_text(t(lang, "A milestone! Well done. It is in your journal now."))).to_be_visible()
    expect(page.get_by_text("Eerste stap / premier pas / first step").first).to_be_visible()
    shot(page, f"{lang}-08-journal")


def _switch_language(page, lang: str) -> None:
    """Switching language keeps the plan open, on the same page; then back."""
    for to in (other(lang), lang):
        page.locator(f"nav.languages a[hreflang={to}]").click()
        _at(page, f"/{to}/plan/journal/")
        expect(page.get_by_role("heading", name=t(to, "Your journal and milestones"))).to_be_visible()
        expect(page.get_by_text("Eerste stap / premier pas / first step").first).to_be_visible()
        shot(page, f"{lang}-09-switched-to-{to}")


def _share_and_export(page, lang: str, downloads: Path) -> None:
    page.goto(f"/{lang}/plan/")
    page.get_by_role("link", name=t(lang, "Share parts of your plan with a caseworker")).click()
    page.locator("input[name=sections][value=goals]").check()
    page.get_by_role("button", name=t(lang, "Make a share code")).click()
    expect(page.get_by_role("heading", name=t(lang, "Your share code"))).to_be_visible()
    share = page.locator(".code-box code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4})+", share)
    assert page.locator(".code-box .code-group").evaluate_all("gs => gs.every(g => g.getClientRects().length === 1)")
    shot(page, f"{lang}-10-share-code")

    page.goto(f"/{lang}/plan/export/")
    expect(page.get_by_role("heading", name=t(lang, "Take your plan with you"))).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name=t(lang, "Download as JSON")).click()
    path = downloads / f"{lang}.json"
    download.value.save_as(path)
    assert GOAL[lang] in json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
    with page.expect_download() as download:
        page.get_by_role("link", name=t(lang, "Download as PDF")).click()
    download.value.save_as(downloads / f"{lang}.pdf")
    assert (downloads / f"{lang}.pdf").read_bytes().startswith(b"%PDF")
    shot(page, f"{lang}-11-export")


def _delete(page, lang: str) -> None:
    page.goto(f"/{lang}/plan/delete/")
    page.get_by_label(t(lang, "Yes, delete my whole plan now. I know it cannot be undone.")).check()
    page.get_by_role("button", name=t(lang, "Delete everything now")).click()
    _at(page, f"/{lang}/plan/")
    expect(page.get_by_text(t(lang, "Your plan is deleted. Nothing of it is left on Haven."))).to_be_visible()
    shot(page, f"{lang}-12-deleted")
    page.goto(f"/{lang}/plan/goals/")
    _at(page, f"/{lang}/plan/sign-in/")


@pytest.mark.parametrize("lang", LANGS)
def test_every_planner_flow_works_in_every_language_on_a_phone(context_factory, lang, tmp_path):
    page = context_factory(viewport=PHONE, accept_downloads=True).new_page()
    _make_plan(page, lang)
    _sign_out_and_in(page, lang)
    _add_goal(page, lang)
    shot(page, f"{lang}-04-goal")
    _budget(page, lang)
    _skills_network_journal(page, lang)
    _switch_language(page, lang)
    _share_and_export(page, lang, tmp_path)
    _delete(page, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_plan_is_made_opened_and_given_a_goal_without_javascript(context_factory, lang):
    page = context_factory(java_script_enabled=False, viewport=PHONE).new_page()
    _make_plan(page, lang)
    _sign_out_and_in(page, lang)
    _add_goal(page, lang)
    page.get_by_role("button", name=t(lang, "Mark as done: %(step)s") % {"step": STEP[lang]}).click()
    expect(page.get_by_text(t(lang, "Well done: one more step behind you."))).to_be_visible()
    shot(page, f"{lang}-nojs-goal")


def test_wrong_amounts_are_explained_and_kept_without_javascript(context_factory):
    page = context_factory(java_script_enabled=False).new_page()
    _make_plan(page, "en")
    page.goto("/en/plan/budget/")
    page.get_by_label("Rent or mortgage").fill("850")
    page.get_by_label("Food and household").fill("1.234,56")
    page.get_by_label("Savings you have now").fill("twelve hundred")
    page.get_by_role("button", name="Save and calculate").click()
    expect(page.get_by_text("Enter an amount in euros")).to_be_visible()
    assert page.get_by_label("Food and household").input_value() == "1.234,56"  # kept as typed
    page.get_by_label("Savings you have now").fill("2.500")
    page.get_by_label("How much do you want in your emergency fund?").fill("3000")
    page.get_by_label("How much can you put aside?").fill("50")
    page.get_by_label("Every week").check()
    page.get_by_role("button", name="Save and calculate").click()
    expect(page.get_by_text("Saved. Only you can read it.")).to_be_visible()
    assert page.get_by_label("Food and household").input_value() == "1234.56"


def test_the_quick_exit_locks_the_plan_and_back_shows_no_plan(context_factory):
    context = context_factory()
    page = context.new_page()
    _make_plan(page, "en")
    page.goto("/en/plan/goals/")
    with page.expect_request("**/exit/"):
        page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("https://www.meteo.be/**")
    page.go_back()  # the goals page was replaced: Back goes to the plan's overview, now locked
    assert "/plan/" in page.url and not page.locator("h1", has_text="Goals").count()
    expect(page.get_by_role("link", name="Open my plan")).to_be_visible()
    page.goto("/en/plan/goals/")
    _at(page, "/en/plan/sign-in/")


def test_plan_pages_have_no_accessibility_violations(context_factory, axe):
    context = context_factory(java_script_enabled=False)
    page = context.new_page()
    _make_plan(page, "en")
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
