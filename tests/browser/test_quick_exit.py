"""The quick exit, as a visitor uses it: a click, Shift three times, and without JavaScript; and never by
accident while someone types capitals in a field."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NEUTRAL
from tests.browser.languages import LANGS, t

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clicking_leaves_at_once_and_back_does_not_return(page, live_server):
    page.goto("about:blank")
    page.goto("/en/safety/browse-safely/")
    with page.expect_request(lambda r: r.url.endswith("/exit/") and r.method == "POST"):
        page.click("[data-quick-exit]")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert "/safety/browse-safely/" not in page.url  # the page we left was replaced in the history


@pytest.mark.parametrize("lang", LANGS)
def test_pressing_shift_three_times_leaves(page, lang):
    page.goto(f"/{lang}/")
    page.keyboard.press("Shift")
    status = page.locator("[data-quick-exit-status]")
    expect(status).to_have_text(t(lang, "Press Shift 2 more times to leave this page."))
    page.keyboard.press("Shift")
    expect(status).to_have_text(t(lang, "Press Shift 1 more time to leave this page."))
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)


def _type_like_a_person(page, text: str) -> None:
    """Capitals typed with Shift held down, as on a phone's or a computer's keyboard."""
    for char in text:
        if char.isupper():
            page.keyboard.down("Shift")
            page.keyboard.press(f"Key{char}")
            page.keyboard.up("Shift")
        else:
            page.keyboard.type(char)


@pytest.mark.parametrize("lang", LANGS)
def test_typing_capitals_in_a_field_does_not_leave(page, lang):
    page.goto(f"/{lang}/plan/new/")
    page.locator("#id_pseudonym").click()
    _type_like_a_person(page, "Mijn Naam Is Anna")
    assert page.locator("#id_pseudonym").input_value() == "Mijn Naam Is Anna"
    assert page.url.endswith(f"/{lang}/plan/new/")
    expect(page.locator("[data-quick-exit-status]")).to_have_text("")
    # Shift, Shift, a letter, Shift: the letter starts the count again
    for key in ("Shift", "Shift", "x", "Shift"):
        page.keyboard.press(key)
    expect(page.locator("[data-quick-exit-status]")).to_have_text(
        t(lang, "Press Shift 2 more times to leave this page.")
    )
    assert page.url.endswith(f"/{lang}/plan/new/")
    # three lone presses, from inside the field, do leave
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)


def test_it_works_without_javascript_and_ends_the_session(context_factory, live_server):
    context = context_factory(java_script_enabled=False)
    page = context.new_page()
    page.goto("/fr/")
    context.add_cookies([{"name": "haven_session", "value": "someone-elses-session", "url": live_server.url}])
    page.click("[data-quick-exit]")
    page.wait_for_url(NEUTRAL)
    assert not [c for c in context.cookies() if c["name"] == "haven_session"]


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 568}, {"width": 1366, "height": 768}])
def test_the_button_is_always_on_screen(context_factory, viewport):
    page = context_factory(viewport=viewport).new_page()
    page.goto("/en/safety/browse-safely/")
    button = page.locator("[data-quick-exit]")
    for scroll in (0, 2000):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        box = button.bounding_box()
        assert box is not None and button.is_visible()
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
        assert box["height"] >= 44 and box["width"] >= 44
