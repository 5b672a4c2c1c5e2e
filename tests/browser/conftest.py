"""Browser tests: Debian's Chromium driven by Playwright (no browser download), plus axe-core."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("HAVEN_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
NEUTRAL = "https://www.meteo.be/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Recorder:
    """Every request a page makes, so a test can prove none leaves for another origin."""

    def __init__(self, base_url: str) -> None:
        self.origin = urlparse(base_url).netloc
        self.foreign: list[str] = []

    def __call__(self, request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob", "about"):
            return
        if parsed.netloc != self.origin and not url.startswith(NEUTRAL):
            self.foreign.append(url)


def _neutral_site(route: object) -> None:
    route.fulfill(
        status=200,
        content_type="text/html",  # type: ignore[attr-defined]
        body="<html lang='en'><title>Weather</title><p>Sunny</p></html>",
    )


@pytest.fixture
def context_factory(browser: object, live_server: object) -> Iterator[object]:
    contexts = []
    recorders: list[Recorder] = []

    def make(**options: object) -> object:
        context = browser.new_context(base_url=live_server.url, **options)  # type: ignore[attr-defined]
        recorder = Recorder(live_server.url)  # type: ignore[attr-defined]
        context.on("request", recorder)
        context.route(f"{NEUTRAL}**", _neutral_site)
        contexts.append(context)
        recorders.append(recorder)
        return context

    yield make
    for context in contexts:
        context.close()
    foreign = [url for recorder in recorders for url in recorder.foreign]
    assert not foreign, f"requests to other origins: {foreign}"


@pytest.fixture
def page(context_factory: object) -> object:
    return context_factory().new_page()  # type: ignore[operator]


SIGN_IN_PATHS = ("/accounts/sign-in/", "/plan/sign-in/")


def assert_page_served(path: str, response: object, final_url: str, status: int | None = None) -> None:
    """An accessibility check means nothing on an error page or on the sign-in page it was sent to instead.
    ``status`` names the one error expected (Haven's 404 page is checked on purpose)."""
    assert response is not None, f"{path}: no response"
    answered = response.status  # type: ignore[attr-defined]
    if status is not None:
        assert answered == status, f"{path}: answered {answered}, not {status}"
    else:
        assert answered < 400, f"{path}: answered {answered}, not the page"
    requested, landed = urlparse(path).path, urlparse(final_url).path
    if landed != requested and not any(requested.endswith(s) for s in SIGN_IN_PATHS):
        assert not any(landed.endswith(s) for s in SIGN_IN_PATHS), f"{path}: redirected to sign in ({landed})"


@pytest.fixture
def axe(browser: object, live_server: object, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Run axe-core (WCAG 2.2 AA) on a page, in a separate context that bypasses the CSP for the injection
    only; every other test sees the real CSP. Cookies are copied so signed-in pages can be checked."""
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("axe-core is missing: `make test` installs it with npm")
        pytest.skip("axe-core is missing (npm ci)")

    def check(
        path: str,
        cookies: list[dict[str, object]] | None = None,
        viewport: dict[str, int] | None = None,
        status: int | None = None,
    ) -> None:
        context = browser.new_context(
            base_url=live_server.url,
            bypass_csp=True,  # type: ignore[attr-defined]
            viewport=viewport or {"width": 1280, "height": 900},
        )
        try:
            if cookies:
                context.add_cookies(cookies)
            page = context.new_page()
            response = page.goto(path)
            assert_page_served(path, response, page.url, status)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
            violations = [
                {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
                for v in result["violations"]
            ]
            assert not violations, f"{path}: {json.dumps(violations, indent=1)}"
        finally:
            context.close()

    return check
