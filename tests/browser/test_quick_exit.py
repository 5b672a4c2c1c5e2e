"""The quick exit, as a visitor uses it: a click, Shift three times, and without JavaScript."""

import pytest

from tests.browser.conftest import NEUTRAL

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clicking_leaves_at_once_and_back_does_not_return(page, live_server):
    page.goto("about:blank")
    page.goto("/en/safety/browse-safely/")
    with page.expect_request(lambda r: r.url.endswith("/exit/") and r.method == "POST"):
        page.click("[data-quick-exit]")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert "/safety/browse-safely/" not in page.url  # the page we left was replaced in the history


def test_pressing_shift_three_times_leaves(page):
    page.goto("/nl/")
    page.keyboard.press("Shift")
    status = page.locator("[data-quick-exit-status]")
    assert "2" in status.text_content()
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
