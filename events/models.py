"""Events of a community organisation: monthly meetups, workshops, task forces.

Registration needs only a pseudonym. Each registration gets a ticket code (random, shown once, kept as a keyed
hash): with it the person sees their place, the address when the event is for sex workers only and their
attendance is accepted, and leaves the waiting list or gives their place back (the first person waiting gets it).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.i18n import TranslatedField
from core.scopes import ScopedManager
from crypto.fields import EncryptedTextField
from members.models import Member


class EventKind(models.TextChoices):
    MEETUP = "meetup", _("Meetup")
    WORKSHOP = "workshop", _("Workshop")
    TASK_FORCE = "task-force", _("Task force")
    OTHER = "other", _("Other event")


class Event(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind of event"), max_length=20, choices=EventKind.choices, default=EventKind.MEETUP)
    title = TranslatedField(_("title"), blank=False)
    description = TranslatedField(_("description"))
    city = models.CharField(_("city"), max_length=100)
    address = EncryptedTextField(_("address"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("places"), default=20)
    sex_workers_only = models.BooleanField(
        _("for sex workers only"),
        default=False,
        help_text=_("The address is shown only to people whose attendance you accepted."),
    )
    published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"event {self.pk}"


class RegistrationStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for the organisation to accept")
    CONFIRMED = "confirmed", _("Place confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    member = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    pseudonym = EncryptedTextField(_("name or pseudonym"))
    email = EncryptedTextField(_("email address for reminders (optional)"), blank=True)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="nl")
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices)
    ticket_lookup = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"registration {self.pk}"
