"""Reads: what the vacancies page shows and what admins list. Reads of personal data are audited by the views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import Organisation
from core.scopes import scope
from volunteering.models import InternshipApplication, Semester, Status, VolunteerApplication


@dataclass(frozen=True)
class Vacancy:
    semester: Semester
    places_left: int


def open_semesters(*, organisation: Organisation, today: date | None = None) -> list[Vacancy]:
    """Published semesters still taking applications (before their deadline) with a place left."""
    today = today or timezone.localdate()
    with scope(organisation=organisation):
        semesters = Semester.objects.filter(is_published=True, starts_on__gt=today).annotate(
            accepted=Count("applications", filter=Q(applications__status=Status.ACCEPTED))
        )
        found = [Vacancy(s, s.places - s.accepted) for s in semesters]  # type: ignore[attr-defined]
    return [v for v in found if v.places_left > 0 and today <= v.semester.deadline]


def semesters(*, organisation: Organisation) -> QuerySet[Semester]:
    with scope(organisation=organisation):
        return Semester.objects.annotate(
            accepted=Count("applications", filter=Q(applications__status=Status.ACCEPTED)),
            received=Count("applications"),
        ).order_by("-starts_on")


def volunteer_applications(*, organisation: Organisation, status: str = "") -> list[VolunteerApplication]:
    with scope(organisation=organisation):
        found = VolunteerApplication.objects.all()
        if status:
            found = found.filter(status=status)
        return list(found)


def internship_applications(*, organisation: Organisation, semester: Semester) -> list[InternshipApplication]:
    """Ranked: experience in or with sex work first, then in the order they came."""
    with scope(organisation=organisation):
        return list(
            InternshipApplication.objects.filter(semester=semester).order_by(
                "-sex_work_experience", "received_on", "id"
            )
        )
