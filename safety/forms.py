"""Forms of the safety module: the anonymous report, the reply, the staff's triage and warnings, the number check."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.i18n import TranslatedFormField, pick
from lib.uploads import IMAGES, CleanUpload, UploadError, clean_upload
from safety import keys
from safety.models import IncidentKind, Status
from safety.selectors import open_desks
from vocabulary.selectors import city_list, country_list, region_list

ANY = "any"
MAX_PHOTOS = 3
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_TEXT = 10_000


class WANTS:
    WARN = "warn"
    HELP = "help"
    POLICE = "police"


WANT_CHOICES = [
    (WANTS.WARN, _("Warn other sex workers (a moderator writes the warning, without your name)")),
    (WANTS.HELP, _("Get help or someone to talk to")),
    (WANTS.POLICE, _("Get support to go to the police")),
]


def region_choices() -> list[Any]:
    """Regions grouped by country, for one select."""
    groups: list[Any] = [("", _("Choose a region"))]
    for country in country_list():
        regions = [(r.slug, pick(r.name).text or r.slug) for r in region_list(country=country.code)]
        if regions:
            groups.append((pick(country.name).text or country.code, regions))
    return groups


def city_choices() -> list[Any]:
    groups: list[Any] = [("", _("I would rather not say"))]
    by_region: dict[str, list[tuple[str, str]]] = {}
    names: dict[str, str] = {}
    for city in city_list():
        by_region.setdefault(city.region.slug, []).append((city.slug, pick(city.name).text or city.slug))
        names[city.region.slug] = pick(city.region.name).text or city.region.slug
    for region, cities in by_region.items():
        groups.append((names[region], cities))
    return groups


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> Any:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(PhotosField, self).clean(item, initial) for item in files if item]


class ReportForm(forms.Form):
    receiver = forms.ChoiceField(label=_("Who should receive your report?"))
    kind = forms.ChoiceField(label=_("What happened?"), choices=IncidentKind.choices, widget=forms.RadioSelect)
    happened_on = forms.DateField(
        label=_("When did it happen?"),
        required=False,
        help_text=_("An approximate day is fine. Leave it empty if you prefer."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    region = forms.ChoiceField(label=_("Region"))
    city = forms.ChoiceField(label=_("City or area"), required=False)
    place = forms.CharField(
        label=_("Exact place (only if you want to say)"),
        required=False,
        max_length=300,
        help_text=_("For example a street, a hotel or a car park. Leave it empty if it could show who you are."),
    )
    what_happened = forms.CharField(
        label=_("Tell what happened, in your own words"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 6})
    )
    appearance = forms.CharField(
        label=_("What did the person look like?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    phone = forms.CharField(label=_("Their phone number"), required=False, max_length=40)
    car = forms.CharField(label=_("Their car (make, colour, number plate)"), required=False, max_length=200)
    plate = forms.CharField(label=_("Number plate, if you know it"), required=False, max_length=20)
    handle = forms.CharField(label=_("Their name or profile online"), required=False, max_length=200)
    wants = forms.MultipleChoiceField(
        label=_("What would you like?"), required=False, choices=WANT_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    consent_words = forms.BooleanField(
        label=_("My own words may be used in a public warning (otherwise a moderator writes it in other words)"),
        required=False,
    )
    wants_match_news = forms.BooleanField(
        label=_("Tell me, through my reply code, if someone else reports the same phone number, plate or name"),
        required=False,
    )
    contact = forms.CharField(
        label=_("A way to reach you (optional)"),
        required=False,
        max_length=300,
        help_text=_("A phone number or email address, only if you want to be contacted. It is stored encrypted."),
    )
    photos = PhotosField(
        label=_("Photos (optional)"),
        required=False,
        help_text=_("Up to 3 pictures (JPEG, PNG or WebP, 5 MB each). We remove the location and camera details."),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    def __init__(self, *args: Any, country: str = "be", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        desks = open_desks()
        desks.sort(key=lambda desk: (desk.country != country.upper(), desk.organisation.name))
        self.desks = {desk.organisation.slug: desk for desk in desks}
        cast(forms.ChoiceField, self.fields["receiver"]).choices = [
            (ANY, _("Any organisation in my region")),
            *((desk.organisation.slug, desk.organisation.name) for desk in desks),
        ]
        self.fields["receiver"].initial = ANY
        cast(forms.ChoiceField, self.fields["region"]).choices = region_choices()
        cast(forms.ChoiceField, self.fields["city"]).choices = city_choices()
        self.cleaned_photos: list[CleanUpload] = []

    def clean_happened_on(self) -> Any:
        day = self.cleaned_data.get("happened_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("This day is in the future."))
        return day

    def clean_phone(self) -> str:
        phone = cast(str, self.cleaned_data.get("phone", "")).strip()
        if phone and not keys.normalise_phone(phone):
            raise forms.ValidationError(_("This does not look like a phone number. Check it, or leave it empty."))
        return phone

    def clean_photos(self) -> list[UploadedFile]:
        files = self.cleaned_data.get("photos") or []
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(_("Send at most 3 photos."))
        cleaned = []
        for upload in files:
            try:
                cleaned.append(clean_upload(upload, kinds=IMAGES, max_bytes=MAX_PHOTO_BYTES))
            except UploadError as error:
                raise forms.ValidationError(
                    _("%(name)s: %(problem)s Your text is still here; choose the photos again or send without them."),
                    params={"name": upload.name[:80], "problem": " ".join(error.messages)},
                ) from error
        self.cleaned_photos = cleaned
        return files

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        region, city = data.get("region"), data.get("city")
        if region and city and not any(c.slug == city for c in city_list(region=region)):
            self.add_error("city", _("This city is not in the region you chose."))
        receiver = data.get("receiver")
        if receiver and receiver != ANY and region and receiver in self.desks:
            pass  # any organisation may receive a report from anywhere; the person chose it
        return data

    def country(self) -> str:
        region = self.cleaned_data["region"]
        found = region_list().filter(slug=region).first()
        return found.country.code if found else "BE"

    def receiver_organisation(self) -> Any:
        slug = self.cleaned_data["receiver"]
        return None if slug == ANY else self.desks[slug].organisation

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        wants = set(data.get("wants") or [])
        car = " · ".join(part for part in (data["car"].strip(), data["plate"].strip()) if part)
        return {
            "organisation": self.receiver_organisation(),
            "kind": data["kind"],
            "country": self.country(),
            "region": data["region"],
            "city": data.get("city") or "",
            "happened_on": data.get("happened_on"),
            "place": data["place"],
            "what_happened": data["what_happened"],
            "appearance": data["appearance"],
            "phone": data["phone"],
            "car": car,
            "plate": data["plate"],
            "handle": data["handle"],
            "contact": data["contact"],
            "wants_warning": WANTS.WARN in wants,
            "wants_help": WANTS.HELP in wants,
            "wants_police": WANTS.POLICE in wants,
            "wants_match_news": data["wants_match_news"],
            "consent_words": data["consent_words"],
            "photos": self.cleaned_photos,
        }


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your reply code"),
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class ReplyForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, max_length=60)
    body = forms.CharField(label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class CheckForm(forms.Form):
    number = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        help_text=_("With or without the country code, for example 0470 12 34 56 or +31 6 12345678."),
    )

    def clean_number(self) -> str:
        number = self.cleaned_data["number"].strip()
        if not (keys.normalise_phone(number, "BE") or keys.normalise_phone(number, "NL")):
            raise forms.ValidationError(_("This does not look like a phone number. Check it and try again."))
        return number


class TriageForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    assigned_to = forms.ChoiceField(label=_("Handled by"), required=False)

    def __init__(self, *args: Any, staff: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.staff = {str(user.pk): user for user in staff}
        cast(forms.ChoiceField, self.fields["assigned_to"]).choices = [
            ("", _("Nobody yet")),
            *((pk, str(user)) for pk, user in self.staff.items()),
        ]

    def assignee(self) -> User | None:
        return self.staff.get(self.cleaned_data.get("assigned_to") or "")


class StaffMessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    internal = forms.BooleanField(
        label=_("Internal note (only your colleagues see it, never the person)"), required=False
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class AlertForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened?"), choices=IncidentKind.choices)
    region = forms.ChoiceField(label=_("Region"))
    description = TranslatedFormField(
        label=_("Warning, in your own words"),
        widget_class=forms.Textarea,
        help_text=_("Describe the danger without anything that could identify the person who reported it."),
    )
    expires_on = forms.DateField(label=_("Shown until"), widget=forms.DateInput(attrs={"type": "date"}))
    phones = forms.CharField(
        label=_("Phone numbers to warn about (one a line)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only a keyed fingerprint of each number is kept, for “check a number”. The number is not shown."),
    )
    plates = forms.CharField(
        label=_("Number plates (one a line)"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    handles = forms.CharField(
        label=_("Online names (one a line)"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, words: str = "", consent: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["region"]).choices = region_choices()
        self.fields["expires_on"].initial = timezone.localdate() + timedelta(days=90)
        self.words = words
        self.consent = consent

    def clean_expires_on(self) -> Any:
        day = self.cleaned_data["expires_on"]
        if day <= timezone.localdate():
            raise forms.ValidationError(_("Choose a day in the future."))
        if day > timezone.localdate() + timedelta(days=366):
            raise forms.ValidationError(_("A warning is shown for a year at most."))
        return day

    def clean_phones(self) -> list[str]:
        phones = _lines(self.cleaned_data.get("phones", ""))
        bad = [p for p in phones if not (keys.normalise_phone(p, "BE") or keys.normalise_phone(p, "NL"))]
        if bad:
            raise forms.ValidationError(_("Not a phone number: %(numbers)s"), params={"numbers": ", ".join(bad)})
        return phones

    def clean_plates(self) -> list[str]:
        return _lines(self.cleaned_data.get("plates", ""))

    def clean_handles(self) -> list[str]:
        return _lines(self.cleaned_data.get("handles", ""))

    def clean_description(self) -> dict[str, str]:
        description = cast(dict[str, str], self.cleaned_data["description"])
        if self.words and not self.consent:
            reported = _shingles(self.words)
            for text in description.values():
                if reported & _shingles(text):
                    raise forms.ValidationError(
                        _("The person did not agree that their own words are published. Write the warning in yours.")
                    )
        return description


def _shingles(text: str, size: int = 6) -> set[tuple[str, ...]]:
    """Runs of six words, to notice a description that copies the person's own sentences."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < size:
        return {tuple(words)} if len(words) >= 3 else set()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def alert_region_country(region: str) -> str:
    found = region_list().filter(slug=region).first()
    return found.country.code if found else "BE"


class DeskForm(forms.Form):
    is_open = forms.BooleanField(label=_("Receive safety reports from the public form"), required=False)
    country = forms.ChoiceField(label=_("Country"))
    regions = forms.MultipleChoiceField(
        label=_("Regions (none ticked: the whole country)"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["country"]).choices = [
            (c.code, pick(c.name).text or c.code) for c in country_list()
        ]
        cast(forms.MultipleChoiceField, self.fields["regions"]).choices = [
            (r.slug, f"{pick(r.name).text or r.slug} ({r.country.code})") for r in region_list()
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        country, regions = data.get("country"), data.get("regions") or []
        if country:
            inside = {r.slug for r in region_list(country=country)}
            if set(regions) - inside:
                self.add_error("regions", _("Tick only regions of the country you chose."))
        return data
