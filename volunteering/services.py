"""Writes: applications arrive from the public forms; admins change their status and notes.

Accepting an internship application locks its semester row (``select_for_update``) and counts the accepted
applications inside the same transaction: two admins accepting at once are served one after the other, and
the second is refused when the places are taken.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from audit.services import Action, audit_log
from core.scopes import scope
from volunteering.models import CLOSED, InternshipApplication, Semester, Status, VolunteerApplication

RETENTION_AFTER_DECISION_DAYS = 365
RETENTION_UNDECIDED_DAYS = 730


def volunteer_apply(
    *,
    organisation: Organisation,
    name: str,
    email: str,
    areas: list[str],
    languages: str,
    availability: str,
    about: str,
    language: str,
) -> VolunteerApplication:
    with scope(organisation=organisation), transaction.atomic():
        application = VolunteerApplication(
            organisation=organisation,
            name=name,
            email=email,
            areas=",".join(areas),
            languages=languages,
            availability=availability,
            about=about,
            language=language,
            received_on=timezone.localdate(),
        )
        application.full_clean()
        application.save()
        audit_log(actor=None, action=Action.CREATE, target=application, organisation_id=organisation.pk)
    return application


def _decide(application: VolunteerApplication | InternshipApplication, status: str) -> None:
    if status in CLOSED and application.status != status:
        application.decided_on = timezone.localdate()
    elif status not in CLOSED:
        application.decided_on = None
    application.status = status


def volunteer_update(*, actor: User, application: VolunteerApplication, status: str, notes: str) -> None:
    with transaction.atomic():
        _decide(application, status)
        application.notes = notes
        application.full_clean()
        application.save()
        audit_log(actor=actor, action=Action.UPDATE, target=application)


def semester_save(
    *,
    organisation: Organisation,
    semester: Semester | None,
    starts_on: date,
    ends_on: date,
    places: int,
    published: bool,
) -> Semester:
    with scope(organisation=organisation), transaction.atomic():
        semester = semester or Semester(organisation=organisation)
        semester.starts_on, semester.ends_on, semester.places, semester.is_published = (
            starts_on,
            ends_on,
            places,
            published,
        )
        semester.full_clean()
        semester.save()
    return semester


def internship_apply(
    *,
    organisation: Organisation,
    semester: Semester,
    name: str,
    email: str,
    school: str,
    motivation: str,
    sex_work_experience: bool,
    no_social_assistant_required: bool,
    language: str,
    today: date | None = None,
) -> InternshipApplication:
    today = today or timezone.localdate()
    if semester.organisation_id != organisation.pk:
        raise ValidationError(_("This internship period does not exist."))
    if today > semester.deadline:
        raise ValidationError(
            _(
                "Applications for this internship closed on %(deadline)s: we need them at least six months before "
                "the internship starts."
            )
            % {"deadline": semester.deadline.strftime("%d/%m/%Y")}
        )
    if not no_social_assistant_required:
        raise ValidationError(_("We cannot supervise interns whose school requires supervision by a social assistant."))
    with scope(organisation=organisation), transaction.atomic():
        application = InternshipApplication(
            organisation=organisation,
            semester=semester,
            name=name,
            email=email,
            school=school,
            motivation=motivation,
            sex_work_experience=sex_work_experience,
            no_social_assistant_required=no_social_assistant_required,
            language=language,
            received_on=today,
        )
        application.full_clean()
        application.save()
        audit_log(actor=None, action=Action.CREATE, target=application, organisation_id=organisation.pk)
    return application


def internship_update(*, actor: User, application: InternshipApplication, status: str, notes: str) -> None:
    """Change an application's status and notes; accepting one checks the semester's places under a lock."""
    with transaction.atomic():
        if status == Status.ACCEPTED and application.status != Status.ACCEPTED:
            semester = Semester.objects.select_for_update().get(pk=application.semester_id)
            taken = (
                InternshipApplication.objects.filter(semester=semester, status=Status.ACCEPTED)
                .exclude(pk=application.pk)
                .count()
            )
            if taken >= semester.places:
                raise ValidationError(
                    _(
                        "All %(places)s places of this semester are taken. "
                        "Decline or withdraw an accepted application first."
                    )
                    % {"places": semester.places}
                )
        _decide(application, status)
        application.notes = notes
        application.full_clean()
        application.save()
        audit_log(actor=actor, action=Action.UPDATE, target=application)


def purge_expired() -> int:
    """Applications a year after their decision, or two years after they came if nobody decided."""
    today = timezone.localdate()
    decided = today - timedelta(days=RETENTION_AFTER_DECISION_DAYS)
    undecided = today - timedelta(days=RETENTION_UNDECIDED_DAYS)
    count = 0
    for model in (VolunteerApplication, InternshipApplication):
        count += model.objects.filter(decided_on__lt=decided).delete()[0]  # type: ignore[attr-defined]
        count += model.objects.filter(decided_on__isnull=True, received_on__lt=undecided).delete()[0]  # type: ignore[attr-defined]
    return count
