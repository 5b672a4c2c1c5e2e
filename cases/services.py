"""Writes of case management. Keyword-only arguments, ``full_clean()``, one transaction, one audit entry.

Every service is called inside the organisation's scope (views run in it; the demo seeder and the purge open
it). Edits of a case or a goal carry the version the worker saw: a stale one raises :class:`Conflict`.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from audit.services import Action, audit_log
from cases.consent import consent_required
from cases.models import (
    Assessment,
    Assignment,
    Case,
    CaseSettings,
    CaseStatus,
    Client,
    Consent,
    Contact,
    Document,
    FollowUp,
    FollowUpStatus,
    Goal,
    GoalStatus,
    IncomingReferral,
    Need,
    Outcome,
    PlanAction,
    PlanAttachment,
    Profile,
    Purpose,
    Referral,
    ReferralStatus,
    SharedItem,
)
from core.scopes import scope
from directory.models import Service
from plans import services as plan_services
from vocabulary.models import Domain


class Conflict(Exception):
    """Someone else saved this record since the form was opened."""

    def __init__(self, current_version: int) -> None:
        super().__init__(current_version)
        self.current_version = current_version


def today() -> date:
    return timezone.localdate()


def _log(actor: User | None, action: str, target: Any) -> None:
    audit_log(actor=actor, action=action, target=target, organisation_id=target.organisation_id)


def _save(instance: Any, **clean: Any) -> None:
    instance.full_clean(**clean)
    instance.save()


# --- Settings and profiles -----------------------------------------------------------------------


def settings_for(*, organisation: Organisation) -> CaseSettings:
    found = CaseSettings.objects.filter(organisation=organisation).first()
    return found or CaseSettings(organisation=organisation)


def settings_update(
    *, organisation: Organisation, actor: User, retention_months: int, follow_up_months: str
) -> CaseSettings:
    with transaction.atomic():
        current = settings_for(organisation=organisation)
        current.retention_months = retention_months
        current.follow_up_months = follow_up_months
        _save(current)
        _log(actor, Action.UPDATE, current)
    return current


def profile_save(
    *,
    organisation: Organisation,
    actor: User | None,
    slug: str,
    name: dict[str, str],
    description: dict[str, str],
    position: int = 0,
    is_active: bool = True,
) -> Profile:
    with transaction.atomic():
        profile = Profile.objects.filter(organisation=organisation, slug=slug).first()
        profile = profile or Profile(organisation=organisation, slug=slug)
        profile.name, profile.description, profile.position, profile.is_active = name, description, position, is_active
        _save(profile)
        _log(actor, Action.UPDATE, profile)
    return profile


SEED_PROFILE = {
    "slug": "autonomous-practical",
    "name": {
        "en": "Autonomous, with practical questions",
        "nl": "Autonoom, met praktische vragen",
        "fr": "Autonome, avec des questions pratiques",
    },
    "description": {
        "en": "Chose this work themselves, to earn money for a goal and out of interest in the work, and never "
        "depended on it completely. Stopping is a career switch: they mostly need practical help, such as "
        "applying for benefits and finding other paid work. (One of three profiles from Regioplan research "
        'on exit programmes, in Sociaal Bestek: "Stoppen met sekswerk: een vak apart".)',
        "nl": "Koos zelf voor dit werk, om geld te verdienen voor een doel en uit interesse in het werk, en was er "
        "nooit helemaal van afhankelijk. Stoppen is een carrièreswitch: vooral praktische hulp is nodig, zoals "
        "een uitkering aanvragen en ander betaald werk vinden. (Een van drie profielen uit onderzoek van Regioplan "
        'naar uitstapprogramma\'s, in Sociaal Bestek: "Stoppen met sekswerk: een vak apart".)',
        "fr": "A choisi ce travail, pour gagner de l'argent en vue d'un but et par intérêt pour le travail, sans "
        "jamais en dépendre complètement. Arrêter est un changement de carrière : il faut surtout une aide "
        "pratique, comme demander une allocation et trouver un autre travail payé. "
        "(Un des trois profils d'une recherche de Regioplan sur les programmes de sortie, "
        "dans Sociaal Bestek : « Stoppen met sekswerk: een vak apart ».)",
    },
}


def profiles_ensure(*, organisation: Organisation) -> list[Profile]:
    """The organisation's profiles; an organisation without any starts with the one seed 002 describes."""
    profiles = list(Profile.objects.filter(organisation=organisation))
    if not profiles:
        profiles = [profile_save(organisation=organisation, actor=None, **SEED_PROFILE)]  # type: ignore[arg-type]
    return profiles


