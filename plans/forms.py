"""Forms of the planner. Every field is optional unless the page cannot work without it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import CommonPasswordValidator
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from plans import budget, checklist, keys, skills
from plans.amounts import AmountField
from plans.models import PartKind

PASSPHRASE_MIN_LENGTH = 10
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
SHARE_DAYS = [("1", _("1 day")), ("7", _("7 days")), ("30", _("30 days"))]


def _text(label: Any, *, rows: int = 4, max_length: int = 5000, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _date(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date, for example 2027-03-31.")},
    )


def _pseudonym_field() -> forms.CharField:
    return forms.CharField(
        label=_("Pseudonym"),
        min_length=3,
        max_length=60,
        help_text=_("Not your real name or your work name: a word or two that only you would think of."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
    )


def _passphrase_field(label: Any, *, new: bool) -> forms.CharField:
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


class VersionField(forms.IntegerField):
    def __init__(self) -> None:
        super().__init__(min_value=0, widget=forms.HiddenInput, required=True)


class NewPassphraseMixin(forms.Form):
    """Two fields for a new passphrase, checked against each other, the pseudonym and common passwords."""

    def check_new_passphrase(self, pseudonym: str | None) -> None:
        first, second = self.cleaned_data.get("passphrase"), self.cleaned_data.get("passphrase2")
        if not first:
            return
        if second is not None and first != second:
            self.add_error("passphrase2", _("The two passphrases are not the same."))
            return
        if pseudonym and keys.normalize_pseudonym(pseudonym) == keys.normalize_pseudonym(first):
            self.add_error("passphrase", _("Your passphrase must be different from your pseudonym."))
            return
        try:
            CommonPasswordValidator().validate(first)
        except forms.ValidationError:
            self.add_error("passphrase", _("This passphrase is too common. Add a few unrelated words."))


class SpaceCreateForm(NewPassphraseMixin):
    pseudonym = _pseudonym_field()
    passphrase = _passphrase_field(_("Passphrase"), new=True)
    passphrase2 = _passphrase_field(_("Passphrase again"), new=False)
    understood = forms.BooleanField(
        label=_("I understand: if I lose both my passphrase and my recovery code, my plan is lost for good."),
        error_messages={"required": _("Tick this box to show that you understand.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["passphrase2"].widget.attrs["autocomplete"] = "new-password"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_new_passphrase(data.get("pseudonym"))
        return data


class SignInForm(forms.Form):
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
    )
    passphrase = _passphrase_field(_("Passphrase"), new=False)


class RecoverForm(NewPassphraseMixin):
    recovery_code = forms.CharField(
        label=_("Recovery code"),
        max_length=60,
        help_text=_("The code of 24 letters and numbers you were given when you made your plan."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    pseudonym = _pseudonym_field()
    passphrase = _passphrase_field(_("New passphrase"), new=True)
    passphrase2 = _passphrase_field(_("New passphrase again"), new=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pseudonym"].help_text = _("Your pseudonym. You can keep it or choose a new one.")
        self.fields["passphrase2"].widget.attrs["autocomplete"] = "new-password"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_new_passphrase(data.get("pseudonym"))
        return data


class PassphraseChangeForm(NewPassphraseMixin):
    current = _passphrase_field(_("Current passphrase"), new=False)
    passphrase = _passphrase_field(_("New passphrase"), new=True)
    passphrase2 = _passphrase_field(_("New passphrase again"), new=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["passphrase2"].widget.attrs["autocomplete"] = "new-password"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_new_passphrase(None)
        return data


# --- Parts -----------------------------------------------------------------------------------


class MotivationsForm(forms.Form):
    version = VersionField()
    why = _text(_("What makes you want to change?"))
    dreams = _text(_("What are your dreams for the longer term?"))
    obstacles = _text(_("What could get in the way?"))
    helps = _text(_("What or who could help you keep going?"))
    region = forms.ChoiceField(
        label=_("Your region"),
        required=False,
        help_text=_("Only used to suggest services near you. You can leave it empty."),
    )

    def __init__(self, *args: Any, regions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Not chosen")), *regions]  # type: ignore[attr-defined]


class GoalForm(forms.Form):
    version = VersionField()
    domain = forms.ChoiceField(label=_("Life domain"), help_text=_("What part of your life is this goal about?"))
    title = forms.CharField(label=_("Your goal"), max_length=300, help_text=_("For example: find a flat of my own."))
    target = _date(_("When would you like to get there? (optional)"))

    def __init__(self, *args: Any, domains: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = [("", _("Choose a life domain")), *domains]  # type: ignore[attr-defined]


class StepForm(forms.Form):
    id = forms.CharField(required=False, max_length=16, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Step"), required=False, max_length=300)
    target = _date(_("By when (optional)"))
    done = forms.BooleanField(label=_("Done"), required=False)

    def clean_id(self) -> str:
        value = self.cleaned_data.get("id") or ""
        return value if value.isalnum() else ""


StepFormSet = formset_factory(StepForm, extra=3, max_num=30, validate_max=True)


class BudgetForm(forms.Form):
    version = VersionField()
    savings = AmountField(label=_("Savings you have now"))
    fund_target = AmountField(
        label=_("How much do you want in your emergency fund?"),
        help_text=_("Even a small fund helps. Choose an amount you can reach."),
    )
    fund_amount = AmountField(
        label=_("How much can you put aside?"),
        help_text=_("Small amounts add up: for example 50 to 100 euros a month, or 20 to 50 euros a week."),
    )
    fund_period = forms.ChoiceField(
        label=_("How often?"), choices=budget.PERIODS, widget=forms.RadioSelect, initial="month"
    )
    notes = _text(_("Notes: costs you could lower, debts to sort out, questions to ask"), rows=3)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in budget.COSTS:
            self.fields[f"cost_{key}"] = AmountField(label=label)
        for key, label in budget.INCOME:
            self.fields[f"income_{key}"] = AmountField(label=label)

    def cost_fields(self) -> list[forms.BoundField]:
        return [self[f"cost_{key}"] for key, _label in budget.COSTS]

    def income_fields(self) -> list[forms.BoundField]:
        return [self[f"income_{key}"] for key, _label in budget.INCOME]

    def document(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "costs": {key: data[f"cost_{key}"] for key, _l in budget.COSTS if data.get(f"cost_{key}")},
            "income": {key: data[f"income_{key}"] for key, _l in budget.INCOME if data.get(f"income_{key}")},
            "savings": data.get("savings") or "",
            "fund": {
                "target": data.get("fund_target") or "",
                "amount": data.get("fund_amount") or "",
                "period": data.get("fund_period") or "month",
            },
            "notes": data.get("notes") or "",
        }


class SkillsForm(forms.Form):
    version = VersionField()
    skills = forms.MultipleChoiceField(
        label=_("Skills you have"),
        required=False,
        choices=[(skill.slug, skill.label) for skill in skills.SKILLS],
        widget=forms.CheckboxSelectMultiple,
    )
    other = _text(_("Other things you are good at"), rows=3)
    ideas = _text(_("Work or training you would like to try"), rows=3)


class ContactForm(forms.Form):
    id = forms.CharField(required=False, max_length=16, widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=200,
        help_text=_("As you like to call them: a first name, a nickname."),
    )
    reach = forms.CharField(label=_("How to reach them"), required=False, max_length=300)
    when = forms.CharField(
        label=_("When to call them"),
        required=False,
        max_length=500,
        help_text=_("For example: when I feel like going back, for help with papers, in an emergency."),
    )

    def clean_id(self) -> str:
        value = self.cleaned_data.get("id") or ""
        return value if value.isalnum() else ""


ContactFormSet = formset_factory(ContactForm, extra=2, max_num=50, validate_max=True, can_delete=True)


class VersionForm(forms.Form):
    version = VersionField()


class SafetyForm(forms.Form):
    version = VersionField()
    done = forms.MultipleChoiceField(
        label=_("What you have done"),
        required=False,
        choices=[(item.slug, item.label) for item in checklist.ITEMS],
        widget=forms.CheckboxSelectMultiple,
    )
    notes = _text(_("Notes for your safety"), rows=3)


class JournalEntryForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date, for example 2027-03-31.")},
    )
    text = forms.CharField(label=_("What happened, how you feel"), max_length=5000, widget=forms.Textarea)
    milestone = forms.BooleanField(
        label=_("This is a milestone: something to celebrate"),
        required=False,
    )


class ShareForm(forms.Form):
    sections = forms.MultipleChoiceField(
        label=_("What to share"),
        choices=PartKind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one part to share.")},
    )
    days = forms.TypedChoiceField(
        label=_("The code works for"),
        choices=SHARE_DAYS,
        coerce=int,
        initial="7",
        widget=forms.RadioSelect,
    )


class RedeemForm(forms.Form):
    code = forms.CharField(
        label=_("Share code"),
        max_length=60,
        help_text=_("The code of 20 letters and numbers the person gave you."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete my whole plan now. I know it cannot be undone."),
        error_messages={"required": _("Tick this box to confirm.")},
    )
