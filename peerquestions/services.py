"""Writes for peer questions: asking, answering, moderating, turning an answer into a knowledge-base FAQ draft."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from audit.services import Action, audit_log
from core.scopes import scope
from knowledge.services import faq_draft_create
from members.models import Member
from peerquestions.codes import code_hash, new_code
from peerquestions.models import AnswerStatus, PeerAnswer, PeerQuestion, QuestionStatus
from peerquestions.selectors import member_can_answer


def question_ask(*, organisation: Organisation, body: str, language: str) -> tuple[PeerQuestion, str]:
    """Store an anonymous question; return it with the reply code, which is shown once and never stored."""
    code = new_code()
    with scope(organisation=organisation), transaction.atomic():
        question = PeerQuestion(
            organisation=organisation,
            body=body.strip(),
            language=language,
            code_hash=code_hash(code),
            asked_on=timezone.localdate(),
        )
        question.full_clean(exclude=["organisation"])
        question.save()
    return question, code


def answer_write(*, question: PeerQuestion, body: str, author: User) -> PeerAnswer:
    if question.status == QuestionStatus.CLOSED:
        raise ValidationError(_("This question is closed."))
    with transaction.atomic():
        answer = PeerAnswer(question=question, body=body.strip(), written_by=author, written_on=timezone.localdate())
        answer.full_clean(exclude=["question", "written_by", "moderated_by"])
        answer.save()
        audit_log(actor=author, action=Action.CREATE, target=answer, organisation_id=question.organisation_id)
    return answer


def answer_write_as_member(*, question: PeerQuestion, body: str, member: Member) -> PeerAnswer:
    """An active member who signed up to answer writes an answer; staff check it like any other."""
    if not member_can_answer(member) or member.organisation_id != question.organisation_id:
        raise ValidationError(_("Only active members who signed up to answer questions can answer."))
    if question.status == QuestionStatus.CLOSED:
        raise ValidationError(_("This question is closed."))
    with transaction.atomic():
        answer = PeerAnswer(
            question=question, body=body.strip(), written_by_member=member, written_on=timezone.localdate()
        )
        answer.full_clean(exclude=["question", "written_by", "written_by_member", "moderated_by"])
        answer.save()
    return answer


def answer_moderate(*, answer: PeerAnswer, approve: bool, moderator: User) -> PeerAnswer:
    """Approve (the person who asked can then read it) or reject an answer. Nobody moderates their own answer."""
    if answer.written_by_id == moderator.pk:
        raise ValidationError(_("Someone else has to check your own answer."))
    with transaction.atomic():
        answer.status = AnswerStatus.APPROVED if approve else AnswerStatus.REJECTED
        answer.moderated_by = moderator
        answer.save(update_fields=["status", "moderated_by"])
        question = answer.question
        if approve and question.status == QuestionStatus.OPEN:
            question.status = QuestionStatus.ANSWERED
            question.save(update_fields=["status"])
        audit_log(
            actor=moderator,
            action=Action.UPDATE,
            target=answer,
            organisation_id=question.organisation_id,
        )
    return answer


def question_close(*, question: PeerQuestion, actor: User) -> PeerQuestion:
    with transaction.atomic():
        question.status = QuestionStatus.CLOSED
        question.save(update_fields=["status"])
        audit_log(actor=actor, action=Action.UPDATE, target=question)
    return question


def answer_to_faq(*, answer: PeerAnswer, actor: User, topic_slug: str, texts: dict[str, tuple[str, str]]) -> str:
    """Make an approved answer a knowledge-base FAQ draft (``texts``: language -> (question, answer)), for editors
    to review and publish. Returns the new item's slug."""
    if answer.status != AnswerStatus.APPROVED:
        raise ValidationError(_("Only an approved answer can become a knowledge-base entry."))
    if answer.faq_slug:
        raise ValidationError(_("This answer is already a knowledge-base draft."))
    with transaction.atomic():
        item = faq_draft_create(
            topic_slug=topic_slug,
            slug_hint=f"peer-question-{answer.question_id}",
            source_language=answer.question.language,
            texts=texts,
            author=actor,
            note=_("From an answer to a peer question"),
        )
        answer.faq_slug = item.slug
        answer.save(update_fields=["faq_slug"])
        audit_log(actor=actor, action=Action.SHARE, target=answer, organisation_id=answer.question.organisation_id)
    return item.slug