# --- Clients and cases ---------------------------------------------------------------------------


def _next_reference(organisation: Organisation) -> str:
    count = Client.objects.filter(organisation=organisation).count()
    while True:
        count += 1
        reference = f"C-{count:04d}"
        if not Client.objects.filter(organisation=organisation, reference=reference).exists():
            return reference


def client_create(
    *,
    organisation: Organisation,
    actor: User,
    working_name: str,
    contact_route: str,
    opened_on: date,
    sub_branch: str = "",
    languages: list[str] | None = None,
    region: Any = None,
    duup_centre: Any = None,
    profile: Profile | None = None,
    start_circumstances: str = "",
    start_motives: str = "",
    wishes: str = "",
    lead: User | None = None,
) -> Case:
    """First contact: a pseudonymous client and their case, with the worker as its lead."""
    with transaction.atomic():
        client = Client(
            organisation=organisation,
            reference=_next_reference(organisation),
            working_name=working_name.strip(),
            contact_route=contact_route,
            sub_branch=sub_branch,
            languages=languages or [],
            region=region,
            duup_centre=duup_centre,
        )
        _save(client)
        case = Case(
            organisation=organisation,
            client=client,
            opened_on=opened_on,
            lead=lead or actor,
            profile=profile,
            start_circumstances=start_circumstances,
            start_motives=start_motives,
            wishes=wishes,
        )
        _save(case)
        Assignment.objects.create(organisation=organisation, case=case, worker=lead or actor)
        _log(actor, Action.CREATE, client)
        _log(actor, Action.CREATE, case)
    return case


def _locked_case(case: Case, expected_version: int) -> Case:
    locked = Case.objects.select_for_update().select_related("client").get(pk=case.pk)
    if locked.version != expected_version:
        raise Conflict(locked.version)
    return locked


CASE_FIELDS = ("profile", "start_circumstances", "start_motives", "wishes")
CLIENT_FIELDS = ("working_name", "sub_branch", "contact_route", "languages", "region", "duup_centre")


def case_update(*, case: Case, actor: User, expected_version: int, **changes: Any) -> Case:
    """Change the intake and client details, if nobody saved the case since ``expected_version``."""
    unknown = set(changes) - set(CASE_FIELDS) - set(CLIENT_FIELDS)
    if unknown:
        raise TypeError(f"case_update does not change {sorted(unknown)}")
    with transaction.atomic():
        locked = _locked_case(case, expected_version)
        client = locked.client
        for name, value in changes.items():
            setattr(client if name in CLIENT_FIELDS else locked, name, value)
        _save(client)
        locked.version += 1
        _save(locked)
        _log(actor, Action.UPDATE, locked)
    return locked


IDENTITY_FIELDS = ("legal_name", "birth_year", "phone", "email", "contact_notes")


def identity_update(*, client: Client, actor: User, **values: str) -> Client:
    """The optional identity and contact fields (the view asks for re-authentication first)."""
    with transaction.atomic():
        for name in IDENTITY_FIELDS:
            if name in values:
                setattr(client, name, values[name].strip())
        _save(client)
        _log(actor, Action.UPDATE, client)
    return client


def case_assign(*, case: Case, actor: User, workers: list[User], restricted: bool) -> Case:
    """Who works on the case, and whether only they may open it. The lead always stays assigned."""
    with transaction.atomic():
        wanted = {worker.pk for worker in workers} | ({case.lead_id} if case.lead_id else set())
        Assignment.objects.filter(case=case).exclude(worker_id__in=wanted).delete()
        have = set(Assignment.objects.filter(case=case).values_list("worker_id", flat=True))
        for worker_id in wanted - have:
            Assignment.objects.create(organisation_id=case.organisation_id, case=case, worker_id=worker_id)
        Case.objects.filter(pk=case.pk).update(restricted=restricted)
        case.restricted = restricted
        _log(actor, Action.UPDATE, case)
    return case


