from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES


class AskForm(forms.Form):
    body = forms.CharField(
        label=_("Your question"),
        help_text=_(
            "About the law, papers, taxes, rent, benefits... Do not write your name, address, phone number or "
            "anything that could tell who you are."
        ),
        min_length=10,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your reply code"),
        help_text=_("The code you received when you asked, for example 7KQ2-M9XD-..."),
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        help_text=_(
            "Plain words. Say where the person can check it or get help. Someone else checks it before it is shown."
        ),
        min_length=10,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class FaqForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic in the knowledge base"))

    def __init__(self, *args: Any, topics: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["topic"]).choices = topics
        names = {"nl": _("Dutch"), "fr": _("French"), "en": _("English")}
        for code in LANGUAGE_CODES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Question in %(language)s") % {"language": names[code]}, required=False, max_length=200
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Answer in %(language)s") % {"language": names[code]},
                required=False,
                max_length=6000,
                widget=forms.Textarea(attrs={"rows": 6, "lang": code}),
            )
            self.fields[f"title_{code}"].widget.attrs["lang"] = code

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"title_{c}") and data.get(f"body_{c}") for c in LANGUAGE_CODES):
            raise forms.ValidationError(_("Write the question and the answer in at least one language."))
        return data

    def texts(self) -> dict[str, tuple[str, str]]:
        return {
            c: (self.cleaned_data.get(f"title_{c}", ""), self.cleaned_data.get(f"body_{c}", "")) for c in LANGUAGE_CODES
        }
