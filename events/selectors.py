"""Reads for events. Functions given an organisation open its scope themselves."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import Organisation
from core.scopes import scope
from events.models import Event, Registration, RegistrationStatus
from events.services import ticket_lookup


def upcoming_events(organisation: Organisation) -> QuerySet[Event]:
    with scope(organisation=organisation):
        return Event.objects.filter(published=True, ends_at__gte=timezone.now()).order_by("starts_at")


def event_get(organisation: Organisation, event_id: str, *, published_only: bool = True) -> Event | None:
    try:
        pk = uuid.UUID(str(event_id))
    except ValueError:
        return None
    with scope(organisation=organisation):
        events = Event.objects.filter(pk=pk)
        if published_only:
            events = events.filter(published=True)
        return events.first()


def staff_events(organisation: Organisation) -> QuerySet[Event]:
    with scope(organisation=organisation):
        return Event.objects.annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
            waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
            requested=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REQUESTED)),
        ).order_by("-starts_at")


def registrations_of(event: Event) -> list[Registration]:
    with scope(organisation=event.organisation_id):
        return list(Registration.objects.filter(event=event).exclude(status=RegistrationStatus.CANCELLED))


def registration_get(organisation: Organisation, registration_id: str) -> Registration | None:
    try:
        pk = uuid.UUID(str(registration_id))
    except ValueError:
        return None
    with scope(organisation=organisation):
        return Registration.objects.filter(pk=pk).select_related("event").first()


def registration_by_ticket(organisation: Organisation, code: str) -> Registration | None:
    with scope(organisation=organisation):
        return Registration.objects.filter(ticket_lookup=ticket_lookup(code)).select_related("event").first()


@dataclass(frozen=True)
class Places:
    capacity: int
    confirmed: int
    waiting: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.confirmed, 0)


def places(event: Event) -> Places:
    with scope(organisation=event.organisation_id):
        regs = Registration.objects.filter(event=event)
        return Places(
            event.capacity,
            regs.filter(status=RegistrationStatus.CONFIRMED).count(),
            regs.filter(status=RegistrationStatus.WAITING).count(),
        )


def address_visible(event: Event, registration: Registration | None = None) -> bool:
    """The address of an event for sex workers only is shown only to people whose attendance was accepted
    and who have a place."""
    if not event.sex_workers_only:
        return True
    return registration is not None and registration.status == RegistrationStatus.CONFIRMED