def case_transfer(*, case: Case, actor: User, to: User, expected_version: int) -> Case:
    """Hand the case to another worker: they become its lead; the previous lead is no longer assigned."""
    with transaction.atomic():
        locked = _locked_case(case, expected_version)
        previous = locked.lead_id
        locked.lead = to
        locked.version += 1
        locked.save(update_fields=["lead", "version"])
        Assignment.objects.get_or_create(organisation_id=locked.organisation_id, case=locked, worker=to)
        if previous and previous != to.pk:
            Assignment.objects.filter(case=locked, worker_id=previous).delete()
        _log(actor, Action.UPDATE, locked)
    return locked


# --- Consent -------------------------------------------------------------------------------------


def consent_record(
    *,
    case: Case,
    actor: User,
    purposes: list[str],
    shared_items: list[str],
    any_service: bool,
    services: list[Service],
    note: str,
    given_on: date,
    valid_until: date,
) -> Consent:
    if valid_until < given_on:
        raise ValidationError({"valid_until": _("The end date comes before the date it was given.")})
    with transaction.atomic():
        consent = Consent(
            organisation_id=case.organisation_id,
            case=case,
            purposes=[p for p in Purpose.values if p in purposes],
            shared_items=[i for i in SharedItem.values if i in shared_items],
            any_service=any_service,
            note=note.strip(),
            given_on=given_on,
            valid_until=valid_until,
            recorded_by=actor,
        )
        _save(consent)
        consent.services.set(services)
        _log(actor, Action.CREATE, consent)
    return consent


def consent_withdraw(*, consent: Consent, actor: User, on: date | None = None) -> Consent:
    """Withdrawal takes effect at once: nothing more passes ``consent_required`` on it, and referrals sent
    under it that were not answered yet are withdrawn (the receiver's copy of what was shared is erased)."""
    on = on or today()
    with transaction.atomic():
        consent.withdrawn_on = on
        consent.save(update_fields=["withdrawn_on"])
        for referral in Referral.objects.filter(consent=consent, status=ReferralStatus.SENT):
            _referral_withdraw(referral, actor)
        _log(actor, Action.UPDATE, consent)
    return consent


# --- Assessments and plan ------------------------------------------------------------------------


def assessment_create(
    *, case: Case, actor: User, assessed_on: date, note: str, needs: dict[str, tuple[int, str]]
) -> Assessment:
    """``needs`` maps a life-domain slug to (status, notes); domains left out were not assessed."""
    if not needs:
        raise ValidationError(_("Give a status for at least one life domain."))
    domains = {domain.slug: domain for domain in Domain.objects.filter(slug__in=list(needs))}
    with transaction.atomic():
        assessment = Assessment(
            organisation_id=case.organisation_id, case=case, assessed_on=assessed_on, note=note.strip(), worker=actor
        )
        _save(assessment)
        for slug, (status, notes) in needs.items():
            if slug not in domains:
                raise ValidationError(_("Unknown life domain."))
            need = Need(
                organisation_id=case.organisation_id,
                assessment=assessment,
                domain=domains[slug],
                status=status,
                notes=notes.strip(),
            )
            _save(need, exclude=["assessment"])
        _log(actor, Action.CREATE, assessment)
    return assessment


def goal_create(*, case: Case, actor: User, domain: Domain, title: str) -> Goal:
    with transaction.atomic():
        goal = Goal(
            organisation_id=case.organisation_id, case=case, domain=domain, title=title.strip(), created_on=today()
        )
        _save(goal)
        _log(actor, Action.CREATE, goal)
    return goal


def goal_update(*, goal: Goal, actor: User, expected_version: int, domain: Domain, title: str, status: str) -> Goal:
    with transaction.atomic():
        locked = Goal.objects.select_for_update().get(pk=goal.pk)
        if locked.version != expected_version:
            raise Conflict(locked.version)
        locked.domain, locked.title, locked.status = domain, title.strip(), status
        locked.version += 1
        _save(locked)
        _log(actor, Action.UPDATE, locked)
    return locked


def action_create(*, goal: Goal, actor: User, description: str, owner: User | None, due_on: date) -> PlanAction:
    with transaction.atomic():
        action = PlanAction(
            organisation_id=goal.organisation_id,
            case_id=goal.case_id,
            goal=goal,
            description=description.strip(),
            owner=owner,
            due_on=due_on,
        )
        _save(action)
        _log(actor, Action.CREATE, action)
    return action


def action_mark(*, action: PlanAction, actor: User, done: bool) -> PlanAction:
    with transaction.atomic():
        action.done_on = today() if done else None
        action.save(update_fields=["done_on"])
        _log(actor, Action.UPDATE, action)
    return action


