"""Members of a community organisation (a sex workers' union): applications, the registry, sign-in without email.

Most members need anonymity: a pseudonym is enough, the email address is optional (only for the mailing list,
confirmed by double opt-in) and every personal value is encrypted under the organisation's data key. A member
signs in with a member code (random, shown once when they apply, kept only as a keyed hash) and a passphrase
they choose (Argon2 through Django's hashers). A member who leaves is anonymised later, on the schedule the
organisation sets (``MembershipSettings.forget_after_days``); a ``ForgottenMember`` row keeps no personal data.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.scopes import ScopedManager
from crypto.fields import EncryptedTextField


class MemberKind(models.TextChoices):
    ACTIVE = "active", _("Active member")
    SUPPORTING = "supporting", _("Supporting member")


class MemberStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    LEFT = "left", _("Left")


class Task(models.TextChoices):
    """What an organisation asks of its active members (seeds 001 and 004: UTSOPI's membership page)."""

    ORGANISE_EVENTS = "organise-events", _("Help organise events")
    REPRESENT = "represent", _("Represent the organisation at events")
    PRESS = "press", _("Be referred to journalists, writers and film makers")
    PEER_QUESTIONS = "peer-questions", _("Answer other sex workers' legal and administrative questions")
    PROOFREAD = "proofread", _("Read and check documents before publication")


class Member(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    pseudonym = EncryptedTextField(_("name or pseudonym"))
    kind = models.CharField(_("type of membership"), max_length=20, choices=MemberKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=MemberStatus.choices, default=MemberStatus.APPLIED)
    # Active members say they have experience with sex work; nobody is asked for proof.
    states_experience = models.BooleanField(default=False)
    motivation = EncryptedTextField(_("a few words about you (optional)"), blank=True)
    email = EncryptedTextField(_("email address (optional)"), blank=True)
    email_confirmed = models.BooleanField(default=False)
    email_token = models.CharField(max_length=64, blank=True)  # keyed hash of the double opt-in link's token
    newsletter = models.BooleanField(default=True)  # on the mailing list once the address is confirmed
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="nl")
    tasks = models.JSONField(default=list, blank=True)  # Task values an active member signed up for
    applied_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    renewal_date = models.DateField(_("renewal date"), null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    # Sign-in: the member code's keyed hash (for the lookup) and the passphrase's Argon2 hash.
    code_lookup = models.CharField(max_length=64, unique=True)
    passphrase_hash = models.CharField(max_length=256)
    code_is_new = models.BooleanField(default=False)  # staff issued a new code: the member chooses a passphrase

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-applied_at"]

    def __str__(self) -> str:
        return f"member {self.pk}"


class MembershipSettings(models.Model):
    """The organisation's own rules for its members."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="+")
    forget_after_days = models.PositiveIntegerField(
        _("days before a member who left is anonymised"),
        default=30,
        help_text=_("0 anonymises at the next daily purge."),
    )
    membership_months = models.PositiveIntegerField(_("months a membership lasts before renewal"), default=12)

    objects = ScopedManager("organisation")

    def __str__(self) -> str:
        return f"membership settings of organisation {self.organisation_id}"


class ActivityProposal(models.Model):
    """An active member proposes an activity and asks for support (seed 001)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, related_name="proposals")
    title = EncryptedTextField(_("activity"))
    description = EncryptedTextField(_("what you propose and the support you need"))
    created_at = models.DateTimeField(auto_now_add=True)
    handled = models.BooleanField(default=False)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"proposal {self.pk}"


class ForgottenMember(models.Model):
    """What is left of a member who was anonymised: no personal data, only that it happened and when."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=MemberKind.choices)
    left_on = models.DateField()
    forgotten_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager("organisation")

    def __str__(self) -> str:
        return f"forgotten member {self.pk}"
