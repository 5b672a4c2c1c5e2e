"""Anonymous questions from sex workers, answered by staff and by active members, moderated before anyone reads them.

Nothing identifies the person who asks: no account, no contact, no address; the day only, never the time. They come
back with a reply code (140 bits) shown once; only a keyed hash of it is stored. The question and the answers are
free text: encrypted at rest under the organisation's data key.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.scopes import ScopedManager
from crypto.fields import EncryptedFieldsMixin, EncryptedTextField
from members.models import Member


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("Waiting for an answer")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class PeerQuestion(EncryptedFieldsMixin, models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    body = EncryptedTextField(_("your question"), max_length=3000)
    language = models.CharField(max_length=2, choices=settings.LANGUAGES, default="en")
    code_hash = models.CharField(max_length=64, unique=True)
    asked_on = models.DateField()
    status = models.CharField(max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.OPEN)

    objects = ScopedManager("organisation")

    class Meta:
        ordering = ["-asked_on", "-id"]

    def __str__(self) -> str:
        return f"Peer question {self.pk}"


class AnswerStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")


class PeerAnswer(EncryptedFieldsMixin, models.Model):
    question = models.ForeignKey(PeerQuestion, on_delete=models.CASCADE, related_name="answers")
    body = EncryptedTextField(_("answer"), max_length=6000)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Or an active member who signed up to answer (members.Task.PEER_QUESTIONS).
    written_by_member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    written_on = models.DateField()
    status = models.CharField(max_length=10, choices=AnswerStatus.choices, default=AnswerStatus.PENDING)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    faq_slug = models.CharField(max_length=100, blank=True)

    objects = ScopedManager("question__organisation")

    class Meta:
        ordering = ["written_on", "id"]

    def __str__(self) -> str:
        return f"Answer {self.pk} to {self.question_id}"

    def encryption_scope(self) -> str:
        return f"org:{self.question.organisation_id}"