# --- Contacts and documents ----------------------------------------------------------------------


def contact_log(*, case: Case, actor: User, happened_on: date, kind: str, minutes: int, notes: str) -> Contact:
    with transaction.atomic():
        contact = Contact(
            organisation_id=case.organisation_id,
            case=case,
            happened_on=happened_on,
            kind=kind,
            minutes=minutes,
            notes=notes.strip(),
            worker=actor,
        )
        _save(contact)
        _log(actor, Action.CREATE, contact)
    return contact


def document_add(*, case: Case, actor: User, title: str, data: bytes, content_type: str, extension: str) -> Document:
    """Store a file already checked and cleaned by ``lib.uploads.clean_upload``: encrypted, as base64."""
    with transaction.atomic():
        document = Document(
            organisation_id=case.organisation_id,
            case=case,
            title=title.strip(),
            content_type=content_type,
            extension=extension,
            size=len(data),
            data=base64.b64encode(data).decode("ascii"),
            uploaded_on=today(),
            worker=actor,
        )
        _save(document)
        _log(actor, Action.CREATE, document)
    return document


def document_read(*, document: Document, actor: User) -> bytes:
    _log(actor, Action.READ, document)
    return base64.b64decode(document.data)


def document_delete(*, document: Document, actor: User) -> None:
    with transaction.atomic():
        _log(actor, Action.DELETE, document)
        document.delete()


# --- Referrals -----------------------------------------------------------------------------------


def _shared_payload(case: Case, items: list[str], message: str) -> dict[str, Any]:
    client = case.client
    payload: dict[str, Any] = {"reference": "", "items": items}
    if SharedItem.WORKING_NAME in items:
        payload["working_name"] = client.working_name
    if SharedItem.CONTACT in items:
        payload["contact"] = {name: getattr(client, name) for name in IDENTITY_FIELDS if getattr(client, name)}
    if SharedItem.NEEDS in items:
        latest = case.assessments.order_by("-assessed_on", "-id").first()
        if latest is not None:
            payload["needs"] = [
                {"domain": need.domain.slug, "status": need.status} for need in latest.needs.select_related("domain")
            ]
    if SharedItem.PLAN in items:
        payload["goals"] = [
            {"domain": goal.domain.slug, "title": goal.title}
            for goal in case.goals.filter(status=GoalStatus.OPEN).select_related("domain")
        ]
    if SharedItem.NOTES in items and message:
        payload["message"] = message
    return payload


def referral_send(*, case: Case, actor: User, service: Service, items: list[str], message: str) -> Referral:
    """Refer to a directory service, sharing only what a valid consent covers (``consent_required``).

    When a Haven organisation keeps the service's listing, the referral lands in its inbox."""
    items = [item for item in SharedItem.values if item in items]
    if message.strip() and SharedItem.NOTES not in items:
        items.append(SharedItem.NOTES)
    consent = consent_required(case, purpose=Purpose.REFERRAL, items=items, service=service)
    receiver = service.organization.owner
    with transaction.atomic():
        referral = Referral(
            organisation_id=case.organisation_id,
            case=case,
            service=service,
            service_name=str(service)[:200],
            to_organisation=receiver,
            consent=consent,
            shared_items=items,
            message=message.strip(),
            sent_on=today(),
            worker=actor,
        )
        _save(referral)
        _log(actor, Action.SHARE, referral)
        if receiver is not None and receiver.is_active:
            payload = _shared_payload(case, items, message.strip())
            with scope(organisation=receiver):
                incoming = IncomingReferral(
                    organisation=receiver,
                    referral=referral,
                    from_name=_organisation_name(case),
                    service_name=referral.service_name,
                    shared=json.dumps(payload),
                    received_on=today(),
                )
                incoming.full_clean(exclude=["referral"])
                incoming.save()
                audit_log(actor=actor, action=Action.CREATE, target=incoming, organisation_id=receiver.pk)
    return referral


def _organisation_name(case: Case) -> str:
    return case.organisation.name[:200]


