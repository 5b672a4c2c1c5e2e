from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedFormField
from mailing.models import Segment


class NewsletterForm(forms.Form):
    subject = TranslatedFormField(label=_("Subject"))
    body = TranslatedFormField(label=_("Text"), widget_class=forms.Textarea)
    segment = forms.ChoiceField(label=_("Send to"), choices=Segment.choices, widget=forms.RadioSelect)
    language = forms.ChoiceField(
        label=_("Language (when sending to the members who read one language)"),
        choices=[("", "-"), *settings.LANGUAGES],
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("segment") == Segment.LANGUAGE and not data.get("language"):
            self.add_error("language", _("Choose the language."))
        return data
