from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.models import MAX_CONTACTS, Item, Platform, Setting, Tally
from vocabulary.selectors import city_list, domain_list, region_list


class RegionField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj} ({obj.country.code})"


class TallyForm(forms.Form):
    date = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    setting = forms.ChoiceField(label=_("Where did you work?"), choices=Setting.choices, widget=forms.RadioSelect)
    region = RegionField(label=_("Region"), queryset=region_list(), required=False, help_text=_("For fieldwork."))
    city = forms.ModelChoiceField(label=_("City"), queryset=city_list(), required=False, help_text=_("If you know it."))
    platform = forms.ChoiceField(
        label=_("Online place"),
        choices=[("", "---------"), *Platform.choices],
        required=False,
        help_text=_("For online work. Only the kind of place, never a profile or a user name."),
    )
    contacts = forms.IntegerField(
        label=_("How many people did you reach?"), min_value=0, max_value=MAX_CONTACTS, help_text=_("Count; no names.")
    )
    handed_out = forms.MultipleChoiceField(
        label=_("What did you hand out?"), choices=Item.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("What did people ask about?"),
        queryset=domain_list(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_date(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The day cannot be in the future."))
        return day

    @classmethod
    def initial_for(cls, tally: Tally) -> dict[str, Any]:
        return {
            "date": tally.date,
            "setting": tally.setting,
            "region": tally.region,
            "city": tally.city,
            "platform": tally.platform,
            "contacts": tally.contacts,
            "handed_out": list(tally.handed_out),
            "topics": list(tally.topics.all()),
        }


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The first day comes after the last."))
        return data
