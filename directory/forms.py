"""Forms of the directory: the public filters, suggestions, and the staff editing forms."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django import forms
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.i18n import TranslatedFormField, pick
from directory.models import DAY_CODES, Status, validate_phone_number
from directory.services import PhoneInput, ScheduleInput
from vocabulary import selectors as vocabulary
from vocabulary.selectors import attribute_list, city_list, country_list, domain_list, region_list

DAY_NAMES = {
    "MO": _("Monday"),
    "TU": _("Tuesday"),
    "WE": _("Wednesday"),
    "TH": _("Thursday"),
    "FR": _("Friday"),
    "SA": _("Saturday"),
    "SU": _("Sunday"),
}


def _choices(form: forms.Form, name: str, choices: list[Any]) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


def language_label(code: str) -> str:
    info = LANG_INFO.get(code, {})
    return str(info.get("name_local", code)) if info else code


class FilterForm(forms.Form):
    """The list's filters, as GET parameters. Unknown values are reported and ignored, never an error page."""

    need = forms.ChoiceField(label=_("What do you need help with?"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    attr = forms.MultipleChoiceField(
        label=_("Only services that are"), required=False, widget=forms.CheckboxSelectMultiple
    )
    open = forms.BooleanField(label=_("Open now"), required=False)

    def __init__(self, *args: Any, languages: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything: list[Any] = [("", _("Any"))]
        _choices(self, "need", [*anything, *((d.slug, pick(d.name).text) for d in domain_list())])
        _choices(self, "country", [*anything, *((c.code.lower(), pick(c.name).text) for c in country_list())])
        regions_by_country: dict[str, list[tuple[str, str]]] = {}
        for region in region_list():
            regions_by_country.setdefault(pick(region.country.name).text, []).append(
                (region.slug, pick(region.name).text)
            )
        _choices(self, "region", [*anything, *regions_by_country.items()])
        by_region: dict[str, list[tuple[str, str]]] = {}
        for city in city_list():
            by_region.setdefault(pick(city.region.name).text, []).append((city.slug, pick(city.name).text))
        _choices(self, "city", [*anything, *by_region.items()])
        _choices(self, "language", [*anything, *((code, language_label(code)) for code in languages)])
        attributes = [(a.slug, pick(a.name).text) for a in attribute_list() if a.slug != "confidential-address"]
        _choices(self, "attr", attributes)


class SuggestionForm(forms.Form):
    text = forms.CharField(
        label=_("What is wrong or missing?"),
        help_text=_(
            "For example a phone number that no longer works, new opening hours, or a service that stopped. "
            "Please do not write your name or contact details: we cannot answer you."
        ),
        max_length=2000,
        min_length=5,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


# --- Staff -------------------------------------------------------------------------------------------------


class PhoneForm(forms.Form):
    id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    number = forms.CharField(label=_("Phone number"), max_length=40, required=False, validators=[validate_phone_number])
    description = TranslatedFormField(label=_("When and what for"), required=False)

    def as_input(self) -> PhoneInput | None:
        data = self.cleaned_data
        if not data.get("number") or data.get("DELETE"):
            return None
        return PhoneInput(number=data["number"], description=data.get("description") or {}, id=data.get("id"))


class BasePhoneFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def inputs(self) -> list[PhoneInput]:
        return [item for form in self.forms if (item := form.as_input()) is not None]


PhoneFormSet = cast(
    type[BasePhoneFormSet],
    forms.formset_factory(PhoneForm, formset=BasePhoneFormSet, extra=1, can_delete=True, max_num=10),
)


class ScheduleForm(forms.Form):
    id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    days = forms.MultipleChoiceField(
        label=_("Days"),
        required=False,
        choices=[(code, DAY_NAMES[code]) for code in DAY_CODES],
        widget=forms.CheckboxSelectMultiple,
    )
    opens_at = forms.TimeField(label=_("Opens at"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    closes_at = forms.TimeField(label=_("Closes at"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    place = forms.ChoiceField(label=_("Place"), required=False)
    notes = TranslatedFormField(label=_("Note"), required=False)

    def __init__(self, *args: Any, places: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "place", [("", _("All places, or by phone")), *(places or [])])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = [data.get("days"), data.get("opens_at"), data.get("closes_at")]
        if any(filled) and not all(filled) and not data.get("DELETE"):
            raise ValidationError(_("Give the days, the opening time and the closing time."))
        return data

    def as_input(self) -> ScheduleInput | None:
        data = self.cleaned_data
        if not data.get("days") or data.get("DELETE"):
            return None
        return ScheduleInput(
            days=[code for code in DAY_CODES if code in data["days"]],
            opens_at=data["opens_at"],
            closes_at=data["closes_at"],
            notes=data.get("notes") or {},
            service_at_location_id=uuid.UUID(data["place"]) if data.get("place") else None,
            id=data.get("id"),
        )


class BaseScheduleFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def __init__(self, *args: Any, places: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        self.places = places or []
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "places": self.places}

    def inputs(self) -> list[ScheduleInput]:
        return [item for form in self.forms if (item := form.as_input()) is not None]


ScheduleFormSet = cast(
    type[BaseScheduleFormSet],
    forms.formset_factory(ScheduleForm, formset=BaseScheduleFormSet, extra=1, can_delete=True, max_num=14),
)


class OrganizationForm(forms.Form):
    name = TranslatedFormField(label=_("Name"))
    description = TranslatedFormField(label=_("Description: one to three sentences"), widget_class=forms.Textarea)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("Email address"), required=False)
    last_verified = forms.DateField(
        label=_("Last checked against the sources on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class ServiceForm(forms.Form):
    name = TranslatedFormField(label=_("Name: what the service does"))
    description = TranslatedFormField(label=_("Description"), widget_class=forms.Textarea)
    how_to_reach = TranslatedFormField(
        label=_("How to reach it safely: walk in? call first? anonymous?"), widget_class=forms.Textarea
    )
    eligibility = TranslatedFormField(label=_("Who it is for"), required=False, widget_class=forms.Textarea)
    documents = TranslatedFormField(label=_("What to bring"), required=False)
    cost = TranslatedFormField(label=_("What it costs"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    domains = forms.ModelMultipleChoiceField(
        label=_("Helps with"),
        queryset=vocabulary.domain_list(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
    )
    attributes = forms.ModelMultipleChoiceField(
        label=_("What is true of this service"),
        queryset=vocabulary.attribute_list(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
    )
    languages = forms.CharField(
        label=_("Languages it is offered in"),
        help_text=_("Two-letter codes separated by commas, for example: nl, fr, en, ro"),
        required=False,
        max_length=100,
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("Email address"), required=False)
    last_verified = forms.DateField(
        label=_("Last checked against the sources on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["domains"].label_from_instance = lambda obj: pick(obj.name).text  # type: ignore[attr-defined]
        self.fields["attributes"].label_from_instance = lambda obj: pick(obj.name).text  # type: ignore[attr-defined]

    def clean_languages(self) -> list[str]:
        codes = [code.strip().lower() for code in self.cleaned_data["languages"].replace(";", ",").split(",")]
        codes = list(dict.fromkeys(code for code in codes if code))
        unknown = [code for code in codes if len(code) != 2 or code not in LANG_INFO]
        if unknown:
            raise ValidationError(_("Unknown language code: %(codes)s"), params={"codes": ", ".join(unknown)})
        return codes

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        names = ("name", "description", "how_to_reach", "eligibility", "cost", "documents", "status", "website")
        return {**{name: data[name] for name in names}, "email": data["email"], "last_verified": data["last_verified"]}
