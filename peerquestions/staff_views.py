"""Staff pages: answer questions, check answers before the person who asked (or anyone) reads them, turn a good
answer into a knowledge-base draft. Caseworkers and moderators answer; admins and moderators check."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import organisation_required, staff_user
from audit.services import Action, audit_log
from core.i18n import pick
from core.types import HavenRequest
from knowledge.selectors import topics_with_items
from peerquestions import selectors, services
from peerquestions.forms import AnswerForm, FaqForm
from peerquestions.models import AnswerStatus, PeerAnswer, PeerQuestion
from peerquestions.selectors import ANSWERING_ROLES, MODERATING_ROLES


def _can_moderate(request: HavenRequest) -> bool:
    return bool(set(request.roles) & set(MODERATING_ROLES))


@require_safe
@organisation_required(*ANSWERING_ROLES)
def dashboard(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    return render(
        request,
        "peerquestions/staff/dashboard.html",
        {
            "tenant": organisation,
            "open": selectors.open_questions(organisation),
            "answered": selectors.answered_questions(organisation)[:50],
            "pending": selectors.pending_answers(organisation) if _can_moderate(request) else [],
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(*ANSWERING_ROLES)
def question(request: HavenRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(PeerQuestion, pk=pk)
    user = staff_user(request)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_write(question=found, body=form.cleaned_data["body"], author=user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Your answer is waiting for someone else to check it."))
            return redirect("peerquestions:staff-question", org=request.organisation.slug, pk=found.pk)
    audit_log(actor=user, action=Action.READ, target=found)
    return render(
        request,
        "peerquestions/staff/question.html",
        {
            "tenant": request.organisation,
            "question": found,
            "answers": found.answers.all(),
            "form": form,
            "can_moderate": _can_moderate(request),
        },
    )


@require_POST
@organisation_required(*MODERATING_ROLES)
def moderate(request: HavenRequest, pk: int) -> HttpResponse:
    answer = get_object_or_404(PeerAnswer, pk=pk, status=AnswerStatus.PENDING)
    decision = request.POST.get("decision", "")
    if decision not in ("approve", "reject"):
        messages.error(request, _("Choose to approve or not."))
    else:
        try:
            services.answer_moderate(answer=answer, approve=decision == "approve", moderator=staff_user(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Approved: the person who asked can read it now.")
                if decision == "approve"
                else _("Not approved: nobody else will see it."),
            )
    return redirect("peerquestions:staff-question", org=request.organisation.slug, pk=answer.question_id)


@require_POST
@organisation_required(*MODERATING_ROLES)
def close(request: HavenRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(PeerQuestion, pk=pk)
    services.question_close(question=found, actor=staff_user(request))
    messages.success(request, _("The question is closed."))
    return redirect("peerquestions:staff", org=request.organisation.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(*MODERATING_ROLES)
def to_faq(request: HavenRequest, pk: int) -> HttpResponse:
    answer = get_object_or_404(PeerAnswer, pk=pk, status=AnswerStatus.APPROVED)
    if answer.faq_slug:
        raise PermissionDenied
    topics = [(p.topic.slug, pick(p.topic.name).text or p.topic.slug) for p in topics_with_items("en")]
    lang = answer.question.language
    initial = {f"title_{lang}": answer.question.body[:200], f"body_{lang}": answer.body}
    form = FaqForm(request.POST or None, topics=topics, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_to_faq(
                answer=answer, actor=staff_user(request), topic_slug=form.cleaned_data["topic"], texts=form.texts()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved as a draft in the knowledge base. An editor checks and publishes it."))
            return redirect("peerquestions:staff-question", org=request.organisation.slug, pk=answer.question_id)
    return render(
        request, "peerquestions/staff/faq.html", {"tenant": request.organisation, "answer": answer, "form": form}
    )
