"""Public pages: ask a question without an account, come back with the reply code to read the checked answers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import Organisation
from accounts.selectors import active_organisations
from core.clients import Throttle
from core.i18n import current_language
from core.types import HavenRequest
from members.access import member_required
from peerquestions import selectors, services
from peerquestions.forms import AnswerForm, AskForm, CodeForm

ask_throttle = Throttle("peer-question-ask", limit=5, window=3600)
code_throttle = Throttle("peer-question-code", limit=10, window=3600)


def _organisation(slug: str) -> Organisation:
    organisation = selectors.public_organisation(slug)
    if organisation is None or not organisation.is_active:
        raise Http404
    return organisation


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "peerquestions/index.html", {"organisations": active_organisations()})


@require_http_methods(["GET", "HEAD", "POST"])
def ask(request: HttpRequest, org: str) -> HttpResponse:
    organisation = _organisation(org)
    form = AskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = getattr(request, "client_key", "")
        if ask_throttle.blocked(client):
            form.add_error(None, _("Many questions were sent from here in the last hour. Please try again later."))
        else:
            ask_throttle.hit(client)
            _question, code = services.question_ask(
                organisation=organisation, body=form.cleaned_data["body"], language=current_language()
            )
            return render(request, "peerquestions/asked.html", {"organisation": organisation, "code": code})
    return render(request, "peerquestions/ask.html", {"organisation": organisation, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def reply(request: HttpRequest, org: str) -> HttpResponse:
    """The code is sent in a form (POST), never in the address, so it stays out of the browser's history."""
    organisation = _organisation(org)
    form = CodeForm(request.POST or None)
    context: dict[str, object] = {"organisation": organisation, "form": form}
    if request.method == "POST" and form.is_valid():
        client = getattr(request, "client_key", "")
        if code_throttle.blocked(client):
            form.add_error(None, _("Too many codes were tried from here. Please try again in an hour."))
        else:
            question = selectors.question_by_code(organisation, form.cleaned_data["code"])
            if question is None:
                code_throttle.hit(client)
                form.add_error("code", _("We found no question with this code. Check it and try again."))
            else:
                context.update(question=question, answers=selectors.approved_answers(question))
    return render(request, "peerquestions/reply.html", context)


# --- Active members who signed up to answer ------------------------------------------------------------------


@require_safe
@member_required(active_only=True)
def member_questions(request: HavenRequest) -> HttpResponse:
    member = request.member  # type: ignore[attr-defined]
    if not selectors.member_can_answer(member):
        raise Http404
    return render(
        request,
        "peerquestions/member_list.html",
        {"organisation": request.organisation, "questions": selectors.open_questions(request.organisation)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@member_required(active_only=True)
def member_answer(request: HavenRequest, pk: int) -> HttpResponse:
    member = request.member  # type: ignore[attr-defined]
    if not selectors.member_can_answer(member):
        raise Http404
    question = selectors.open_questions(request.organisation).filter(pk=pk).first()
    if question is None:
        raise Http404
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_write_as_member(question=question, body=form.cleaned_data["body"], member=member)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Staff check your answer before the person who asked reads it."))
            return redirect("peerquestions:member-list", org=request.organisation.slug)
    return render(
        request,
        "peerquestions/member_answer.html",
        {"organisation": request.organisation, "question": question, "form": form},
    )
