"""Writes for events: saving events, registering, the waiting list, giving a place back, reminders, forgetting.

Places are counted with the event's row locked (``select_for_update``) inside the transaction that changes a
registration, so two people registering at once cannot both take the last place (tested on PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from accounts.models import Organisation, User
from accounts.selectors import active_organisations
from audit.services import Action, audit_log
from core.email import email_enqueue
from core.i18n import pick
from core.scopes import scope
from events.models import Event, Registration, RegistrationStatus
from lib.codes import READABLE, random_code
from members.models import Member
from members.selectors import is_voting_member

KEEP_AFTER_EVENT = timedelta(days=30)
REMIND_BEFORE = timedelta(hours=48)
TICKET_ALPHABET = READABLE


def new_ticket_code() -> str:
    return random_code(TICKET_ALPHABET, 12)


def ticket_lookup(code: str) -> str:
    normal = "".join(ch for ch in code.upper() if ch.isalnum())
    return salted_hmac("haven.events.ticket", normal, algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class Registered:
    registration: Registration
    code: str  # the ticket code, shown once


def event_save(*, actor: User, organisation: Organisation, event: Event | None = None, **fields: Any) -> Event:
    with transaction.atomic(), scope(organisation=organisation):
        event = event or Event(organisation=organisation)
        for name, value in fields.items():
            setattr(event, name, value)
        event.full_clean()
        event.save()
        audit_log(actor=actor, action=Action.UPDATE, target=event)
        _fill_places(event)
    return event


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _confirmed_count(event: Event) -> int:
    return Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()


def _ticket_page(organisation: Organisation, language: str, base_url: str) -> str:
    with translation.override(language):
        return base_url.rstrip("/") + reverse("events:ticket", kwargs={"org": organisation.slug})


def _notify(registration: Registration, template: str, *, base_url: str, code: str = "") -> None:
    if not registration.email:
        return
    event = registration.event
    email_enqueue(
        to=registration.email,
        template=f"events/email/{template}",
        context={
            "pseudonym": registration.pseudonym,
            "title": pick(event.title, registration.language).text,
            "starts_at": timezone.localtime(event.starts_at).strftime("%Y-%m-%d %H:%M"),
            "city": event.city,
            "status": registration.status,
            "code": code,
            "link": _ticket_page(event.organisation, registration.language, base_url),
        },
        language=registration.language,
    )


def registration_create(
    *,
    event: Event,
    pseudonym: str,
    language: str,
    email: str = "",
    member: Member | None = None,
    base_url: str = "",
) -> Registered:
    """Take a place, a place on the waiting list, or (events for sex workers only, for people who are not
    voting members) ask the organisation to accept the attendance first."""
    code = new_ticket_code()
    with transaction.atomic(), scope(organisation=event.organisation_id):
        event = _locked(event)
        if event.sex_workers_only and not (member is not None and is_voting_member(member)):
            status = RegistrationStatus.REQUESTED
        elif _confirmed_count(event) < event.capacity:
            status = RegistrationStatus.CONFIRMED
        else:
            status = RegistrationStatus.WAITING
        registration = Registration(
            organisation_id=event.organisation_id,
            event=event,
            member=member,
            pseudonym=pseudonym.strip(),
            email=email.strip(),
            language=language,
            status=status,
            ticket_lookup=ticket_lookup(code),
        )
        registration.full_clean()
        registration.save()
        audit_log(actor=None, action=Action.CREATE, target=registration)
        _notify(registration, "registered", base_url=base_url, code=code)
    return Registered(registration, code)


def _fill_places(event: Event, *, base_url: str = "") -> list[Registration]:
    """Give free places to the people waiting, first come first served."""
    promoted: list[Registration] = []
    free = event.capacity - _confirmed_count(event)
    if free <= 0:
        return promoted
    for waiting in Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).order_by("created_at")[
        :free
    ]:
        waiting.status = RegistrationStatus.CONFIRMED
        waiting.save(update_fields=["status"])
        audit_log(actor=None, action=Action.UPDATE, target=waiting)
        _notify(waiting, "place", base_url=base_url)
        promoted.append(waiting)
    return promoted


def registration_accept(*, actor: User, registration: Registration, base_url: str = "") -> Registration:
    """The organisation accepts someone's attendance at an event for sex workers only."""
    with transaction.atomic(), scope(organisation=registration.organisation_id):
        event = _locked(registration.event)
        registration.refresh_from_db(fields=["status"])
        if registration.status == RegistrationStatus.REQUESTED:
            full = _confirmed_count(event) >= event.capacity
            registration.status = RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED
            registration.save(update_fields=["status"])
            audit_log(actor=actor, action=Action.UPDATE, target=registration)
            _notify(registration, "accepted", base_url=base_url)
    return registration


