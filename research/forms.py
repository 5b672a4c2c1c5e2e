from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from research.models import Decision, RequesterKind


class RequestForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Email address"))
    kind = forms.ChoiceField(label=_("You are"), choices=RequesterKind.choices)
    affiliation = forms.CharField(label=_("Media, school or organisation"), max_length=200, required=False)
    questions = forms.CharField(
        label=_("Your research questions"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What exactly do you want to know? A clear list of questions helps us answer quickly."),
    )
    duration = forms.CharField(
        label=_("Duration of the collaboration"),
        max_length=300,
        help_text=_("For example: one interview of an hour, or three meetings over two months."),
    )
    anonymisation = forms.CharField(
        label=_("How will interviews be anonymised?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Names, voices, faces, places, and who keeps the recordings and for how long."),
    )
    compensation_offered = forms.TypedChoiceField(
        label=_("Will you compensate the people who take part?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    compensation = forms.CharField(label=_("What compensation?"), max_length=300, required=False)
    needed_by = forms.DateField(
        label=_("By when do you need an answer?"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_needed_by(self) -> Any:
        value = self.cleaned_data["needed_by"]
        today = timezone.localdate()
        if value < today:
            raise forms.ValidationError(_("This date has passed."))
        if value > today + timedelta(days=3 * 365):
            raise forms.ValidationError(_("Choose a date within the next three years."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("compensation_offered") and not (data.get("compensation") or "").strip():
            self.add_error("compensation", _("Tell us what compensation you offer."))
        return data


class TriageForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[c for c in Decision.choices if c[0] != Decision.NEW], widget=forms.RadioSelect
    )
    reply = forms.CharField(
        label=_("Reply to the requester"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("It is sent by email in the requester's language. Fill in the template, then change it as needed."),
    )
