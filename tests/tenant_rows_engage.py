"""Rows of organisations A and B for the volunteering, research and donations models (tenant-isolation tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils import timezone

from donations import services as donation_services
from donations.models import BankAccount, Donor, Gift, ImportBatch
from research import services as research_services
from research.models import ResearchRequest
from volunteering import services as volunteering_services
from volunteering.models import InternshipApplication, Semester, VolunteerApplication


def _rows(trio: Any, make: Callable[[Any, Any], models.Model]) -> Any:
    from tests.test_tenant_isolation import Rows

    return Rows(make(trio.org_a, trio.alice), make(trio.org_b, trio.charlie), None)


def _semester(org: Any, _user: Any) -> Semester:
    start = timezone.localdate() + timedelta(days=300)
    return volunteering_services.semester_save(
        organisation=org, semester=None, starts_on=start, ends_on=start + timedelta(days=90), places=2, published=True
    )


def _intern(org: Any, user: Any) -> InternshipApplication:
    return volunteering_services.internship_apply(
        organisation=org,
        semester=_semester(org, user),
        name="N",
        email="n@example.org",
        school="S",
        motivation="M",
        sex_work_experience=False,
        no_social_assistant_required=True,
        language="en",
    )


def _volunteer(org: Any, _user: Any) -> VolunteerApplication:
    return volunteering_services.volunteer_apply(
        organisation=org,
        name="N",
        email="n@example.org",
        areas=["events"],
        languages="",
        availability="A",
        about="",
        language="en",
    )


def _research(org: Any, _user: Any) -> ResearchRequest:
    return research_services.request_create(
        organisation=org,
        name="N",
        email="n@example.org",
        kind="student",
        affiliation="",
        questions="Q",
        duration="D",
        anonymisation="A",
        compensation_offered=False,
        compensation="",
        needed_by=date.today() + timedelta(days=9),
        language="en",
    )


def _account(org: Any, user: Any) -> BankAccount:
    return donation_services.bank_account_save(
        actor=user, organisation=org, holder="H", iban="BE68539007547034", bic="", remittance="", published=True
    )


def _donor(org: Any, user: Any) -> Donor:
    return donation_services.donor_save(
        actor=user,
        organisation=org,
        donor=None,
        name="N",
        email="",
        iban="",
        reference="",
        monthly_amount=None,
        language="en",
        wants_thanks=False,
        notes="",
    )


def _gift(org: Any, user: Any) -> Gift:
    return donation_services.gift_create(
        actor=user, organisation=org, amount=Decimal("5"), received_on=date.today(), donor=None
    )


def _batch(org: Any, user: Any) -> ImportBatch:
    return donation_services.statement_read(
        actor=user, organisation=org, kind="csv", data=b"date,amount\n2026-12-01,5.00\n"
    )


ENGAGE_MAKERS: dict[type[models.Model], Callable[[Any], Any]] = {
    model: (lambda trio, make=make: _rows(trio, make))
    for model, make in {
        Semester: _semester,
        InternshipApplication: _intern,
        VolunteerApplication: _volunteer,
        ResearchRequest: _research,
        BankAccount: _account,
        Donor: _donor,
        Gift: _gift,
        ImportBatch: _batch,
    }.items()
}
ENGAGE_MODELS = set(ENGAGE_MAKERS)
