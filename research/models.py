"""Requests from journalists, students, researchers and artists who want to work with the organisation.

The organisation asks for a clear set of questions before it involves its community (seed 001): research
questions, duration, how interviews are anonymised, compensation, who asks and by when. Everything that names
or describes the requester is encrypted under the organisation's data key; rows are organisation-scoped.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.scopes import ScopedManager
from crypto.fields import EncryptedFieldsMixin, EncryptedTextField


class RequesterKind(models.TextChoices):
    JOURNALIST = "journalist", _("Journalist")
    STUDENT = "student", _("Student")
    RESEARCHER = "researcher", _("Researcher")
    ARTIST = "artist", _("Artist, writer or film maker")
    ORGANISATION = "organisation", _("Organisation")
    OTHER = "other", _("Other")


class Decision(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    REFUSED = "refused", _("Refused")
    REFERRED = "referred", _("Referred to an expert")


class ResearchRequest(EncryptedFieldsMixin, models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = EncryptedTextField(_("your name"))
    email = EncryptedTextField(_("email address"))
    kind = models.CharField(_("you are"), max_length=20, choices=RequesterKind.choices)
    affiliation = EncryptedTextField(_("media, school or organisation"), blank=True)
    questions = EncryptedTextField(_("research questions"))
    duration = EncryptedTextField(_("duration of the collaboration"))
    anonymisation = EncryptedTextField(_("how interviews will be anonymised"))
    compensation_offered = models.BooleanField(_("compensation offered"), default=False)
    compensation = EncryptedTextField(_("compensation"), blank=True)
    needed_by = models.DateField(_("answer needed by"))
    language = models.CharField(max_length=2, choices=settings.LANGUAGES, default="en")
    received_on = models.DateField()
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, default=Decision.NEW)
    reply = EncryptedTextField(_("reply sent"), blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["needed_by", "id"]

    def __str__(self) -> str:
        return f"Research request {self.pk}"
