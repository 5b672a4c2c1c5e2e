"""The safety page says what the quick exit cannot hide, and how to delete this site from the history of the
common phone browsers, in every language."""

import pytest
from django.test import Client
from django.utils import translation

SAYS = [
    "It replaces only the page you are on. Pages of this site that you opened before it stay in the tab's Back "
    "list: pressing Back on the weather site can show them again.",
    "Delete this site from your history",
    "Chrome on Android: tap ⋮ (top right), then History. Tap the ✕ next to each page of this site.",
    "Safari on iPhone: tap the book icon, then the clock icon for your history. Swipe left on each page of this "
    "site and tap Delete.",
    "Samsung Internet: tap ☰ (bottom right), then History. Touch and hold a page of this site to select it, "
    "select the others, then tap Delete.",
    "Firefox on Android: tap ⋮, then History. Delete each page of this site with the ✕ or the menu next to it.",
]


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_safety_page_says_what_the_quick_exit_cannot_hide(client: Client, lang: str):
    html = client.get(f"/{lang}/safety/browse-safely/").content.decode()
    for text in SAYS:
        with translation.override(lang):
            shown = translation.gettext(text)
        assert lang == "en" or shown != text, f"not translated into {lang}: {text}"
        assert shown in html