def _referral_withdraw(referral: Referral, actor: User) -> None:
    referral.status = ReferralStatus.WITHDRAWN
    referral.answered_on = today()
    referral.save(update_fields=["status", "answered_on"])
    _log(actor, Action.UPDATE, referral)
    if referral.to_organisation_id:
        with scope(organisation=referral.to_organisation_id):
            for incoming in IncomingReferral.objects.filter(referral=referral):
                incoming.status = ReferralStatus.WITHDRAWN
                incoming.shared = json.dumps({"withdrawn": True})
                incoming.save()
                audit_log(actor=actor, action=Action.UPDATE, target=incoming, organisation_id=incoming.organisation_id)


def referral_withdraw(*, referral: Referral, actor: User) -> Referral:
    with transaction.atomic():
        if referral.status == ReferralStatus.SENT:
            _referral_withdraw(referral, actor)
    return referral


def incoming_answer(*, incoming: IncomingReferral, actor: User, accept: bool, answer: str) -> IncomingReferral:
    """The receiving organisation accepts or declines; the referring organisation sees the new status."""
    if incoming.status != ReferralStatus.SENT:
        raise ValidationError(_("This referral was already answered or withdrawn."))
    status = ReferralStatus.ACCEPTED if accept else ReferralStatus.DECLINED
    with transaction.atomic():
        incoming.status = status
        incoming.answer = answer.strip()
        incoming.answered_on = today()
        incoming.answered_by = actor
        _save(incoming, exclude=["referral"])
        _log(actor, Action.UPDATE, incoming)
        referral = incoming.referral
        if referral is not None:
            with scope(organisation=referral.organisation_id):
                Referral.objects.filter(pk=referral.pk, status=ReferralStatus.SENT).update(
                    status=status, answered_on=today()
                )
                audit_log(actor=actor, action=Action.UPDATE, target=referral, organisation_id=referral.organisation_id)
    return incoming


# --- The person's own plan -----------------------------------------------------------------------


@dataclass
class Attached:
    attachment: PlanAttachment
    snapshot: plan_services.Snapshot


def plan_attach(*, case: Case, actor: User, code: str) -> Attached | None:
    """Redeem the person's share code (``plans.services.share_open``) and attach the snapshot to the case."""
    organisation = case.organisation
    snapshot = plan_services.share_open(code=code, organisation=organisation, actor=actor)
    if snapshot is None:
        return None
    with transaction.atomic():
        attachment = PlanAttachment.objects.filter(case=case, share=snapshot.share).first()
        if attachment is None:
            attachment = PlanAttachment(
                organisation_id=case.organisation_id, case=case, share=snapshot.share, attached_on=today(), worker=actor
            )
        attachment.code = code.strip()
        _save(attachment)
        _log(actor, Action.CREATE, attachment)
    return Attached(attachment, snapshot)


def plan_attachment_open(*, attachment: PlanAttachment, actor: User) -> plan_services.Snapshot | None:
    """Open the attached snapshot again (the person sees the opening); None once they stopped sharing."""
    return plan_services.share_open(code=attachment.code, organisation=attachment.case.organisation, actor=actor)


# --- Closing, follow-up, export and deletion -----------------------------------------------------


def case_close(
    *,
    case: Case,
    actor: User,
    expected_version: int,
    outcome: str,
    closed_on: date,
    note: str,
    follow_up: bool,
) -> Case:
    """Close with an outcome. After an exit, check-ins are planned (by default at 3 and 6 months) unless the
    person does not want them; each can still be declined later."""
    with transaction.atomic():
        locked = _locked_case(case, expected_version)
        if locked.status == CaseStatus.CLOSED:
            raise ValidationError(_("This case is already closed."))
        locked.status = CaseStatus.CLOSED
        locked.outcome = outcome
        locked.closed_on = closed_on
        locked.closing_note = note.strip()
        locked.version += 1
        _save(locked)
        if follow_up and outcome in (Outcome.EXITED, Outcome.PARTLY):
            for months in settings_for(organisation=locked.organisation).follow_up_list():
                FollowUp.objects.create(
                    organisation_id=locked.organisation_id,
                    case=locked,
                    months=months,
                    due_on=_add_months(closed_on, months),
                )
        PlanAction.objects.filter(case=locked, done_on__isnull=True, reminded_on__isnull=True).update(
            reminded_on=closed_on
        )  # no more reminders for a closed case
        _log(actor, Action.UPDATE, locked)
    return locked


