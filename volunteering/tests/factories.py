from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from accounts.models import Organisation
from volunteering import services
from volunteering.models import InternshipApplication, Semester


def semester(organisation: Organisation, *, months_ahead: int = 9, places: int = 2) -> Semester:
    start = timezone.localdate() + timedelta(days=31 * months_ahead)
    return services.semester_save(
        organisation=organisation,
        semester=None,
        starts_on=start,
        ends_on=start + timedelta(days=120),
        places=places,
        published=True,
    )


def internship_application(organisation: Organisation, found: Semester, **overrides: Any) -> InternshipApplication:
    values: dict[str, Any] = {
        "name": "Sam Intern",
        "email": "sam@example.org",
        "school": "A school",
        "motivation": "I care about sex workers' rights.",
        "sex_work_experience": False,
        "no_social_assistant_required": True,
        "language": "fr",
    }
    values.update(overrides)
    return services.internship_apply(organisation=organisation, semester=found, **values)


def volunteer_application(organisation: Organisation, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "name": "Vera Volunteer",
        "email": "vera@example.org",
        "areas": ["translation"],
        "languages": "Dutch, Romanian",
        "availability": "Weekends",
        "about": "",
        "language": "nl",
    }
    values.update(overrides)
    return services.volunteer_apply(organisation=organisation, **values)


def today() -> date:
    return timezone.localdate()
