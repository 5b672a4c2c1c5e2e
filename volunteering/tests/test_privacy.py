"""Applications are encrypted at rest and purged on time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from core.retention import purge_all, rules
from core.scopes import scope
from core.testing import raw_database_dump
from volunteering.models import InternshipApplication, Status, VolunteerApplication
from volunteering.tests.factories import internship_application, semester, volunteer_application

MARKER = "VOLUNTEERMARKERQWZX"


@pytest.mark.django_db(transaction=True)
def test_names_emails_and_texts_are_not_in_the_raw_database(trio):
    volunteer_application(
        trio.org_a, name=MARKER, email=f"{MARKER.lower()}@example.org", availability=MARKER, about=MARKER
    )
    internship_application(trio.org_a, semester(trio.org_a), name=MARKER, school=MARKER, motivation=MARKER)
    dump = raw_database_dump()
    assert MARKER.encode() not in dump and MARKER.lower().encode() not in dump


@pytest.mark.django_db
def test_applications_are_purged_a_year_after_the_decision_or_two_years_after_they_came(trio):
    assert "volunteering-applications" in {rule.name for rule in rules()}
    old = volunteer_application(trio.org_a)
    recent = volunteer_application(trio.org_a)
    undecided = internship_application(trio.org_a, semester(trio.org_a))
    today = timezone.localdate()
    with scope(organisation=trio.org_a):
        VolunteerApplication.objects.filter(pk=old.pk).update(
            status=Status.DECLINED, decided_on=today - timedelta(days=366)
        )
        VolunteerApplication.objects.filter(pk=recent.pk).update(
            status=Status.DECLINED, decided_on=today - timedelta(days=300)
        )
        InternshipApplication.objects.filter(pk=undecided.pk).update(received_on=today - timedelta(days=731))
    purge_all()
    with scope(organisation=trio.org_a):
        assert list(VolunteerApplication.objects.values_list("pk", flat=True)) == [recent.pk]
        assert not InternshipApplication.objects.exists()
