"""Every browser flow runs in Dutch, French and English, and asserts on the words of that language.

``t(lang, msgid)`` is the page's text in ``lang``, from the same catalogue the site uses; in Dutch and French
it fails when the text is not translated, so a flow that silently falls back to English fails too.
``shot(page, name)`` saves a screenshot when ``HAVEN_SHOTS`` names a directory (for looking, not asserting).
"""

from __future__ import annotations

import os
from pathlib import Path

from django.utils import translation

LANGS = ["nl", "fr", "en"]
SAME_IN_EVERY_LANGUAGE: set[str] = set()  # msgids that are rightly identical in every language


def t(lang: str, msgid: str, plural: str | None = None, count: int = 1, *, may_equal: bool = False) -> str:
    """``may_equal``: the word is rightly the same in English (French "service")."""
    with translation.override(lang):
        text = translation.ngettext(msgid, plural, count) if plural else translation.gettext(msgid)
    if lang != "en" and not may_equal and msgid not in SAME_IN_EVERY_LANGUAGE:
        assert text != (msgid if not plural or count == 1 else plural), f"not translated into {lang}: {msgid!r}"
    return text


def other(lang: str) -> str:
    """The next language, to switch to."""
    return LANGS[(LANGS.index(lang) + 1) % len(LANGS)]


def shot(page: object, name: str) -> None:
    folder = os.environ.get("HAVEN_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def assert_fits(page: object, width: int | None = None) -> None:
    """The page does not scroll sideways at its viewport width (360 px on a small phone).

    Waits for the page's stylesheet first: a check that runs between the HTML and the CSS measures an unstyled
    page (a textarea 40 columns wide) and fails at random. The message names the elements that stick out.
    """
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    limit = width or page.viewport_size["width"]  # type: ignore[attr-defined]
    scroll = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    if scroll <= limit:
        return
    wide = page.evaluate(  # type: ignore[attr-defined]
        """limit => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > limit)
        .slice(0, 5)
        .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ends at '
                  + Math.round(e.getBoundingClientRect().right) + 'px')""",
        limit,
    )
    raise AssertionError(f"{page.url} is {scroll}px wide at {limit}px; sticking out: {wide}")  # type: ignore[attr-defined]
