from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from volunteering.models import Area, Semester, Status


class VolunteerForm(forms.Form):
    name = forms.CharField(label=_("Name or pseudonym"), max_length=120)
    email = forms.EmailField(label=_("Email address"), help_text=_("We only use it to answer you."))
    areas = forms.MultipleChoiceField(
        label=_("What would you like to do?"), choices=Area.choices, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.CharField(
        label=_("Languages you can translate between"),
        max_length=200,
        required=False,
        help_text=_("For translation, for example: Dutch, French, English, Romanian."),
    )
    availability = forms.CharField(
        label=_("When are you available?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: two evenings a month, weekends, a few hours a week."),
    )
    about = forms.CharField(
        label=_("A short presentation of yourself"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if Area.TRANSLATION in data.get("areas", []) and not (data.get("languages") or "").strip():
            self.add_error("languages", _("Tell us which languages you can translate between."))
        return data


def _semester_label(semester: Semester) -> str:
    return _("%(start)s to %(end)s (apply by %(deadline)s)") % {
        "start": semester.starts_on.strftime("%d/%m/%Y"),
        "end": semester.ends_on.strftime("%d/%m/%Y"),
        "deadline": semester.deadline.strftime("%d/%m/%Y"),
    }


class InternshipForm(forms.Form):
    semester = forms.ModelChoiceField(label=_("Internship period"), queryset=Semester.objects.none(), empty_label=None)
    name = forms.CharField(label=_("Name or pseudonym"), max_length=120)
    email = forms.EmailField(label=_("Email address"))
    school = forms.CharField(label=_("School or university, and course"), max_length=300)
    motivation = forms.CharField(
        label=_("Why would you like to do your internship with us?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    sex_work_experience = forms.BooleanField(
        label=_("I have experience in or with sex work"),
        required=False,
        help_text=_("Candidates with experience in or with sex work get priority. You do not need to prove it."),
    )
    no_social_assistant_required = forms.BooleanField(
        label=_("I confirm that my school does not require supervision by a social assistant"),
        help_text=_("Our organisation employs no social assistants, so we cannot offer that supervision."),
        error_messages={"required": _("We can only take interns whose school does not require a social assistant.")},
    )

    def __init__(self, *args: Any, semesters: list[Semester], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["semester"]
        field.queryset = Semester.objects.filter(pk__in=[s.pk for s in semesters])  # type: ignore[attr-defined]
        field.label_from_instance = _semester_label  # type: ignore[attr-defined]


class DecisionForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    notes = forms.CharField(
        label=_("Notes for the team"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class SemesterForm(forms.Form):
    starts_on = forms.DateField(label=_("Internship starts on"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Internship ends on"), widget=forms.DateInput(attrs={"type": "date"}))
    places = forms.IntegerField(label=_("Places"), min_value=1, max_value=50, initial=2)
    published = forms.BooleanField(label=_("Show on the vacancies page"), required=False, initial=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] <= data["starts_on"]:
            self.add_error("ends_on", _("The internship must end after it starts."))
        return data
