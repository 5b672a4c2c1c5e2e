"""Anonymous incident reports, the conversation about each, warnings for sex workers, and matching without publishing.

A report belongs to the organisation that receives it: its rows sit in that organisation's scope and every free
text (what happened, the place, the perpetrator, the contact route, photos, messages) is encrypted with its data
key. In clear stay only what statistics need (kind, country, region, month) and what triage needs (status,
assignment, what the person asked for). No address, user agent or account is ever linked to a report; the person
comes back with a reply code, stored only as a keyed hash (``ReplyCode``).

Identifiers of perpetrators (phone, plate, online name) are kept only as keyed hashes. ``IdentifierCount`` holds,
for each hash, how many reports name it, and nothing else: no organisation, no report. A report whose hash has a
count above one "has a match"; nobody learns more.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Organisation
from core.i18n import TranslatedField, pick
from core.scopes import ScopedManager
from crypto.fields import EncryptedFieldsMixin, EncryptedTextField


class IncidentKind(models.TextChoices):
    VIOLENCE = "violence", _("Violence")
    SEXUAL_ASSAULT = "sexual-assault", _("Sexual assault or rape")
    ROBBERY = "robbery", _("Robbery or theft")
    HARASSMENT = "harassment", _("Harassment or stalking")
    REFUSED_PAY = "refused-pay", _("A client refused to pay")
    REFUSED_CONDOM = "refused-condom", _("A client refused to use a condom")
    EXPLOITATION = "exploitation", _("Exploitation or trafficking")
    OFFICIALS = "officials", _("Misconduct by police or officials")
    OTHER = "other", pgettext_lazy("incident kind", "Something else")


class Status(models.TextChoices):
    NEW = "new", pgettext_lazy("report status", "New")
    IN_PROGRESS = "in-progress", _("Being handled")
    WAITING = "waiting", _("Waiting for the person")
    CLOSED = "closed", pgettext_lazy("report status", "Closed")


class Desk(models.Model):
    """An organisation that receives reports, and where: a country and, if it says so, some of its regions."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="safety_desk")
    country = models.CharField(max_length=2)  # vocabulary code, upper case
    regions = models.JSONField(default=list, blank=True)  # region slugs; empty: the whole country
    is_open = models.BooleanField(default=True)

    class Meta:
        ordering = ["organisation__name"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.country})"

    def covers(self, *, country: str, region: str) -> bool:
        return self.is_open and self.country == country.upper() and (not self.regions or region in self.regions)


class Report(EncryptedFieldsMixin, models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=IncidentKind.choices)
    country = models.CharField(max_length=2)
    region = models.CharField(max_length=40)
    city = models.CharField(max_length=40, blank=True)
    month = models.DateField()  # the first day of the month it happened (or was reported): statistics only
    received_on = models.DateField(default=timezone.localdate)
    happened_on = EncryptedTextField(blank=True)
    place = EncryptedTextField(blank=True)
    what_happened = EncryptedTextField()
    appearance = EncryptedTextField(blank=True)
    phone = EncryptedTextField(blank=True)
    car = EncryptedTextField(blank=True)
    handle = EncryptedTextField(blank=True)
    contact = EncryptedTextField(blank=True)
    wants_warning = models.BooleanField(default=False)
    wants_help = models.BooleanField(default=False)
    wants_police = models.BooleanField(default=False)
    wants_match_news = models.BooleanField(default=False)
    consent_words = models.BooleanField(default=False)  # the person's own words may be published in a warning
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-received_on", "-pk"]

    def __str__(self) -> str:
        return f"Report {self.pk}"


class ReplyCode(models.Model):
    """The way back to a report: the keyed hash of its reply code, and where the report lives. Not the code."""

    code_hash = models.CharField(max_length=64, unique=True)
    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return "Reply code"


class Author(models.TextChoices):
    REPORTER = "reporter", _("The person who reported")
    STAFF = "staff", _("Moderator")
    NOTE = "note", _("Internal note")


class Message(EncryptedFieldsMixin, models.Model):
    """One message of the conversation about a report, or an internal note (never shown to the person)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    author = models.CharField(max_length=10, choices=Author.choices)
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    body = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Message {self.pk}"


class Photo(EncryptedFieldsMixin, models.Model):
    """A picture sent with a report: cleaned of its metadata, then kept encrypted (base64 of the bytes)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    content_type = models.CharField(max_length=40)
    data = EncryptedTextField()

    objects = ScopedManager("organisation")

    def __str__(self) -> str:
        return f"Photo {self.pk}"


class ReportIdentifier(models.Model):
    """A keyed hash of an identifier a report names (in the report's organisation only)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="identifiers")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64, db_index=True)

    objects = ScopedManager("organisation")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "digest"], name="safety_report_identifier_unique")]

    def __str__(self) -> str:
        return "Identifier"


class IdentifierCount(models.Model):
    """How many reports, at any organisation, name an identifier (by its keyed hash). Nothing else."""

    digest = models.CharField(max_length=64, unique=True)
    reports = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return "Identifier count"


class Alert(models.Model):
    """A warning for sex workers, written by a moderator in their own words; public and discreet; it expires."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("what happened"), max_length=20, choices=IncidentKind.choices)
    country = models.CharField(max_length=2)
    region = models.CharField(_("region"), max_length=40)
    description = TranslatedField(_("description"))
    published_on = models.DateField(default=timezone.localdate)
    expires_on = models.DateField(_("shown until"))
    withdrawn = models.BooleanField(default=False)

    class Meta:
        ordering = ["-published_on", "-pk"]

    def __str__(self) -> str:
        return pick(self.description).text[:40] or f"Warning {self.pk}"


class AlertIdentifier(models.Model):
    """A keyed hash of a phone number, plate or online name a warning mentions: what "check a number" looks up."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="identifiers")
    digest = models.CharField(max_length=64, db_index=True)

    def __str__(self) -> str:
        return "Warning identifier"
