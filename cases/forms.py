"""Forms of case management: they validate; the services write. Every error keeps what was typed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from cases import selectors
from cases.models import (
    ContactKind,
    ContactRoute,
    FollowUpStatus,
    GoalStatus,
    NeedStatus,
    Outcome,
    Purpose,
    SharedItem,
    SubBranch,
)
from core.i18n import pick

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Languages a client may speak: the three of Haven and those often heard in outreach; more go in "other".
CLIENT_LANGUAGES = [
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("en", "English"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("hu", "Magyar"),
    ("pl", "Polski"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("th", "ไทย"),
    ("zh", "中文"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
]


def text(label: Any, *, required: bool = False, rows: int = 4, max_length: int = 5000) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=max_length, widget=forms.Textarea(attrs={"rows": rows})
    )


def day(label: Any, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date, for example 2027-03-31.")},
    )


def _blank(label: Any) -> list[tuple[str, Any]]:
    return [("", label)]


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class IntakeForm(forms.Form):
    """First contact: who (pseudonymously), how contact was made, and the intake."""

    working_name = forms.CharField(
        label=_("Working name or code"),
        max_length=80,
        help_text=_("The name the person uses with you, or a code. No legal name here."),
    )
    opened_on = day(_("Date of first contact"))
    contact_route = forms.ChoiceField(label=_("How contact was made"), choices=ContactRoute.choices)
    sub_branch = forms.ChoiceField(
        label=_("Sub-branch"), choices=_blank(_("Not known")) + list(SubBranch.choices), required=False
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=CLIENT_LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )
    region: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Region"), queryset=None, required=False, empty_label=_("Not known")
    )
    duup_centre: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("DUUP region (the Netherlands)"),
        queryset=None,
        required=False,
        empty_label=_("Not in the Netherlands, or not known"),
        help_text=_("Named by its centre municipality."),
    )
    profile: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Profile"), queryset=None, required=False, empty_label=_("Not chosen")
    )
    start_circumstances = text(_("Circumstances when they started sex work"))
    start_motives = text(_("Motives for starting"))
    wishes = text(_("What they want to change"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = selectors.regions()  # type: ignore[attr-defined]
        self.fields["duup_centre"].queryset = selectors.duup_centres()  # type: ignore[attr-defined]
        self.fields["profile"].queryset = selectors.profiles()  # type: ignore[attr-defined]
        self.fields["region"].label_from_instance = lambda region: f"{region} ({region.country.code})"  # type: ignore[attr-defined]
        if not self.is_bound:
            self.fields["opened_on"].initial = timezone.localdate()


class CaseEditForm(IntakeForm, VersionForm):
    pass


class IdentityForm(forms.Form):
    legal_name = forms.CharField(label=_("Legal name"), max_length=120, required=False)
    birth_year = forms.IntegerField(label=_("Year of birth"), min_value=1900, max_value=2100, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    contact_notes = text(_("How to reach them safely"), rows=3, max_length=1000)

    def values(self) -> dict[str, str]:
        data = self.cleaned_data
        return {name: "" if data.get(name) in (None, "") else str(data[name]) for name in self.fields}


class ConsentForm(forms.Form):
    purposes = forms.MultipleChoiceField(
        label=_("What is processed, and why"), choices=Purpose.choices, widget=forms.CheckboxSelectMultiple
    )
    shared_items = forms.MultipleChoiceField(
        label=_("What may be shared"), choices=SharedItem.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    any_service = forms.BooleanField(label=_("With any service in the directory"), required=False)
    services: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Or only with these services"), queryset=None, required=False, widget=forms.SelectMultiple
    )
    note = text(_("In the person's own words (optional)"), rows=3, max_length=2000)
    given_on = day(_("Given on"))
    valid_until = day(_("Valid until"))

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["services"]
        field.queryset = selectors.referral_services(lang=lang)  # type: ignore[attr-defined]
        field.label_from_instance = lambda service: pick(service.name, lang).text or service.slug  # type: ignore[attr-defined]
        if not self.is_bound:
            self.fields["given_on"].initial = timezone.localdate()
            self.fields["valid_until"].initial = timezone.localdate().replace(year=timezone.localdate().year + 1)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given, until = data.get("given_on"), data.get("valid_until")
        if given and until and until < given:
            self.add_error("valid_until", _("The end date comes before the date it was given."))
        with_nobody = not (data.get("any_service") or data.get("services"))
        if data.get("shared_items") and with_nobody and Purpose.REFERRAL in data.get("purposes", []):
            self.add_error("services", _("Say with whom: any service, or choose the services."))
        return data


class AssessmentForm(forms.Form):
    """One status (and a note) per life domain; leave a domain on "not assessed" to skip it."""

    assessed_on = day(_("Date"))
    note = text(_("Overall note"), rows=3)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.domain_rows: list[tuple[Any, str, str]] = []
        choices = _blank(_("Not assessed")) + [(str(value), label) for value, label in NeedStatus.choices]
        for domain in selectors.domains():
            status_name, notes_name = f"status_{domain.slug}", f"notes_{domain.slug}"
            self.fields[status_name] = forms.TypedChoiceField(
                label=str(domain), choices=choices, coerce=int, required=False, empty_value=None
            )
            self.fields[notes_name] = forms.CharField(
                label=_("Notes on %(domain)s") % {"domain": domain},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.domain_rows.append((domain, status_name, notes_name))
        if not self.is_bound:
            self.fields["assessed_on"].initial = timezone.localdate()

    def rows(self) -> list[tuple[Any, forms.BoundField, forms.BoundField]]:
        return [(domain, self[status], self[notes]) for domain, status, notes in self.domain_rows]

    def needs(self) -> dict[str, tuple[int, str]]:
        found = {}
        for domain, status, notes in self.domain_rows:
            value = self.cleaned_data.get(status)
            if value:
                found[domain.slug] = (int(value), self.cleaned_data.get(notes, ""))
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not self.needs():
            raise forms.ValidationError(_("Give a status for at least one life domain."))
        return data


class GoalForm(forms.Form):
    domain: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Life domain"), queryset=None, to_field_name="slug"
    )
    title = forms.CharField(label=_("Goal"), max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = selectors.domains()  # type: ignore[attr-defined]


class GoalEditForm(GoalForm, VersionForm):
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices)


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Action"), max_length=300)
    due_on = day(_("Due date"))

    def __init__(self, *args: Any, workers: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workers = {str(worker.pk): worker for worker in workers}
        self.fields["owner"] = forms.ChoiceField(
            label=_("Who does it"),
            choices=[("", _("The person themselves"))] + [(pk, str(w)) for pk, w in self.workers.items()],
            required=False,
        )

    def chosen_owner(self) -> User | None:
        return self.workers.get(self.cleaned_data.get("owner") or "")


class ContactForm(forms.Form):
    happened_on = day(_("Date"))
    kind = forms.ChoiceField(label=_("Kind"), choices=ContactKind.choices)
    minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=1, max_value=24 * 60)
    notes = text(_("Notes"), rows=5)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["happened_on"].initial = timezone.localdate()


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"), help_text=_("A photo (JPEG, PNG, WebP) or a PDF, at most 10 MB. Hidden details are removed.")
    )


class ReferralForm(forms.Form):
    service = forms.ChoiceField(label=_("Service in the directory"))
    items = forms.MultipleChoiceField(
        label=_("What to share"), choices=SharedItem.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    message = text(_("Message for the service (optional)"), rows=4, max_length=3000)

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [("", _("Choose a service"))] + [  # type: ignore[attr-defined]
            (str(service.pk), pick(service.name, lang).text or service.slug)
            for service in selectors.referral_services(lang=lang)
        ]


class PlanCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Share code"), max_length=60, help_text=_("The code the person gave you from their own plan.")
    )


class CloseForm(VersionForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    closed_on = day(_("Closed on"))
    note = text(_("Closing note"), rows=4)
    follow_up = forms.BooleanField(
        label=_("The person agrees to check-ins after stopping (they can still say no later)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["closed_on"].initial = timezone.localdate()


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(
        label=_("How did it go?"), choices=[c for c in FollowUpStatus.choices if c[0] != FollowUpStatus.PLANNED]
    )
    returned = forms.TypedChoiceField(
        label=_("Back in sex work?"),
        choices=[("", _("Not asked")), ("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        required=False,
        empty_value=None,
    )
    note = text(_("Note"), rows=3)


class TransferForm(VersionForm):
    to = forms.ChoiceField(label=_("Hand over to"))

    def __init__(self, *args: Any, workers: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workers = {str(worker.pk): worker for worker in workers}
        self.fields["to"].choices = [(pk, str(w)) for pk, w in self.workers.items()]  # type: ignore[attr-defined]


class AccessForm(forms.Form):
    workers = forms.MultipleChoiceField(
        label=_("Assigned workers"), required=False, widget=forms.CheckboxSelectMultiple
    )
    restricted = forms.BooleanField(label=_("Only assigned workers may open this case"), required=False)

    def __init__(self, *args: Any, workers: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(worker.pk): worker for worker in workers}
        self.fields["workers"].choices = [(pk, str(w)) for pk, w in self.people.items()]  # type: ignore[attr-defined]

    def chosen(self) -> list[User]:
        return [self.people[pk] for pk in self.cleaned_data.get("workers", []) if pk in self.people]


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"), choices=[("accept", _("Accept")), ("decline", _("Decline"))], widget=forms.RadioSelect
    )
    answer = text(_("Note (seen only by your organisation)"), rows=3, max_length=2000)


class SettingsForm(forms.Form):
    retention_months = forms.IntegerField(
        label=_("Keep closed cases for (months)"), min_value=1, max_value=120, initial=24
    )
    follow_up_months = forms.RegexField(
        label=_("Check in after an exit (months, separated by commas)"),
        regex=r"^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$",
        max_length=40,
        initial="3,6",
        error_messages={"invalid": _("Write months as numbers separated by commas, for example 3,6.")},
    )


class ProfileForm(forms.Form):
    slug = forms.SlugField(label=_("Short name (for reports)"), max_length=60)
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=999, initial=0)
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"name_{code}"] = forms.CharField(label=_("Name (%(lang)s)") % {"lang": name}, max_length=120)
            self.fields[f"description_{code}"] = text(_("Description (%(lang)s)") % {"lang": name}, rows=3)

    def translated(self, field: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{field}_{code}", "") for code, _name in settings.LANGUAGES}
