"""Newsletters to an organisation's members, composed in several languages, sent in each member's language.

No open or click tracking: plain-text emails, no images, no rewritten links. A newsletter keeps counts, never
who received it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.i18n import TranslatedField
from core.scopes import ScopedManager


class Segment(models.TextChoices):
    ALL = "all", _("All members on the mailing list")
    ACTIVE = "active", _("Active members")
    LANGUAGE = "language", _("Members who read one language")


class NewsletterStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class Newsletter(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    subject = TranslatedField(_("subject"), blank=False)
    body = TranslatedField(_("text"), blank=False)
    segment = models.CharField(_("send to"), max_length=20, choices=Segment.choices, default=Segment.ALL)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    status = models.CharField(max_length=20, choices=NewsletterStatus.choices, default=NewsletterStatus.DRAFT)
    total = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)  # left the list between queueing and sending
    failed = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"newsletter {self.pk}"

    @property
    def done(self) -> int:
        return self.sent + self.skipped + self.failed

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)
