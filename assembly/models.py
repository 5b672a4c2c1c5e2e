"""General assemblies: agenda, documents, motions and board elections, proxies, in-room counts, minutes.

The secret ballot (see docs/elections.md) rests on three tables that share nothing but the question:

- ``Participation``: who took part in a question (member + question; unique: one vote per member per question);
- ``Ballot``: what was chosen (question + option);
- ``Receipt``: the hash of the random tracker handed to the voter (question + hash), the public bulletin.

None of them has a foreign key to another, a timestamp, or a sequential id (random UUID keys), and reads order
them by key or hash, never by insertion. When a vote closes, its ballots and receipts are written again in a
random order (new keys), so that the order rows sit in on disk says nothing either.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.i18n import TranslatedField, pick
from core.scopes import ScopedManager
from crypto.fields import EncryptedFieldsMixin, EncryptedTextField
from members.models import Member


class Status(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    ANNOUNCED = "announced", _("Announced")
    OPEN = "open", _("Voting open")
    CLOSED = "closed", _("Closed, results published")


class Assembly(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = TranslatedField(_("title"))
    starts_at = models.DateTimeField(_("date and time"))
    place = TranslatedField(_("place"))
    introduction = TranslatedField(_("introduction"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    max_proxies = models.PositiveSmallIntegerField(
        _("proxies one member may hold"), default=1, help_text=_("Often 1 or 2; check your statutes.")
    )
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (percentage of active members taking part)"), default=50, help_text=_("0 means no quorum.")
    )
    room_present = models.PositiveIntegerField(_("members voting in the room"), default=0)
    eligible_count = models.PositiveIntegerField(null=True, blank=True)  # active members when voting opened
    minutes = TranslatedField(_("minutes"))

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name_plural = "assemblies"
        constraints = [models.CheckConstraint(condition=Q(quorum_percent__lte=100), name="assembly_quorum_percent")]

    def __str__(self) -> str:
        return pick(self.title).text or f"Assembly {self.pk}"


class AgendaItem(models.Model):
    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(default=0)
    title = TranslatedField(_("title"))
    body = TranslatedField(_("explanation"))

    objects = ScopedManager("assembly__organisation")

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return pick(self.title).text


class DocumentKind(models.TextChoices):
    ANNUAL_REPORT = "annual", _("Annual report")
    FINANCIAL_REPORT = "financial", _("Financial report")
    OTHER = "other", _("Other document")


class Document(models.Model):
    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=10, choices=DocumentKind.choices)
    title = TranslatedField(_("title"))
    body = TranslatedField(_("text"))

    objects = ScopedManager("assembly__organisation")

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return pick(self.title).text


class QuestionKind(models.TextChoices):
    MOTION = "motion", _("Motion (yes, no, abstain)")
    ELECTION = "election", _("Board election")


class Majority(models.TextChoices):
    SIMPLE = "simple", _("Simple majority: more yes than no")
    ABSOLUTE = "absolute", _("Absolute majority: more than half of all votes, abstentions included")
    TWO_THIRDS = "two_thirds", _("Two thirds of yes and no votes")


class Question(models.Model):
    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.MOTION)
    title = TranslatedField(_("title"))
    description = TranslatedField(_("explanation"))
    majority = models.CharField(_("majority"), max_length=12, choices=Majority.choices, default=Majority.SIMPLE)
    seats = models.PositiveSmallIntegerField(_("seats to fill"), default=1)
    result = models.JSONField(default=dict, blank=True)  # written once, when the vote closes

    objects = ScopedManager("assembly__organisation")

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return pick(self.title).text


class OptionRole(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    ABSTAIN = "abstain", _("Abstain")
    CANDIDATE = "candidate", _("Candidate")


class Candidacy(EncryptedFieldsMixin, models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="candidacies")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    statement = EncryptedTextField(_("why you stand"), max_length=1500, blank=True)
    withdrawn = models.BooleanField(default=False)

    objects = ScopedManager("question__assembly__organisation")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "member"], name="assembly_one_candidacy")]

    def __str__(self) -> str:
        return f"Candidacy {self.pk}"

    def encryption_scope(self) -> str:
        return f"org:{self.question.assembly.organisation_id}"


class Option(EncryptedFieldsMixin, models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(default=0)
    role = models.CharField(max_length=10, choices=OptionRole.choices)
    candidacy = models.OneToOneField(Candidacy, null=True, blank=True, on_delete=models.SET_NULL, related_name="option")
    # A candidate's pseudonym, copied when voting opens (encrypted like the member's own); erased if they are forgotten.
    label = EncryptedTextField(blank=True)

    objects = ScopedManager("question__assembly__organisation")

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return str(self.get_role_display())

    def encryption_scope(self) -> str:
        return f"org:{self.question.assembly.organisation_id}"


class Proxy(models.Model):
    """A written proxy: ``giver`` cannot come and lets ``holder`` vote for them, recorded by staff."""

    assembly = models.ForeignKey(Assembly, on_delete=models.CASCADE, related_name="proxies")
    giver = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    holder = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = ScopedManager("assembly__organisation")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assembly", "giver"], name="assembly_one_proxy_per_giver"),
            models.CheckConstraint(condition=~Q(giver=models.F("holder")), name="assembly_proxy_not_self"),
        ]

    def __str__(self) -> str:
        return f"Proxy {self.pk}"


class Participation(models.Model):
    """Who took part in a question. Nothing about what they chose."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    # SET_NULL: a member who is forgotten later still took part (the counts must keep adding up).
    member = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="+")
    by_proxy = models.BooleanField(default=False)

    objects = ScopedManager("question__assembly__organisation")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["question", "member"], name="assembly_one_vote_per_member")]

    def __str__(self) -> str:
        return "Participation"


class Ballot(models.Model):
    """What was chosen. Nothing about who chose it, or when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="+")

    objects = ScopedManager("question__assembly__organisation")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return "Ballot"


class Receipt(models.Model):
    """The public bulletin: the SHA-256 of each voter's tracker. Nothing about the choice, the voter or the time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    tracker_hash = models.CharField(max_length=64, unique=True)

    objects = ScopedManager("question__assembly__organisation")

    class Meta:
        ordering = ["tracker_hash"]

    def __str__(self) -> str:
        return self.tracker_hash


class RoomCount(models.Model):
    """Votes cast in the room for one option, counted by hand and entered by the chair."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="room_counts")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField(default=0)

    objects = ScopedManager("question__assembly__organisation")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "option"], name="assembly_one_room_count")]

    def __str__(self) -> str:
        return f"{self.count}"
