"""Reads for peer questions."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import organisations_of
from accounts.models import Organisation, Role, User
from accounts.selectors import organisation_by_slug
from core.registry import StaffLink
from core.scopes import scope
from members.models import Member, Task
from members.selectors import is_voting_member
from peerquestions.codes import code_hash, normalize_code
from peerquestions.models import AnswerStatus, PeerAnswer, PeerQuestion, QuestionStatus

ANSWERING_ROLES = (Role.ADMIN, Role.MODERATOR, Role.CASEWORKER)
MODERATING_ROLES = (Role.ADMIN, Role.MODERATOR)


def question_by_code(organisation: Organisation, typed: str) -> PeerQuestion | None:
    code = normalize_code(typed)
    if not code:
        return None
    with scope(organisation=organisation):
        return PeerQuestion.objects.filter(code_hash=code_hash(code)).first()


def approved_answers(question: PeerQuestion) -> list[PeerAnswer]:
    with scope(organisation=question.organisation_id):
        return list(PeerAnswer.objects.filter(question=question, status=AnswerStatus.APPROVED))


def open_questions(organisation: Organisation) -> QuerySet[PeerQuestion]:
    """Inside the organisation's scope (views run in it)."""
    return PeerQuestion.objects.filter(status=QuestionStatus.OPEN)


def answered_questions(organisation: Organisation) -> QuerySet[PeerQuestion]:
    return PeerQuestion.objects.filter(status=QuestionStatus.ANSWERED)


def pending_answers(organisation: Organisation) -> QuerySet[PeerAnswer]:
    return PeerAnswer.objects.filter(status=AnswerStatus.PENDING).select_related("question")


def member_can_answer(member: Member) -> bool:
    return is_voting_member(member) and Task.PEER_QUESTIONS in (member.tasks or [])


def public_organisation(slug: str) -> Organisation | None:
    return organisation_by_slug(slug)


def staff_links(user: User) -> list[StaffLink]:
    return [
        StaffLink(
            reverse("peerquestions:staff", kwargs={"org": org.slug}),
            _("Peer questions: %(organisation)s") % {"organisation": org.name},
        )
        for org in organisations_of(user, roles=ANSWERING_ROLES)
    ]