def registration_cancel(*, registration: Registration, actor: User | None = None, base_url: str = "") -> Registration:
    """Leave the waiting list, withdraw a request, or give a place back (the first person waiting gets it)."""
    with transaction.atomic(), scope(organisation=registration.organisation_id):
        event = _locked(registration.event)
        registration.refresh_from_db(fields=["status"])
        if registration.status != RegistrationStatus.CANCELLED:
            registration.status = RegistrationStatus.CANCELLED
            registration.save(update_fields=["status"])
            audit_log(actor=actor, action=Action.UPDATE, target=registration)
            if event.ends_at > timezone.now():
                _fill_places(event, base_url=base_url)
    return registration


def reminders_send(*, now: datetime | None = None, base_url: str = "") -> int:
    """Queue a reminder for each confirmed place with an address, for events in the next 48 hours (run hourly or
    daily by cron: `manage.py send_event_reminders`)."""
    now = now or timezone.now()
    sent = 0
    for organisation in active_organisations():
        with transaction.atomic(), scope(organisation=organisation):
            due = Registration.objects.filter(
                status=RegistrationStatus.CONFIRMED,
                reminded_at__isnull=True,
                event__starts_at__gt=now,
                event__starts_at__lte=now + REMIND_BEFORE,
            ).select_related("event")
            for registration in due:
                registration.reminded_at = now
                registration.save(update_fields=["reminded_at"])
                if registration.email:
                    _notify(registration, "reminder", base_url=base_url)
                    sent += 1
    return sent


def registrations_purge_expired() -> int:
    """Registrations go 30 days after their event ended (runs inside ``purge_expired``'s scope)."""
    cutoff = timezone.now() - KEEP_AFTER_EVENT
    deleted, _by_model = Registration.objects.filter(event__ends_at__lt=cutoff).delete()
    # The address of a past event for sex workers only is not needed any more either.
    for event in Event.objects.filter(ends_at__lt=cutoff, sex_workers_only=True).exclude(address=""):
        event.address = ""
        event.save(update_fields=["address"])
    return deleted


def on_member_forgotten(sender: object, organisation_id: int, member_id: Any, **kwargs: object) -> None:
    """A member is forgotten: their places go back to the people waiting, and their registrations keep no name."""
    with scope(organisation=organisation_id):
        for registration in list(Registration.objects.filter(member_id=member_id).select_related("event")):
            registration_cancel(registration=registration)
            registration.refresh_from_db()
            registration.pseudonym = ""
            registration.email = ""
            registration.member = None
            registration.save(update_fields=["pseudonym", "email", "member"])


def member_registrations_export(member: Member) -> list[dict[str, str]]:
    with scope(organisation=member.organisation_id):
        return [
            {
                "event": pick(r.event.title).text,
                "starts_at": r.event.starts_at.isoformat(),
                "name": r.pseudonym,
                "email": r.email,
                "status": r.status,
            }
            for r in Registration.objects.filter(member=member).select_related("event")
        ]