def case_reopen(*, case: Case, actor: User, expected_version: int) -> Case:
    """Someone returns (about a third within half a year, seed 002's programmes say): the case opens again."""
    with transaction.atomic():
        locked = _locked_case(case, expected_version)
        locked.status = CaseStatus.OPEN
        locked.closed_on = None
        locked.version += 1
        locked.save(update_fields=["status", "closed_on", "version"])
        FollowUp.objects.filter(case=locked, status=FollowUpStatus.PLANNED).delete()
        _log(actor, Action.UPDATE, locked)
    return locked


def _add_months(start: date, months: int) -> date:
    month = start.month - 1 + months
    year = start.year + month // 12
    month = month % 12 + 1
    day = min(start.day, [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    return date(year, month, day)


def follow_up_record(*, follow_up: FollowUp, actor: User, status: str, returned: bool | None, note: str) -> FollowUp:
    """Record a check-in. When the person declines, the later ones are cancelled too."""
    with transaction.atomic():
        follow_up.status = status
        follow_up.returned = returned if status == FollowUpStatus.DONE else None
        follow_up.note = note.strip()
        follow_up.done_on = today()
        _save(follow_up)
        if status == FollowUpStatus.DECLINED:
            later = FollowUp.objects.filter(case_id=follow_up.case_id, status=FollowUpStatus.PLANNED)
            later.update(status=FollowUpStatus.DECLINED, done_on=today())
        _log(actor, Action.UPDATE, follow_up)
    return follow_up


def case_export(*, case: Case, actor: User) -> dict[str, Any]:
    """A copy of the whole file, for handing over: only with a consent that covers it."""
    consent_required(case, purpose=Purpose.EXPORT)
    client = case.client
    data: dict[str, Any] = {
        "reference": client.reference,
        "working_name": client.working_name,
        "identity": {name: getattr(client, name) for name in IDENTITY_FIELDS},
        "sub_branch": client.sub_branch,
        "contact_route": client.contact_route,
        "languages": client.languages,
        "opened_on": case.opened_on.isoformat(),
        "status": case.status,
        "intake": {name: getattr(case, name) for name in ("start_circumstances", "start_motives", "wishes")},
        "assessments": [
            {
                "on": assessment.assessed_on.isoformat(),
                "note": assessment.note,
                "needs": [
                    {"domain": need.domain.slug, "status": need.status, "notes": need.notes}
                    for need in assessment.needs.select_related("domain")
                ],
            }
            for assessment in case.assessments.all()
        ],
        "goals": [
            {
                "domain": goal.domain.slug,
                "title": goal.title,
                "status": goal.status,
                "actions": [
                    {
                        "action": action.description,
                        "due_on": action.due_on.isoformat(),
                        "done_on": action.done_on.isoformat() if action.done_on else None,
                    }
                    for action in goal.actions.all()
                ],
            }
            for goal in case.goals.select_related("domain")
        ],
        "contacts": [
            {"on": c.happened_on.isoformat(), "kind": c.kind, "minutes": c.minutes, "notes": c.notes}
            for c in case.contacts.all()
        ],
        "referrals": [
            {"service": r.service_name, "status": r.status, "sent_on": r.sent_on.isoformat()}
            for r in case.referrals.all()
        ],
        "closed_on": case.closed_on.isoformat() if case.closed_on else None,
        "outcome": case.outcome,
        "closing_note": case.closing_note,
    }
    _log(actor, Action.EXPORT, case)
    return data


def case_delete(*, case: Case, actor: User) -> None:
    """Delete a case and everything in it, now (the person asked): the client too if no other case is left."""
    with transaction.atomic():
        client = case.client
        _log(actor, Action.DELETE, case)
        _delete_case(case)
        if not Case.objects.filter(client=client).exists():
            _log(actor, Action.DELETE, client)
            client.delete()


def _delete_case(case: Case) -> dict[str, int]:
    counts: dict[str, int] = {}
    for model, label in (
        (Contact, "contacts"),
        (Document, "documents"),
        (PlanAction, "actions"),
        (Goal, "goals"),
        (Need, "needs"),
        (Assessment, "assessments"),
        (FollowUp, "follow_ups"),
        (PlanAttachment, "plan_attachments"),
        (Referral, "referrals"),
        (Consent, "consents"),
    ):
        lookup = {"assessment__case": case} if model is Need else {"case": case}
        counts[label] = model.objects.filter(**lookup).count()  # type: ignore[attr-defined]
    Case.objects.filter(pk=case.pk).delete()
    return counts
