from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from vocabulary import selectors as vocabulary


class RevisionForm(forms.Form):
    title = forms.CharField(label=_("Title (a question or what the page helps with)"), max_length=200)
    summary = forms.CharField(label=_("Short answer (one or two sentences)"), widget=forms.Textarea(attrs={"rows": 3}))
    body = forms.CharField(
        label=_("Text (Markdown: ## for headings, - for lists, [text](/path/) for links)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18}),
    )
    keywords = forms.CharField(
        label=_("Other words people search with (comma-separated)"), max_length=300, required=False
    )
    note = forms.CharField(label=_("What changed (for the history)"), max_length=200, required=False)
    base = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ItemMetaForm(forms.Form):
    sources = forms.CharField(
        label=_("Sources, one per line: title | https://address"), widget=forms.Textarea(attrs={"rows": 6})
    )
    last_verified = forms.DateField(
        label=_("Last verified (YYYY-MM-DD)"), widget=forms.DateInput(attrs={"type": "date"})
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("Life domains"), queryset=vocabulary.domain_list(), required=False, widget=forms.CheckboxSelectMultiple
    )
    emergency_box = forms.BooleanField(label=_("Show the helpline box on this page"), required=False)

    def clean_sources(self) -> list[dict[str, str]]:
        sources = []
        for number, line in enumerate(self.cleaned_data["sources"].splitlines(), 1):
            if not line.strip():
                continue
            title, sep, url = line.rpartition("|")
            title, url = title.strip(), url.strip()
            if not sep or not title or not url.startswith("https://"):
                raise forms.ValidationError(
                    _("Line %(number)d: write a title, a | and an address starting with https://."),
                    params={"number": number},
                )
            sources.append({"title": title, "url": url})
        if not sources:
            raise forms.ValidationError(_("Every item needs at least one source."))
        return sources

    @staticmethod
    def initial_for(item: Any) -> dict[str, Any]:
        return {
            "sources": "\n".join(f"{s['title']} | {s['url']}" for s in item.sources),
            "last_verified": item.last_verified,
            "domains": list(item.domains.all()),
            "emergency_box": item.emergency_box,
        }
