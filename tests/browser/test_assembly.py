"""General assembly and peer questions in a real browser: NL, FR and EN at 360 px, and once without JavaScript.

An active member signs in, votes, keeps the tracker and, once the vote is closed, finds it among the ballots
counted. Someone asks a question without an account, staff answer and check, and the person reads the answer with
the reply code. Axe checks the pages.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from accounts.testing import make_trio, sign_in
from assembly import services as ga
from assembly.models import QuestionKind
from assembly.tests.conftest import open_vote, prepare
from core.scopes import scope
from members.tests.helpers import PASSPHRASE
from peerquestions import services as peer
from peerquestions.models import PeerQuestion
from tests.browser.languages import LANGS, assert_fits, shot, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
RUNS = [(lang, True) for lang in LANGS] + [("nl", False)]
IDS = [f"{lang}-{'js' if js else 'nojs'}" for lang, js in RUNS]


@pytest.fixture(autouse=True)
def _fresh_throttles():
    from django.core.cache import cache

    cache.clear()


def _fits(page) -> None:  # type: ignore[no-untyped-def]
    assert_fits(page)


def _cookies(page, live_server):  # type: ignore[no-untyped-def]
    return [c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME]


@pytest.mark.parametrize(("lang", "js"), RUNS, ids=IDS)
def test_a_member_votes_and_checks_the_receipt(lang, js, context_factory, live_server, axe):
    trio = make_trio()
    setup = prepare(trio.org_a, trio.alice, members=3, quorum=0)
    open_vote(setup)
    page = context_factory(viewport=PHONE, java_script_enabled=js).new_page()
    page.goto(f"/{lang}/members/{trio.org_a.slug}/sign-in/")
    page.fill("input[name=code]", setup.codes[0])
    page.fill("input[name=passphrase]", PASSPHRASE)
    page.get_by_role("button", name=t(lang, "Sign in"), exact=True).click()
    page.get_by_role("link", name=t(lang, "General assemblies")).first.click()
    expect(page.locator("h1")).to_have_text(t(lang, "General assemblies"))
    page.locator("main a[href*='/assembly/']").first.click()
    _fits(page)
    motion = page.locator("section[data-question]").first
    motion.get_by_label(t(lang, "Yes")).check()
    shot(page, f"assembly-vote-{lang}")
    detail = page.url
    motion.get_by_role("button", name=t(lang, "Cast my secret vote")).click()
    expect(page.locator("h1")).to_have_text(t(lang, "Your vote is in"))
    tracker = page.locator("[data-tracker]").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){6}", tracker)
    assert t(lang, "Yes") not in page.locator("main").inner_text().split()  # the receipt does not show the choice
    _fits(page)
    shot(page, f"assembly-receipt-{lang}")
    cookies = _cookies(page, live_server)
    axe(detail.replace(live_server.url, ""), cookies=cookies, viewport=PHONE)

    with scope(organisation=trio.org_a):
        ga.assembly_close(assembly=setup.assembly, actor=trio.alice)
    page.goto(detail)
    page.get_by_role("link", name=t(lang, "Check that your ballot was counted")).click()
    expect(page.locator("h1")).to_contain_text(t(lang, "Results: %(title)s").split("%")[0].strip())
    page.fill("input[name=tracker]", tracker)
    page.get_by_role("button", name=t(lang, "Check"), exact=True).click()
    expect(page.locator("[data-check=found]")).to_contain_text(t(lang, "Your ballot is among the ballots counted for:"))
    expect(page.locator("[data-consistent=yes]").first).to_be_visible()
    _fits(page)
    shot(page, f"assembly-results-{lang}")
    axe(f"/{lang}/assembly/{trio.org_a.slug}/{setup.assembly.pk}/results/", viewport=PHONE)


@pytest.mark.parametrize(("lang", "js"), RUNS, ids=IDS)
def test_a_question_asked_without_an_account_gets_a_checked_answer(lang, js, context_factory, live_server, axe):
    trio = make_trio()
    page = context_factory(viewport=PHONE, java_script_enabled=js).new_page()
    page.goto(f"/{lang}/questions/")
    page.get_by_role("link", name=trio.org_a.name).click()
    expect(page.locator("h1")).to_have_text(t(lang, "Ask %(name)s a question") % {"name": trio.org_a.name})
    _fits(page)
    page.fill("textarea[name=body]", "Can my landlord end my lease because of my work?")
    page.get_by_role("button", name=t(lang, "Send my question")).click()
    expect(page.locator("h1")).to_have_text(t(lang, "Your question was sent"))
    code = page.locator("[data-reply-code]").inner_text()
    # No account and no session: only the form's CSRF token (a random value, core/tests/test_csrf.py).
    assert {c["name"] for c in page.context.cookies()} <= {"haven_csrf"}
    shot(page, f"peer-asked-{lang}")

    with scope(organisation=trio.org_a):
        question = PeerQuestion.objects.get()
        answer = peer.answer_write(
            question=question, body="No: ask a lawyer or the union to help you.", author=trio.bob
        )
        page.goto(f"/{lang}/questions/reply/{trio.org_a.slug}/")
        page.fill("input[name=code]", code)
        page.get_by_role("button", name=t(lang, "Show the answer")).click()
        expect(page.locator("main")).to_contain_text(t(lang, "No answer yet. Please come back in a few days."))
        peer.answer_moderate(answer=answer, approve=True, moderator=trio.alice)
    page.goto(f"/{lang}/questions/reply/{trio.org_a.slug}/")
    page.fill("input[name=code]", code.lower())
    page.get_by_role("button", name=t(lang, "Show the answer")).click()
    expect(page.locator("[data-answer]")).to_contain_text("ask a lawyer")
    _fits(page)
    shot(page, f"peer-answer-{lang}")
    axe(f"/{lang}/questions/ask/{trio.org_a.slug}/", viewport=PHONE)
    axe(f"/{lang}/questions/", viewport=PHONE)


def test_staff_pages_of_an_assembly_pass_axe(live_server, axe):
    trio = make_trio()
    setup = prepare(trio.org_a, trio.alice, members=3, quorum=0)
    open_vote(setup)
    with scope(organisation=trio.org_a):
        motion = setup.assembly.questions.get(kind=QuestionKind.MOTION)
        ga.ballot_cast(question=motion, option=motion.options.first(), member=setup.members[0])
        question, _code = peer.question_ask(organisation=trio.org_a, body="A question about papers.", language="en")
    client = Client()
    sign_in(client, trio.alice)
    cookies = [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url,
        }
    ]
    base = f"/en/assembly/manage/{trio.org_a.slug}/"
    for path in (
        base,
        f"{base}{setup.assembly.pk}/",
        f"{base}{setup.assembly.pk}/room/{motion.pk}/",
        f"{base}{setup.assembly.pk}/proxy/",
        f"/en/questions/staff/{trio.org_a.slug}/",
        f"/en/questions/staff/{trio.org_a.slug}/question/{question.pk}/",
    ):
        axe(path, cookies=cookies, viewport=PHONE)
