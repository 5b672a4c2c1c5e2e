from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedFormField
from events.models import EventKind

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]


def _moment(label: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Enter a date and time, for example 2027-03-31 19:00.")},
    )


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of event"), choices=EventKind.choices)
    title = TranslatedFormField(label=_("Title"))
    description = TranslatedFormField(label=_("Description"), required=False, widget_class=forms.Textarea)
    city = forms.CharField(label=_("City"), max_length=100)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    starts_at = _moment(_("Starts at"))
    ends_at = _moment(_("Ends at"))
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=10000)
    sex_workers_only = forms.BooleanField(
        label=_("For sex workers only: the address is shown only to people whose attendance you accepted"),
        required=False,
    )
    published = forms.BooleanField(label=_("Published"), required=False, initial=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must come after the start."))
        return data


class RegistrationForm(forms.Form):
    pseudonym = forms.CharField(label=_("Name or pseudonym"), max_length=80, help_text=_("A pseudonym is fine."))
    email = forms.EmailField(
        label=_("Email address for reminders (optional)"),
        required=False,
        max_length=254,
        help_text=_("Only to send you your place and a reminder. Without it, keep your ticket code."),
    )
    language = forms.ChoiceField(label=_("Language for emails"), choices=settings.LANGUAGES)
    sex_worker = forms.BooleanField(label=_("I am a sex worker."), required=False)

    def __init__(self, *args: Any, sex_workers_only: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if sex_workers_only:
            self.fields["sex_worker"].required = True
        else:
            del self.fields["sex_worker"]


class TicketForm(forms.Form):
    code = forms.CharField(
        label=_("Ticket code"),
        max_length=30,
        help_text=_("The code you got when you registered, for example K7QM-3XPA-RT9W."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false", "autocomplete": "off"}),
    )
