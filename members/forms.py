"""Forms of the members' pages. Nothing is asked that the organisation does not need."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from members.models import MemberKind, MemberStatus, Task

PASSPHRASE_MIN_LENGTH = 10
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


def _passphrase(label: Any, *, new: bool) -> forms.CharField:
    return forms.CharField(
        label=label,
        strip=False,
        max_length=200,
        min_length=PASSPHRASE_MIN_LENGTH if new else None,
        help_text=_("At least 10 characters. A few unrelated words work well, for example: lamp river seven tulips.")
        if new
        else "",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password" if new else "current-password"}),
    )


def _pseudonym() -> forms.CharField:
    return forms.CharField(
        label=_("Name or pseudonym"),
        max_length=80,
        help_text=_("A pseudonym is fine. It is how the organisation will know you."),
    )


def _email() -> forms.EmailField:
    return forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        max_length=254,
        help_text=_("Only for the mailing list. We send a link first: nothing arrives until you confirm it."),
    )


def _language() -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Language for emails"), choices=settings.LANGUAGES)


class NewPassphraseMixin(forms.Form):
    def check_new_passphrase(self) -> None:
        first, second = self.cleaned_data.get("passphrase"), self.cleaned_data.get("passphrase2")
        if not first:
            return
        if first != second:
            self.add_error("passphrase2", _("The two passphrases are not the same."))
            return
        try:
            CommonPasswordValidator().validate(first)
        except ValidationError:
            self.add_error("passphrase", _("This passphrase is too common. Add a few unrelated words."))


class ApplicationForm(NewPassphraseMixin):
    kind = forms.ChoiceField(
        label=_("Type of membership"),
        choices=MemberKind.choices,
        widget=forms.RadioSelect,
        initial=MemberKind.SUPPORTING,
    )
    states_experience = forms.BooleanField(
        label=_("I have experience with sex work (for active members; no proof is asked)."), required=False
    )
    pseudonym = _pseudonym()
    motivation = forms.CharField(
        label=_("A few words about you (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = _email()
    language = _language()
    passphrase = _passphrase(_("Passphrase"), new=True)
    passphrase2 = _passphrase(_("Passphrase again"), new=False)
    supports_mission = forms.BooleanField(label=_("I support the mission and vision of the organisation."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == MemberKind.ACTIVE and not data.get("states_experience"):
            self.add_error("states_experience", _("Active membership is for people with experience with sex work."))
        self.check_new_passphrase()
        return data


class SignInForm(forms.Form):
    code = forms.CharField(
        label=_("Member code"),
        max_length=40,
        help_text=_("The code you were given when you applied, for example K7QM-3XPA-RT9W-H2NC."),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    passphrase = _passphrase(_("Passphrase"), new=False)


class NewCodeForm(NewPassphraseMixin):
    """First sign-in with a new code from staff: choose a passphrase."""

    code = SignInForm.base_fields["code"]
    passphrase = _passphrase(_("New passphrase"), new=True)
    passphrase2 = _passphrase(_("New passphrase again"), new=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_new_passphrase()
        return data


class ProfileForm(forms.Form):
    pseudonym = _pseudonym()
    email = _email()
    language = _language()
    newsletter = forms.BooleanField(label=_("Send me the mailing list"), required=False)


class PassphraseChangeForm(NewPassphraseMixin):
    current = _passphrase(_("Current passphrase"), new=False)
    passphrase = _passphrase(_("New passphrase"), new=True)
    passphrase2 = _passphrase(_("New passphrase again"), new=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_new_passphrase()
        return data


class TasksForm(forms.Form):
    tasks = forms.MultipleChoiceField(
        label=_("What you would like to do"), choices=Task.choices, widget=forms.CheckboxSelectMultiple, required=False
    )


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Activity"), max_length=200)
    description = forms.CharField(
        label=_("What you propose and the support you need"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, I am sure."))


class RegistryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type of membership"), choices=MemberKind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=MemberStatus.choices)
    renewal_date = forms.DateField(
        label=_("Renewal date"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date, for example 2027-03-31.")},
    )


class SettingsForm(forms.Form):
    forget_after_days = forms.IntegerField(
        label=_("Days before a member who left is anonymised"),
        min_value=0,
        max_value=365,
        help_text=_("0 anonymises at the next daily purge."),
    )
    membership_months = forms.IntegerField(
        label=_("Months a membership lasts before renewal"), min_value=1, max_value=60
    )
