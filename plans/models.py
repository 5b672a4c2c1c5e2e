"""Private plans. Every column that holds what a person wrote is ciphertext under their plan's data key.

What the database sees in clear: that a space exists, a keyed hash of its pseudonym, its wrapped keys, the
version number of each part, and for a share: when it expires, whether it was revoked, which organisation
redeemed it and on which days it was viewed. No name, email, phone, address, IP address or user agent; no
dates of creation or use of a space.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation


class PartKind(models.TextChoices):
    MOTIVATIONS = "motivations", _("Motivations")
    GOALS = "goals", _("Goals and steps")
    BUDGET = "budget", _("Budget")
    SKILLS = "skills", _("Skills and work")
    NETWORK = "network", _("Support network")
    SAFETY = "safety", _("Safety and privacy")
    JOURNAL = "journal", _("Journal and milestones")


class Space(models.Model):
    """One person's private space: found by pseudonym, opened by passphrase or recovery code."""

    lookup = models.CharField(max_length=64, db_index=True)
    salt = models.CharField(max_length=32)
    kdf = models.CharField(max_length=60)
    passphrase_wrapped = models.TextField()
    recovery_lookup = models.CharField(max_length=64, unique=True)
    recovery_salt = models.CharField(max_length=32)
    recovery_kdf = models.CharField(max_length=60)
    recovery_wrapped = models.TextField()

    def __str__(self) -> str:
        return f"Private space {self.pk}"


class Part(models.Model):
    """One part of a plan: a sealed JSON document and a version number for optimistic concurrency."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="parts")
    kind = models.CharField(max_length=20, choices=PartKind.choices)
    version = models.PositiveIntegerField(default=1)
    sealed = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["space", "kind"], name="plans_part_unique_kind")]
        ordering = ["space", "kind"]

    def __str__(self) -> str:
        return f"{self.kind} of space {self.space_id} (v{self.version})"


class Share(models.Model):
    """A read-only snapshot of chosen parts, sealed under a key derived from a one-time share code."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="shares")
    lookup = models.CharField(max_length=64, unique=True)
    salt = models.CharField(max_length=32)
    kdf = models.CharField(max_length=60)
    snapshot = models.TextField(blank=True)  # emptied when revoked or expired
    details = models.TextField()  # sealed under the plan's data key: sections and creation date
    expires_on = models.DateField()  # the last day it opens: a day, not a moment (which would tell when it was made)
    revoked = models.BooleanField(default=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )  # the organisation that redeemed the code, once it has

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"Share {self.pk}"


class ShareView(models.Model):
    """A day on which an organisation opened a share: what the person sees, and nothing more."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="views")
    organisation_name = models.CharField(max_length=200)
    viewed_on = models.DateField()

    class Meta:
        ordering = ["-viewed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation_name} on {self.viewed_on}"
