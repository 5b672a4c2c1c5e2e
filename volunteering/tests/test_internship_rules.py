"""The organisation's internship rules: places per semester, the six-month deadline, priority, no social assistant."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.scopes import scope
from volunteering import selectors, services
from volunteering.models import InternshipApplication, Status, months_before
from volunteering.tests.factories import internship_application, semester

pytestmark = pytest.mark.django_db


def test_months_before_keeps_the_day_or_takes_the_last_of_a_shorter_month():
    assert months_before(date(2027, 9, 1), 6) == date(2027, 3, 1)
    assert months_before(date(2027, 8, 31), 6) == date(2027, 2, 28)
    assert months_before(date(2027, 2, 1), 6) == date(2026, 8, 1)


def test_a_semester_has_two_places_by_default_and_its_deadline_is_six_months_before(trio):
    found = semester(trio.org_a)
    assert found.places == 2
    assert found.deadline == months_before(found.starts_on, 6)


def test_an_application_after_the_deadline_is_refused_with_a_clear_message(trio):
    found = semester(trio.org_a, months_ahead=9)
    with translation.override("en"), pytest.raises(ValidationError, match="six months before"):
        internship_application(trio.org_a, found, today=found.deadline + timedelta(days=1))
    internship_application(trio.org_a, found, today=found.deadline)  # the last day still counts


def test_the_late_message_is_translated(trio):
    found = semester(trio.org_a)
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        internship_application(trio.org_a, found, today=found.deadline + timedelta(days=1))
    assert "zes maanden" in str(caught.value)


def test_an_applicant_whose_school_requires_a_social_assistant_is_refused(trio):
    found = semester(trio.org_a)
    with translation.override("en"), pytest.raises(ValidationError, match="social assistant"):
        internship_application(trio.org_a, found, no_social_assistant_required=False)


def test_candidates_with_experience_in_or_with_sex_work_are_ranked_first(trio):
    found = semester(trio.org_a)
    first = internship_application(trio.org_a, found, name="Early, no experience")
    second = internship_application(trio.org_a, found, name="Later, with experience", sex_work_experience=True)
    third = internship_application(trio.org_a, found, name="Last, no experience")
    ranked = selectors.internship_applications(organisation=trio.org_a, semester=found)
    assert [a.pk for a in ranked] == [second.pk, first.pk, third.pk]


def test_no_more_places_can_be_accepted_than_the_semester_has(trio):
    found = semester(trio.org_a, places=2)
    applications = [internship_application(trio.org_a, found, name=f"Intern {n}") for n in range(3)]
    with scope(organisation=trio.org_a):
        for application in applications[:2]:
            services.internship_update(actor=trio.alice, application=application, status=Status.ACCEPTED, notes="")
        with translation.override("en"), pytest.raises(ValidationError, match="places of this semester are taken"):
            services.internship_update(actor=trio.alice, application=applications[2], status=Status.ACCEPTED, notes="")
        assert InternshipApplication.objects.filter(status=Status.ACCEPTED).count() == 2
        # Declining one frees a place.
        services.internship_update(actor=trio.alice, application=applications[0], status=Status.DECLINED, notes="")
        services.internship_update(actor=trio.alice, application=applications[2], status=Status.ACCEPTED, notes="")


def test_the_vacancies_show_only_semesters_with_a_place_and_an_open_deadline(trio):
    open_one = semester(trio.org_a, months_ahead=9)
    semester(trio.org_a, months_ahead=3)  # closed: less than six months ahead
    full = semester(trio.org_a, months_ahead=10, places=1)
    with scope(organisation=trio.org_a):
        services.internship_update(
            actor=trio.alice, application=internship_application(trio.org_a, full), status=Status.ACCEPTED, notes=""
        )
    assert [v.semester.pk for v in selectors.open_semesters(organisation=trio.org_a)] == [open_one.pk]
    assert selectors.open_semesters(organisation=trio.org_b) == []
