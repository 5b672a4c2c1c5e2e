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
