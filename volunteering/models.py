"""Volunteer applications, internship semesters and internship applications of one organisation.

Everything that names a person is encrypted under the organisation's data key; every row is scoped to its
organisation (``core.scopes``). An internship semester holds its number of places; accepting an application
locks the semester row, so two admins accepting at once cannot fill more places than there are.
"""

from __future__ import annotations

import calendar
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.scopes import ScopedManager
from crypto.fields import EncryptedFieldsMixin, EncryptedTextField

DEFAULT_PLACES = 2  # "Every semester we open two internships" (seed 001)
DEADLINE_MONTHS = 6  # "no later than six months before the start of the internship" (seed 001)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the last day of that month when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Area(models.TextChoices):
    TRANSLATION = "translation", _("Translation")
    DESIGN = "design", _("Graphic design")
    EVENTS = "events", _("Helping at events")
    OTHER = "other", _("Something else")


class Status(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


CLOSED = (Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN)


class VolunteerApplication(EncryptedFieldsMixin, models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = EncryptedTextField(_("name or pseudonym"))
    email = EncryptedTextField(_("email address"))
    areas = models.CharField(_("what you would like to do"), max_length=100)  # comma-separated Area values
    languages = models.CharField(_("languages you translate between"), max_length=200, blank=True)
    availability = EncryptedTextField(_("when you are available"))
    about = EncryptedTextField(_("a short presentation of yourself"), blank=True)
    language = models.CharField(max_length=2, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW)
    notes = EncryptedTextField(_("notes for the team"), blank=True)
    received_on = models.DateField()
    decided_on = models.DateField(null=True, blank=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"Volunteer application {self.pk}"

    def area_list(self) -> list[str]:
        return [a for a in self.areas.split(",") if a]

    def area_labels(self) -> list[str]:
        labels = dict(Area.choices)
        return [str(labels.get(a, a)) for a in self.area_list()]


class Semester(models.Model):
    """An internship period the organisation offers; ``places`` is the organisation's rule (two by default)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    starts_on = models.DateField(_("internship starts on"))
    ends_on = models.DateField(_("internship ends on"))
    places = models.PositiveSmallIntegerField(_("places"), default=DEFAULT_PLACES)
    is_published = models.BooleanField(_("shown on the vacancies page"), default=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "starts_on"], name="volunteering_semester_unique_start"),
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")), name="semester_ends_after"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on:%d/%m/%Y} to {self.ends_on:%d/%m/%Y}"

    @property
    def deadline(self) -> date:
        """The last day an application is accepted: six months before the start."""
        return months_before(self.starts_on, DEADLINE_MONTHS)


class InternshipApplication(EncryptedFieldsMixin, models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    semester = models.ForeignKey(Semester, on_delete=models.CASCADE, related_name="applications")
    name = EncryptedTextField(_("name or pseudonym"))
    email = EncryptedTextField(_("email address"))
    school = EncryptedTextField(_("school or university, and course"))
    motivation = EncryptedTextField(_("why you would like to do your internship with us"))
    sex_work_experience = models.BooleanField(_("I have experience in or with sex work"), default=False)
    no_social_assistant_required = models.BooleanField(
        _("My school does not require supervision by a social assistant"), default=False
    )
    language = models.CharField(max_length=2, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW)
    notes = EncryptedTextField(_("notes for the team"), blank=True)
    received_on = models.DateField()
    decided_on = models.DateField(null=True, blank=True)

    objects = ScopedManager("organisation")

    class Meta:
        # Candidates with experience in or with sex work first (the organisation's rule), then oldest first.
        ordering = ["-sex_work_experience", "received_on", "id"]

    def __str__(self) -> str:
        return f"Internship application {self.pk}"
