"""Multilingual content entered by staff: one value per language, with honest fallbacks.

Values are stored as ``{"nl": "...", "fr": "...", "en": "..."}``. When the visitor's language is
missing, another language is shown and labelled as such (with the right ``lang`` attribute).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
FALLBACK_ORDER = ("en", "nl", "fr")


def current_language() -> str:
    lang = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return lang if lang in LANGUAGE_CODES else settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Translated:
    text: str
    lang: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def pick(value: dict[str, str] | None, lang: str | None = None) -> Translated:
    """The text in ``lang`` (default: the active language), else the first available fallback."""
    lang = lang or current_language()
    value = value or {}
    text = (value.get(lang) or "").strip()
    if text:
        return Translated(text, lang, False)
    for other in (*FALLBACK_ORDER, *value.keys()):
        text = (value.get(other) or "").strip()
        if text:
            return Translated(text, other, True)
    return Translated("", lang, False)


def missing_languages(value: dict[str, str] | None) -> list[str]:
    value = value or {}
    return [code for code in LANGUAGE_CODES if not (value.get(code) or "").strip()]


def validate_translations(value: Any) -> None:
    if not isinstance(value, dict):
        raise ValidationError(_("Expected one text per language."))
    unknown = set(value) - set(LANGUAGE_CODES)
    if unknown:
        raise ValidationError(_("Unknown language: %(codes)s"), params={"codes": ", ".join(sorted(unknown))})
    for text in value.values():
        if not isinstance(text, str):
            raise ValidationError(_("Each translation must be text."))


class TranslatedField(models.JSONField):
    """A model field holding one text per language."""

    description = "Text in several languages"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_translations)

    def formfield(self, **kwargs: Any) -> Any:  # type: ignore[override]
        required = kwargs.pop("required", not self.blank)
        return TranslatedFormField(required=required, label=self.verbose_name, widget_class=forms.TextInput)


class TranslatedWidget(forms.MultiWidget):
    template_name = "core/widgets/translated.html"

    def __init__(self, widget_class: type[forms.Widget] = forms.TextInput) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            code: widget_class(attrs={"lang": code}) for code in LANGUAGE_CODES
        }
        super().__init__(widgets)

    def decompress(self, value: Any) -> list[str]:
        value = value or {}
        return [value.get(code, "") for code in LANGUAGE_CODES]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        names = dict(settings.LANGUAGES)
        for code, sub in zip(LANGUAGE_CODES, context["widget"]["subwidgets"], strict=True):
            sub["language_name"] = names[code]
            sub["language_code"] = code
        return context


class TranslatedFormField(forms.MultiValueField):
    """Three inputs, one per language. ``required`` means at least one language is filled in."""

    def __init__(
        self, *, required: bool = True, widget_class: type[forms.Widget] = forms.TextInput, **kwargs: Any
    ) -> None:
        fields = tuple(forms.CharField(required=False, strip=True) for _code in LANGUAGE_CODES)
        super().__init__(
            fields, required=False, require_all_fields=False, widget=TranslatedWidget(widget_class), **kwargs
        )
        self.needs_one = required

    def compress(self, data_list: list[str]) -> dict[str, str]:
        values = dict(zip(LANGUAGE_CODES, data_list or [""] * len(LANGUAGE_CODES), strict=True))
        result = {code: text for code, text in values.items() if text}
        if self.needs_one and not result:
            raise ValidationError(_("Fill this in in at least one language."), code="required")
        return result
