"""Test helpers: a case with one row of every kind, made through the services (tests only)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import models
from django.utils import timezone

from accounts.models import Organisation, User
from cases import services
from cases.models import (
    Assignment,
    CaseSettings,
    ContactKind,
    ContactRoute,
    FollowUp,
    IncomingReferral,
    Need,
    NeedStatus,
    Outcome,
    PlanAttachment,
    PurgeRecord,
    Purpose,
    SharedItem,
    SubBranch,
)
from core.scopes import scope
from directory.models import Organization, Service
from vocabulary.models import Domain

MARKER = "zq-marker-4711"


def a_service(owner: Organisation | None = None, *, skip: int = 0) -> Service:
    service = Service.objects.order_by("slug")[skip]
    if owner is not None:
        Organization.objects.filter(pk=service.organization_id).update(owner=owner)
        service.refresh_from_db()
    return service


def make_case(
    organisation: Organisation, worker: User, *, marker: str = MARKER, receiver: Organisation | None = None
) -> dict[type[models.Model], Any]:
    """One case with every kind of row; the marker is written into every encrypted text."""
    today = timezone.localdate()
    rows: dict[type[models.Model], Any] = {}
    with scope(organisation=organisation):
        profile = services.profiles_ensure(organisation=organisation)[0]
        case = services.client_create(
            organisation=organisation,
            actor=worker,
            working_name=f"Jade {marker}",
            contact_route=ContactRoute.FIELDWORK_OFFLINE,
            sub_branch=SubBranch.WINDOW,
            languages=["nl", "ro"],
            opened_on=today - timedelta(days=30),
            profile=profile,
            start_circumstances=f"circumstances {marker}",
            start_motives=f"motives {marker}",
            wishes=f"wishes {marker}",
        )
        rows[type(case)] = case
        rows[type(case.client)] = case.client
        rows[type(profile)] = profile
        services.identity_update(
            client=case.client, actor=worker, legal_name=f"Name {marker}", phone="+32 470 00 00 00"
        )
        rows[Assignment] = case.assignments.first()
        domains = list(Domain.objects.order_by("position")[:2])
        assessment = services.assessment_create(
            case=case,
            actor=worker,
            assessed_on=today - timedelta(days=20),
            note=f"note {marker}",
            needs={domains[0].slug: (NeedStatus.URGENT, f"need {marker}"), domains[1].slug: (NeedStatus.SERIOUS, "")},
        )
        rows[type(assessment)] = assessment
        rows[Need] = assessment.needs.first()
        goal = services.goal_create(case=case, actor=worker, domain=domains[0], title=f"goal {marker}")
        rows[type(goal)] = goal
        action = services.action_create(
            goal=goal, actor=worker, description=f"action {marker}", owner=worker, due_on=today - timedelta(days=1)
        )
        rows[type(action)] = action
        contact = services.contact_log(
            case=case, actor=worker, happened_on=today, kind=ContactKind.IN_PERSON, minutes=45, notes=f"talk {marker}"
        )
        rows[type(contact)] = contact
        document = services.document_add(
            case=case,
            actor=worker,
            title=f"letter {marker}",
            data=f"%PDF-1.4 {marker}".encode(),
            content_type="application/pdf",
            extension="pdf",
        )
        rows[type(document)] = document
        service = a_service(receiver, skip=0 if receiver is None else 1)
        consent = services.consent_record(
            case=case,
            actor=worker,
            purposes=[Purpose.CASEWORK, Purpose.REFERRAL, Purpose.EXPORT],
            shared_items=[SharedItem.WORKING_NAME, SharedItem.NEEDS, SharedItem.NOTES],
            any_service=True,
            services=[],
            note=f"consent {marker}",
            given_on=today - timedelta(days=30),
            valid_until=today + timedelta(days=365),
        )
        rows[type(consent)] = consent
        referral = services.referral_send(
            case=case, actor=worker, service=service, items=[SharedItem.WORKING_NAME], message=f"please {marker}"
        )
        rows[type(referral)] = referral
        rows[CaseSettings] = services.settings_update(
            organisation=organisation, actor=worker, retention_months=24, follow_up_months="3,6"
        )
        closed = services.case_close(
            case=case,
            actor=worker,
            expected_version=case.version,
            outcome=Outcome.EXITED,
            closed_on=today,
            note=f"closing {marker}",
            follow_up=True,
        )
        rows[type(closed)] = closed
        rows[FollowUp] = closed.follow_ups.first()
        rows[PlanAttachment] = PlanAttachment.objects.create(
            organisation=organisation, case=case, code=f"CODE {marker}", attached_on=today, worker=worker
        )
        rows[PurgeRecord] = PurgeRecord.objects.create(organisation=organisation, purged_on=today, cases=0)
    if receiver is not None:
        with scope(organisation=receiver):
            rows[IncomingReferral] = IncomingReferral.objects.get(referral=referral)
    return rows


def past(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)
