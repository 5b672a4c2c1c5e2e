from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from core.i18n import pick

register = template.Library()


@register.filter
def tr(value: dict[str, str] | None) -> SafeString:
    """Multilingual text in the visitor's language; a fallback is marked with its language."""
    chosen = pick(value)
    if not chosen.is_fallback:
        return format_html("{}", chosen.text)
    language = settings.LANGUAGE_NAMES_LOCAL.get(chosen.lang, chosen.lang)
    return format_html(
        '<span lang="{}">{}</span> <span class="fallback-note">({})</span>',
        chosen.lang,
        chosen.text,
        _("only available in %(language)s") % {"language": language},
    )


@register.filter
def tr_plain(value: dict[str, str] | None) -> str:
    """Multilingual text as plain text (for attributes and titles)."""
    return pick(value).text


@register.filter
def get_item(mapping: dict[str, object], key: str) -> object:
    """``{{ mapping|get_item:key }}`` for dictionaries keyed by a variable."""
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def tr_native(value: dict[str, str] | None) -> str:
    """Multilingual text only if it exists in the visitor's language ("" for a fallback): for meta tags."""
    chosen = pick(value)
    return "" if chosen.is_fallback else chosen.text
