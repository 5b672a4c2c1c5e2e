"""Demo volunteer and internship data for the demo organisations (made up, marked as such). Refused in production."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from accounts import selectors as account_selectors
from core.scopes import scope
from volunteering import services
from volunteering.models import Semester, VolunteerApplication

DEMO_SLUGS = ("demo-outreach", "demo-exit")


def _next_semester_start(today: date, skip: int) -> date:
    starts = [date(today.year + y, m, 1) for y in range(0, 3) for m in (2, 9)]
    return [s for s in starts if s > today][skip]


def demo_seed() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo data is never created in production.")
    today = timezone.localdate()
    created = 0
    for slug in DEMO_SLUGS:
        organisation = account_selectors.organisation_by_slug(slug)
        if organisation is None:
            continue
        with scope(organisation=organisation):
            if Semester.objects.exists():
                continue
            # One semester already closed for applications, one still open (more than six months ahead).
            for skip in (0, 2):
                start = _next_semester_start(today, skip)
                end = date(start.year, start.month + 4, 30) if start.month == 2 else date(start.year, 12, 20)
                semester = services.semester_save(
                    organisation=organisation, semester=None, starts_on=start, ends_on=end, places=2, published=True
                )
                if skip == 2:
                    for name, experience, lang in (
                        ("Demo intern A (made up)", True, "nl"),
                        ("Demo intern B (made up)", False, "fr"),
                    ):
                        services.internship_apply(
                            organisation=organisation,
                            semester=semester,
                            name=name,
                            email="intern@example.org",
                            school="Demo school (made up)",
                            motivation="Demo application: not a real person.",
                            sex_work_experience=experience,
                            no_social_assistant_required=True,
                            language=lang,
                        )
                        created += 1
            if not VolunteerApplication.objects.exists():
                for name, areas, languages, lang in (
                    ("Demo translator (made up)", ["translation"], "Dutch, French, Romanian", "nl"),
                    ("Demo designer (made up)", ["design", "events"], "", "fr"),
                    ("Demo helper (made up)", ["events"], "", "en"),
                ):
                    services.volunteer_apply(
                        organisation=organisation,
                        name=name,
                        email="volunteer@example.org",
                        areas=areas,
                        languages=languages,
                        availability="Demo: two evenings a month.",
                        about="Demo application: not a real person.",
                        language=lang,
                    )
                    created += 1
    return f"{created} demo volunteer and internship applications"
