from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from assembly.models import DocumentKind, Majority, Option, QuestionKind
from core.i18n import TranslatedFormField
from members.models import Member


def _text(label: Any, required: bool = True) -> TranslatedFormField:
    return TranslatedFormField(label=label, required=required, widget_class=forms.TextInput)


def _area(label: Any, required: bool = False) -> TranslatedFormField:
    return TranslatedFormField(label=label, required=required, widget_class=forms.Textarea)


class AssemblyForm(forms.Form):
    title = _text(_("Title"))
    starts_at = forms.DateTimeField(
        label=_("Date and time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    place = _text(_("Place"), required=False)
    introduction = _area(_("Introduction"))
    max_proxies = forms.IntegerField(label=_("Proxies one member may hold"), min_value=0, max_value=10, initial=1)
    quorum_percent = forms.IntegerField(
        label=_("Quorum: percentage of active members who must vote"), min_value=0, max_value=100, initial=50
    )


class AgendaItemForm(forms.Form):
    title = _text(_("Title"))
    body = _area(_("Explanation"))


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    title = _text(_("Title"))
    body = _area(_("Text"), required=True)


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices, widget=forms.RadioSelect)
    title = _text(_("Title"))
    description = _area(_("Explanation"))
    majority = forms.ChoiceField(label=_("Majority needed"), choices=Majority.choices)
    seats = forms.IntegerField(label=_("Seats to fill (elections)"), min_value=1, max_value=20, initial=1)


def _member_choices(members: list[Member]) -> list[tuple[str, str]]:
    return [("", "—"), *sorted(((str(m.pk), m.pseudonym) for m in members), key=lambda c: c[1].lower())]


class ProxyForm(forms.Form):
    giver = forms.ChoiceField(label=_("Member who gives the proxy"))
    holder = forms.ChoiceField(label=_("Member who will vote for them"))

    def __init__(self, *args: Any, members: list[Member], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = {str(m.pk): m for m in members}
        for name in ("giver", "holder"):
            cast(forms.ChoiceField, self.fields[name]).choices = _member_choices(members)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("giver") and data.get("giver") == data.get("holder"):
            raise forms.ValidationError(_("A member cannot give a proxy to themselves."))
        return data


class RoomForm(forms.Form):
    room_present = forms.IntegerField(label=_("Members voting in the room"), min_value=0, max_value=100000)


class RoomCountForm(forms.Form):
    def __init__(self, *args: Any, options: list[Option], labels: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for option in options:
            self.fields[f"option_{option.pk}"] = forms.IntegerField(
                label=labels[option.pk], min_value=0, max_value=100000, initial=0, required=False
            )

    def counts(self) -> dict[int, int]:
        return {int(name.split("_", 1)[1]): value or 0 for name, value in self.cleaned_data.items()}


class MinutesForm(forms.Form):
    minutes = _area(_("Minutes"), required=True)


class VoteForm(forms.Form):
    option = forms.TypedChoiceField(label=_("Your vote"), coerce=int, widget=forms.RadioSelect)
    voter = forms.ChoiceField(label=_("You vote for"), required=False)

    def __init__(self, *args: Any, options: list[tuple[int, str]], voters: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["option"]).choices = options
        cast(forms.ChoiceField, self.fields["voter"]).choices = voters
        if len(voters) <= 1:
            self.fields["voter"].widget = forms.HiddenInput()


class CandidacyForm(forms.Form):
    statement = forms.CharField(
        label=_("Why you stand (optional)"),
        help_text=_("Other members read this. Write nothing that could tell who you are outside the union."),
        required=False,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ReceiptForm(forms.Form):
    tracker = forms.CharField(
        label=_("Your ballot tracker"),
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )
